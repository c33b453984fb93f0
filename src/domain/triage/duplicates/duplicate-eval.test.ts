import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { generateComplaints } from './complaint-generator.js';
import { DEFAULT_DUPLICATE_CONFIG } from './duplicate-config.js';
import { chooseThresholds, evaluateDuplicateFinder, evaluationTokens } from './duplicate-eval.js';

// sastrawijs ships no types that resolve under NodeNext; require() keeps this test free of a declaration file.
const { Stemmer } = createRequire(import.meta.url)('sastrawijs') as { Stemmer: new () => { stem(word: string): string } };
const stemmer = new Stemmer();
const tokenize = (text: string) => evaluationTokens(text, (w) => stemmer.stem(w));
const start = Date.UTC(2025, 0, 1);

describe('complaint generator', () => {
  it('is deterministic for a seed and labels paraphrased duplicates', () => {
    const a = generateComplaints({ seed: 7, neighbourhoods: 50, start });
    expect(generateComplaints({ seed: 7, neighbourhoods: 50, start })).toEqual(a);
    expect(generateComplaints({ seed: 8, neighbourhoods: 50, start })).not.toEqual(a);
    const byIncident = new Map<string, typeof a>();
    for (const r of a) byIncident.set(r.incidentId, [...(byIncident.get(r.incidentId) ?? []), r]);
    const repeated = [...byIncident.values()].filter((rs) => rs.length > 1);
    expect(repeated.length).toBeGreaterThan(10);
    // Duplicates share a category but are not verbatim copies.
    for (const rs of repeated) expect(new Set(rs.map((r) => r.category)).size).toBe(1);
    expect(repeated.some((rs) => new Set(rs.map((r) => r.text)).size === rs.length)).toBe(true);
  });
});

describe('duplicate finder quality on generated complaints', () => {
  // A seed other than the one the defaults were chosen on.
  const evaluation = evaluateDuplicateFinder(generateComplaints({ seed: 99, neighbourhoods: 400, start }), tokenize, DEFAULT_DUPLICATE_CONFIG, [
    DEFAULT_DUPLICATE_CONFIG.suggestThreshold,
    DEFAULT_DUPLICATE_CONFIG.autoLinkThreshold,
  ]);
  const [atSuggest, atAutoLink] = evaluation.table;

  it('suggests most true duplicates at the default threshold, mostly correctly', () => {
    expect(evaluation.truePairs).toBeGreaterThan(300);
    expect(atSuggest.suggestRecall).toBeGreaterThanOrEqual(0.85);
    expect(atSuggest.suggestPrecision).toBeGreaterThanOrEqual(0.6);
  });

  it('auto-links only when it is nearly always right', () => {
    expect(atAutoLink.linked).toBeGreaterThan(20);
    expect(atAutoLink.linkPrecision).toBeGreaterThanOrEqual(0.97);
  });

  it('chooses thresholds that meet the targets it is given', () => {
    const full = evaluateDuplicateFinder(generateComplaints({ seed: 5, neighbourhoods: 200, start }), tokenize);
    const chosen = chooseThresholds(full, { suggestMinRecall: 0.8, autoLinkMinPrecision: 0.95 });
    expect(chosen.suggest!.suggestRecall).toBeGreaterThanOrEqual(0.8);
    expect(chosen.autoLink!.linkPrecision).toBeGreaterThanOrEqual(0.95);
    expect(chosen.autoLink!.threshold).toBeGreaterThan(chosen.suggest!.threshold);
  });
});
