import { seededRandom } from '../../random.js';
import {
  CLOSINGS, COMPLAINT_TEMPLATES, DURATIONS, JAKARTA_STREET_NAMES, LANDMARKS, OPENINGS, STREET_SUFFIXES, type CategoryTemplate,
} from './complaint-templates.js';

/**
 * Generates a labelled set of complaints for measuring the duplicate finder: incidents grouped in
 * neighbourhoods (so distinct incidents of one category often lie within each other's radius and window,
 * the hard negatives), each reported 1–4 times by different citizens in different words, from slightly
 * different GPS points and days. Deterministic for a seed.
 */

export interface GeneratedReport {
  id: string;
  /** Reports with the same incident id are true duplicates. */
  incidentId: string;
  category: string;
  lat: number;
  lng: number;
  createdAt: number;
  text: string;
}

export interface GeneratorOptions {
  seed: number;
  neighbourhoods: number;
  /** Epoch ms of the first report. */
  start: number;
  /** Neighbourhood start times spread over this many days. */
  spanDays?: number;
  /** Share of would-be repeats (same problem, same street, same neighbourhood) kept as distinct incidents. */
  hardShare?: number;
}

const DAY = 86_400_000;
const METRES_PER_DEGREE = 111_195;
/** Mainland Jakarta, roughly. */
const BOUNDS = { south: -6.35, north: -6.1, west: 106.7, east: 106.97 };

export function generateComplaints(options: GeneratorOptions): GeneratedReport[] {
  const rnd = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const reports: GeneratedReport[] = [];
  let incidentNo = 0;
  for (let n = 0; n < options.neighbourhoods; n++) {
    const centre = { lat: BOUNDS.south + rnd() * (BOUNDS.north - BOUNDS.south), lng: BOUNDS.west + rnd() * (BOUNDS.east - BOUNDS.west) };
    const base = options.start + Math.floor(rnd() * (options.spanDays ?? 60) * DAY);
    // Neighbouring streets often share a name ("Jl. Kramat Raya", "Jl. Kramat II"): hard negatives.
    const street = (name: string) => `Jl. ${name} ${pick(STREET_SUFFIXES)}`.trim();
    const main = pick(JAKARTA_STREET_NAMES);
    const streets = [street(main), street(rnd() < 0.4 ? main : pick(JAKARTA_STREET_NAMES)), street(pick(JAKARTA_STREET_NAMES))];
    // One or two categories per neighbourhood, so same-category distinct incidents sit close together.
    const categories: CategoryTemplate[] = [pick(COMPLAINT_TEMPLATES), pick(COMPLAINT_TEMPLATES)];
    const incidents = 2 + Math.floor(rnd() * 4);
    const used = new Map<string, string>();
    for (let i = 0; i < incidents; i++) {
      const template = pick(categories);
      const problem = pick(template.problems);
      const street = pick(streets);
      let landmark = pick(LANDMARKS);
      // Distinct incidents must be distinguishable in principle: a different problem or street, or, for a
      // share of hard cases, the same problem on the same street at another landmark.
      // An area-wide event (a flood, a water outage) happens once per neighbourhood.
      const key = template.areaWide ? `${template.category}/${problem.key}` : `${template.category}/${problem.key}/${street}`;
      const prior = used.get(key);
      if (prior !== undefined && template.areaWide) continue;
      if (prior !== undefined) {
        if (rnd() >= (options.hardShare ?? 0.15)) continue;
        while (landmark === prior) landmark = pick(LANDMARKS);
      }
      used.set(key, landmark);
      const incidentId = `i${incidentNo++}`;
      const spot = offset(centre, rnd() * 150, rnd() * 2 * Math.PI);
      const when = base + Math.floor(rnd() * 10 * DAY);
      const u = rnd();
      const copies = u < 0.45 ? 1 : u < 0.75 ? 2 : u < 0.9 ? 3 : 4;
      for (let c = 0; c < copies; c++) {
        // Reporters of an area-wide event are spread over the neighbourhood and name their own street.
        const reporterStreet = template.areaWide ? pick(streets) : street;
        const sentence = pick(problem.paraphrases)
          .replace('{jalan}', writeStreet(reporterStreet, rnd))
          .replace('{patokan}', rnd() < 0.75 ? landmark : rnd() < 0.5 ? pick(LANDMARKS) : '')
          .replace('{durasi}', pick(DURATIONS))
          .replace('{dampak}', pick(problem.dampak));
        const text = informal([pick(OPENINGS), sentence, pick(CLOSINGS)].filter(Boolean).join(' '), rnd);
        const at = offset(spot, Math.abs(gauss()) * (template.areaWide ? 250 : 30), rnd() * 2 * Math.PI);
        reports.push({
          id: `r${reports.length}`,
          incidentId,
          category: template.category,
          lat: at.lat,
          lng: at.lng,
          createdAt: when + Math.floor(rnd() * 3 * DAY),
          text: text.replace(/\s+/g, ' ').trim(),
        });
      }
    }
  }
  return reports.sort((a, b) => a.createdAt - b.createdAt);
}

function offset(p: { lat: number; lng: number }, metres: number, bearing: number): { lat: number; lng: number } {
  const dLat = (metres * Math.cos(bearing)) / METRES_PER_DEGREE;
  const dLng = (metres * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** Citizens write street names loosely: "Jl. Kramat Raya", "jalan kramat raya", "kramat raya". */
function writeStreet(street: string, rnd: () => number): string {
  const bare = street.replace(/^Jl\. /, '');
  const u = rnd();
  if (u < 0.4) return street;
  if (u < 0.6) return `jalan ${bare.toLowerCase()}`;
  if (u < 0.8) return bare;
  return `jln ${bare}`;
}

const INFORMAL: [RegExp, string[]][] = [
  [/\btidak\b/g, ['gak', 'tdk', 'nggak']],
  [/\bsudah\b/g, ['udah', 'sdh']],
  [/\byang\b/g, ['yg']],
  [/\bdengan\b/g, ['dgn']],
  [/\bsekali\b/g, ['banget']],
];

function informal(text: string, rnd: () => number): string {
  let out = text;
  for (const [pattern, options] of INFORMAL) {
    if (rnd() < 0.35) out = out.replace(pattern, options[Math.floor(rnd() * options.length)]);
  }
  return rnd() < 0.3 ? out.toLowerCase() : out;
}

