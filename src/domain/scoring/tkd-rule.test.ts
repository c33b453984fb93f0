import { describe, expect, it } from 'vitest';
import { applyAppeals } from './appeals.js';
import type { CaseOutcome } from './case-outcome.js';
import type { MonthlyFigures, ShareFigure } from './monthly-figures.js';
import { DEFAULT_TKD_RULE, type TkdRule, scoreMonth, validateTkdRule } from './tkd-rule.js';

const share = (met: number, counted: number): ShareFigure => {
  const ids = Array.from({ length: counted }, (_, i) => `c${i}`);
  return { share: counted === 0 ? null : met / counted, met: ids.slice(0, met), counted: ids };
};
const count = (n: number) => ({ value: n, caseIds: Array.from({ length: n }, (_, i) => `f${i}`) });

function month(parts: { v?: [number, number]; r?: [number, number]; f?: [number, number]; s?: [number, number]; rating?: number | null; flags?: number }): MonthlyFigures {
  const none = { median: { value: null, caseId: null }, p90: { value: null, caseId: null }, caseIds: [] };
  return {
    key: 'x',
    month: '2025-07',
    received: count(0),
    onTime: {
      verification: share(...(parts.v ?? [0, 0])),
      first_response: share(...(parts.r ?? [0, 0])),
      follow_up: share(...(parts.f ?? [0, 0])),
      resolution: share(...(parts.s ?? [0, 0])),
    },
    responseTime: none,
    resolutionTime: none,
    redFlags: count(parts.flags ?? 0),
    backlog: { at: new Date(0), total: count(0), buckets: [] },
    reopenRate: share(0, 0),
    rating: { average: parts.rating ?? null, caseIds: [] },
    misrouted: count(0),
    appeals: [],
  };
}

describe('scoreMonth', () => {
  it('gives full marks and no deduction to a perfect month', () => {
    const s = scoreMonth(month({ v: [4, 4], r: [4, 4], f: [4, 4], s: [4, 4], rating: 5 }));
    expect([s.score, s.band, s.deductionPercent]).toEqual([100, 'baik', 0]);
  });

  it('rescales the weights over the parts that have data', () => {
    // Only follow-up (weight 40) and resolution (weight 30) have data: (40·0.5 + 30·1) / 70 = 71.43.
    const s = scoreMonth(month({ f: [1, 2], s: [3, 3] }));
    expect(s.score).toBe(71.43);
    expect(s.parts.find((p) => p.part === 'rating')).toMatchObject({ value: null, points: 0 });
  });

  it('scores a month without data as configured', () => {
    expect(scoreMonth(month({})).score).toBe(100);
    expect(scoreMonth(month({}), { ...DEFAULT_TKD_RULE, scoreWhenNoData: 0 }).band).toBe('buruk');
  });

  it('deducts red-flag points up to the cap and maps the worst band to the whole component (10 % of TKD)', () => {
    expect(scoreMonth(month({ f: [10, 10], flags: 3 })).score).toBe(85);
    const s = scoreMonth(month({ f: [10, 10], flags: 40 }));
    expect([s.redFlagPoints, s.score, s.band, s.deductionPercent]).toEqual([50, 50, 'buruk', 10]);
  });

  it('reads the band on the rounded score', () => {
    // Only follow-up has data, so score = 100 × its share: 89.99 stays below 90; 89.995 rounds to 90.00.
    expect(scoreMonth(month({ f: [8999, 10000] })).band).toBe('cukup');
    expect(scoreMonth(month({ f: [17999, 20000] })).band).toBe('baik');
  });

  it('takes another city’s rule', () => {
    const rule: TkdRule = {
      ...DEFAULT_TKD_RULE,
      componentWeightPercent: 20,
      weights: { follow_up: 1 },
      bands: [
        { minScore: 50, lossPercentOfComponent: 0, label: 'lulus' },
        { minScore: 0, lossPercentOfComponent: 50, label: 'gagal' },
      ],
    };
    expect(scoreMonth(month({ f: [1, 4], s: [0, 4] }), rule).deductionPercent).toBe(10);
  });

  it('rejects an inconsistent rule, listing every problem', () => {
    const bad = { ...DEFAULT_TKD_RULE, componentWeightPercent: 120, bands: [{ minScore: 10, lossPercentOfComponent: 0, label: 'x' }] };
    expect(validateTkdRule(bad)).toEqual(['componentWeightPercent must be 0–100', 'the last band must start at 0']);
    expect(() => scoreMonth(month({}), bad)).toThrow(/invalid TKD rule/);
  });
});

describe('applyAppeals', () => {
  const o = (caseId: string, agencyId: string): CaseOutcome => ({
    caseId,
    agencyId,
    receivedAt: new Date(0),
    held: [],
    targets: {},
    responseWorkingMs: null,
    resolutionWorkingMs: null,
    resolvedAt: null,
    redFlagAt: null,
    reopened: false,
    rating: null,
  });

  it('does not count a case twice for an agency that already answers for it', () => {
    const result = applyAppeals([o('K1', 'a'), o('K1', 'b')], [], [
      { id: 'P', caseId: 'K1', agencyId: 'a', decision: 'accepted', remedy: { kind: 'reattribute', toAgencyId: 'b' } },
    ]);
    expect(result.outcomes.map((x) => x.agencyId)).toEqual(['b']);
    expect(result.applied[0].effect).toBe('excluded_target_already_counted');
  });

  it('ignores pending and rejected appeals and moves misroute charges with an accepted re-attribution', () => {
    const misroute = { caseId: 'K2', chargedTo: 'a', heldBy: 'c', from: new Date(0), to: new Date(1), workingMs: 1 };
    const result = applyAppeals([o('K2', 'a')], [misroute], [
      { id: 'P1', caseId: 'K2', agencyId: 'a', decision: 'pending', remedy: { kind: 'exclude' } },
      { id: 'P2', caseId: 'K2', agencyId: 'a', decision: 'accepted', remedy: { kind: 'reattribute', toAgencyId: 'd' } },
    ]);
    expect(result.outcomes.map((x) => x.agencyId)).toEqual(['d']);
    expect(result.misroutes.map((m) => m.chargedTo)).toEqual(['d']);
  });
});
