import type { GeneratedReport } from './complaint-generator.js';
import { DEFAULT_DUPLICATE_CONFIG, type DuplicateConfig } from './duplicate-config.js';
import { DuplicateIndex } from './duplicate-index.js';

/**
 * Precision and recall of the duplicate finder on labelled reports, replayed in time order as they would
 * arrive: each report is searched against the open cases before it, then added.
 * - suggestion, per pair: of the (report, earlier report) pairs scored ≥ τ, how many are the same incident
 *   (precision); of all same-incident pairs, how many are scored ≥ τ (recall);
 * - auto-link, per report: the top candidate ≥ τ is linked; precision counts links to the right incident,
 *   recall counts duplicate reports that got linked.
 */

export interface ThresholdFigures {
  threshold: number;
  suggestPrecision: number;
  suggestRecall: number;
  suggestF1: number;
  linkPrecision: number;
  linkRecall: number;
  linked: number;
}

export interface DuplicateEvaluation {
  reports: number;
  incidents: number;
  /** Same-incident pairs (each report with every earlier report of its incident). */
  truePairs: number;
  /** Reports that have an earlier report of their incident. */
  duplicateReports: number;
  table: ThresholdFigures[];
}

export function evaluateDuplicateFinder(
  reports: readonly GeneratedReport[],
  tokenize: (text: string) => string[],
  config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
  thresholds: readonly number[] = range(0.05, 0.95, 0.05),
): DuplicateEvaluation {
  const index = new DuplicateIndex({ ...config, suggestThreshold: 1e-9, maxCandidates: 1000 });
  const pairs: { score: number; same: boolean }[] = [];
  const tops: { score: number; same: boolean }[] = [];
  const seen = new Map<string, number>();
  let truePairs = 0;
  let duplicateReports = 0;
  const incidentOf = new Map(reports.map((r) => [r.id, r.incidentId]));
  for (const r of [...reports].sort((a, b) => a.createdAt - b.createdAt)) {
    const tokens = tokenize(r.text);
    const earlier = seen.get(r.incidentId) ?? 0;
    truePairs += earlier;
    if (earlier > 0) duplicateReports++;
    const found = index.findCandidates({ category: r.category, lat: r.lat, lng: r.lng, createdAt: r.createdAt, tokens });
    for (const c of found) pairs.push({ score: c.score, same: incidentOf.get(c.id) === r.incidentId });
    if (found.length > 0) tops.push({ score: found[0].score, same: incidentOf.get(found[0].id) === r.incidentId });
    index.insert({ id: r.id, category: r.category, lat: r.lat, lng: r.lng, createdAt: r.createdAt, tokens });
    seen.set(r.incidentId, earlier + 1);
  }
  const table = thresholds.map((threshold) => {
    const suggested = pairs.filter((p) => p.score >= threshold);
    const tp = suggested.filter((p) => p.same).length;
    const linked = tops.filter((t) => t.score >= threshold);
    const correct = linked.filter((t) => t.same).length;
    const precision = ratio(tp, suggested.length);
    const recall = ratio(tp, truePairs);
    return {
      threshold: round(threshold),
      suggestPrecision: precision,
      suggestRecall: recall,
      suggestF1: precision + recall > 0 ? round((2 * precision * recall) / (precision + recall)) : 0,
      linkPrecision: ratio(correct, linked.length),
      linkRecall: ratio(correct, duplicateReports),
      linked: linked.length,
    };
  });
  return { reports: reports.length, incidents: seen.size, truePairs, duplicateReports, table };
}

/** The highest suggest threshold keeping pair recall, and the lowest auto-link threshold keeping precision. */
export function chooseThresholds(
  evaluation: DuplicateEvaluation,
  targets: { suggestMinRecall: number; autoLinkMinPrecision: number } = { suggestMinRecall: 0.9, autoLinkMinPrecision: 0.99 },
): { suggest: ThresholdFigures | null; autoLink: ThresholdFigures | null } {
  const byThreshold = [...evaluation.table].sort((a, b) => a.threshold - b.threshold);
  const suggest = [...byThreshold].reverse().find((r) => r.suggestRecall >= targets.suggestMinRecall) ?? null;
  const autoLink = byThreshold.find((r) => r.linked > 0 && r.linkPrecision >= targets.autoLinkMinPrecision) ?? null;
  return { suggest, autoLink };
}

const STOPWORDS = new Set(
  ('di ke dari yang yg dan atau ini itu sudah udah sdh sangat sekali banget mohon tolong segera pak bu min ' +
    'terima kasih makasih yth ada jadi juga karena kalau bisa sejak tadi hari minggu lalu kemarin pagi ' +
    'sore malam sudah belum tidak gak tdk nggak sampai buat dengan dgn oleh untuk mau lapor').split(' '),
);
const SPELLING: Record<string, string> = { jl: 'jalan', jln: 'jalan', pdam: 'pam', ambles: 'amblas', got: 'selokan' };

/**
 * A deliberately plain tokenizer for the evaluation (lower-case, a few spellings, stopwords, "-nya", and an
 * optional stemmer such as sastrawijs'), so the figures do not depend on the project's text pipeline, which
 * is written separately and feeds the index in production.
 */
export function evaluationTokens(text: string, stem: (word: string) => string = (w) => w): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) => SPELLING[w] ?? w.replace(/nya$/, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(round(x));
  return out;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
