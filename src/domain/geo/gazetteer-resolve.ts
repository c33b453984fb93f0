import type { AreaLevel, AreaName } from './area.js';
import type { AreaHierarchy } from './area-hierarchy.js';

/**
 * Turns the place mentions found in one text into one answer. Mentions support each other when one names
 * an area containing the other ("Kel. Gambir, Jakarta Pusat"); a kota or kecamatan mention that contains
 * none of a candidate's alternatives counts against it. The answer is the most specific area the text
 * supports; a bare name that fits nested areas ("Gambir" is a kelurahan inside kecamatan Gambir) yields
 * the container, and a name that fits separate areas is marked ambiguous with its confidence divided.
 */

export interface Mention {
  startToken: number;
  endToken: number;
  /** Offsets in the original text, marker included ("Kel. Gambir"). */
  start: number;
  end: number;
  candidates: { area: AreaName; score: number; via: MatchVia }[];
}

export type MatchVia = 'marker' | 'name' | 'street' | 'typo';

export interface PlaceMatch {
  code: string;
  name: string;
  level: AreaLevel;
  /** 0–1: how sure the finder is that the text means this area. */
  confidence: number;
  span: { start: number; end: number; text: string };
  /** How it was recognised: after a level marker, by name alone, as a street name, or with a typo. */
  via: MatchVia;
}

export interface PlaceFinding {
  best: PlaceMatch | null;
  /** Every area the text may mean, most likely first (the best one included). */
  candidates: PlaceMatch[];
  /** True when the best answer ties with an unrelated area (the officer should choose). */
  ambiguous: boolean;
}

const SUPPORT_WEIGHT = 0.5;
const CONTRADICTION_FACTOR = 0.85;
const NESTED_TIE_FACTOR = 0.6;
const REFINE_FLOOR = 0.5;
const TIE_MARGIN = 0.02;
const LEVEL_RANK: Record<AreaLevel, number> = { kota: 0, kecamatan: 1, kelurahan: 2 };

interface Scored {
  area: AreaName;
  via: MatchVia;
  mention: number;
  final: number;
}

export function resolveMentions(mentions: readonly Mention[], hierarchy: AreaHierarchy, text: string): PlaceFinding {
  const within = (a: AreaName, b: AreaName) => hierarchy.isWithin(a.code, b.code);
  const scored: Scored[] = mentions.flatMap((m, index) =>
    m.candidates.map((c) => {
      let miss = 1 - c.score;
      let contradictions = 0;
      mentions.forEach((other, o) => {
        if (o === index) return;
        const support = Math.max(0, ...other.candidates.filter((x) => within(c.area, x.area)).map((x) => x.score));
        if (support > 0) miss *= 1 - SUPPORT_WEIGHT * support;
        else if (other.candidates.every((x) => x.area.level !== 'kelurahan' && !within(x.area, c.area))) contradictions++;
      });
      return { area: c.area, via: c.via, mention: index, final: (1 - miss) * CONTRADICTION_FACTOR ** contradictions };
    }),
  );
  // One bare name for nested areas: keep the container in front, the inner area as a weaker candidate.
  for (const inner of scored) {
    const tie = scored.some(
      (outer) => outer !== inner && outer.mention === inner.mention && Math.abs(outer.final - inner.final) < 1e-9 &&
        outer.area.code !== inner.area.code && within(inner.area, outer.area),
    );
    if (tie) inner.final *= NESTED_TIE_FACTOR;
  }
  const byArea = new Map<string, Scored>();
  for (const s of scored) {
    const prior = byArea.get(s.area.code);
    if (!prior || prior.final < s.final) byArea.set(s.area.code, s);
  }
  const ranked = [...byArea.values()].sort(
    (a, b) => b.final - a.final || LEVEL_RANK[a.area.level] - LEVEL_RANK[b.area.level],
  );
  if (ranked.length === 0) return { best: null, candidates: [], ambiguous: false };

  let best = ranked[0];
  for (;;) {
    const finer = ranked.find(
      (s) => s !== best && s.via !== 'street' && s.final >= REFINE_FLOOR && within(s.area, best.area) && s.area.code !== best.area.code,
    );
    if (!finer) break;
    best = finer;
  }
  const rivals = ranked.filter(
    (s) => s !== best && s.final >= best.final - TIE_MARGIN && !within(s.area, best.area) && !within(best.area, s.area),
  );
  const present = (s: Scored, confidence: number): PlaceMatch => {
    const m = mentions[s.mention];
    return {
      code: s.area.code,
      name: s.area.name,
      level: s.area.level,
      confidence: round(confidence),
      span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) },
      via: s.via,
    };
  };
  // Tied rivals share the belief: each is as likely as the best.
  const share = 1 / (1 + rivals.length);
  const bestMatch = present(best, best.final * share);
  return {
    best: bestMatch,
    candidates: [
      bestMatch,
      ...ranked.filter((s) => s !== best).map((s) => present(s, rivals.includes(s) ? s.final * share : s.final)),
    ],
    ambiguous: rivals.length > 0,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
