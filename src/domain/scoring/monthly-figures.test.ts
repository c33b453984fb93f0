import { beforeAll, describe, expect, it } from 'vitest';
import { createJakartaCalendar } from '../calendar/index.js';
import { computeSlaClock } from '../sla/index.js';
import type { Appeal } from './appeals.js';
import { type CaseOutcome, type MisrouteOutcome, outcomesFromClock } from './case-outcome.js';
import { FIXTURE_APPEALS, FIXTURE_AS_OF, FIXTURE_CASES, FIXTURE_POLICY } from './july-2025.fixture.js';
import { type MonthlyFigures, type ShareFigure, computeMonthlyFigures } from './monthly-figures.js';
import { DEFAULT_TKD_RULE, scoreMonth } from './tkd-rule.js';

const calendar = createJakartaCalendar();
const options = { month: '2025-07', utcOffsetMinutes: 420, asOf: FIXTURE_AS_OF };
const appeals = FIXTURE_APPEALS as unknown as Appeal[];
const outcomes: CaseOutcome[] = [];
const caseOutcomes: CaseOutcome[] = [];
const misroutes: MisrouteOutcome[] = [];
let figures: Map<string | null, MonthlyFigures>;

beforeAll(() => {
  for (const c of FIXTURE_CASES) {
    const clock = computeSlaClock({ timeline: c.events, policy: FIXTURE_POLICY, calendar, asOf: FIXTURE_AS_OF });
    const o = outcomesFromClock({ caseId: c.id, clock, rating: c.rating ?? null, dimensions: { channel: c.channel } });
    outcomes.push(...o.outcomes);
    caseOutcomes.push(o.caseOutcome);
    misroutes.push(...o.misroutes);
  }
  figures = new Map(computeMonthlyFigures(outcomes, { ...options, misroutes, appeals }).map((f) => [f.key, f]));
});

const sorted = (ids: string[]) => [...ids].sort();
const shareOf = (f: ShareFigure) => [f.met.length, f.counted.length];

// Expected values worked out by hand from july-2025.fixture.ts (see the notes beside each agency).
describe('July 2025 fixture, dinas-a (A13 excluded by an accepted appeal, A14 appeal rejected)', () => {
  const f = () => figures.get('dinas-a')!;

  it('counts the cohort and the on-time shares', () => {
    expect(f().received.caseIds).toEqual(sorted(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12', 'A14']));
    expect(shareOf(f().onTime.verification)).toEqual([12, 13]); // A5 never verified
    expect(shareOf(f().onTime.first_response)).toEqual([10, 13]); // A2, A10 late; A5 none
    expect(shareOf(f().onTime.follow_up)).toEqual([11, 13]); // A3 late; A5 none
    expect(shareOf(f().onTime.resolution)).toEqual([8, 12]); // A8 handed over; A3, A10 late; A4, A5 open past due
    expect(f().onTime.resolution.counted).not.toContain('A8');
  });

  it('computes response and resolution times in working hours, nearest rank', () => {
    expect(f().responseTime.caseIds).toHaveLength(12);
    expect(f().responseTime.median).toEqual({ value: 2, caseId: 'A1' });
    expect(f().responseTime.p90).toEqual({ value: 8, caseId: 'A10' });
    expect(f().resolutionTime.caseIds).toEqual(sorted(['A1', 'A2', 'A3', 'A6', 'A7', 'A9', 'A10', 'A11', 'A12', 'A14']));
    expect(f().resolutionTime.median).toEqual({ value: 31, caseId: 'A11' });
    expect(f().resolutionTime.p90).toEqual({ value: 44, caseId: 'A3' });
  });

  it('lists red flags, backlog, reopen rate, rating and the applied appeal', () => {
    expect(f().redFlags.caseIds).toEqual(['A5']);
    expect(f().backlog.total.caseIds).toEqual(['A12', 'A4', 'A5']);
    expect(f().backlog.buckets.map((b) => [b.label, b.caseIds])).toEqual([
      ['0–3 d', ['A12']],
      ['3–7 d', []],
      ['7–14 d', []],
      ['14–30 d', ['A4', 'A5']],
      ['30–60 d', []],
      ['60+ d', []],
    ]);
    expect(shareOf(f().reopenRate)).toEqual([1, 10]);
    expect(f().reopenRate.met).toEqual(['A7']);
    expect(f().rating.average).toBe(29 / 8);
    expect(f().misrouted.value).toBe(0);
    expect(f().appeals).toEqual([{ appealId: 'AP1', caseId: 'A13', agencyId: 'dinas-a', effect: 'excluded' }]);
  });
});

describe('July 2025 fixture, dinas-b (B12 re-attributed to kel-c)', () => {
  const f = () => figures.get('dinas-b')!;

  it('counts cases transferred in from their receipt and leaves handed-over, paused and cancelled targets out', () => {
    expect(f().received.caseIds).toEqual(sorted(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'A8', 'C3']));
    expect(shareOf(f().onTime.verification)).toEqual([9, 9]);
    expect(shareOf(f().onTime.first_response)).toEqual([9, 10]);
    expect(shareOf(f().onTime.follow_up)).toEqual([9, 11]);
    expect(shareOf(f().onTime.resolution)).toEqual([6, 8]);
    expect(f().onTime.resolution.counted).toEqual(sorted(['A8', 'B1', 'B2', 'B3', 'B4', 'B8', 'B9', 'C3']));
  });

  it('computes times, red flags, backlog and rating', () => {
    expect(f().responseTime.median).toEqual({ value: 2, caseId: 'B2' });
    expect(f().responseTime.p90).toEqual({ value: 8, caseId: 'B8' });
    expect(f().resolutionTime.median).toEqual({ value: 18, caseId: 'B2' });
    expect(f().resolutionTime.p90).toEqual({ value: 50, caseId: 'B4' });
    expect(f().redFlags.caseIds).toEqual(['B4', 'B9']);
    expect(f().backlog.buckets.filter((b) => b.caseIds.length > 0).map((b) => [b.label, b.caseIds])).toEqual([
      ['7–14 d', ['B9']],
      ['14–30 d', ['B5']],
    ]);
    expect(shareOf(f().reopenRate)).toEqual([0, 7]);
    expect(f().rating.average).toBe(4);
    expect(f().appeals.map((a) => [a.caseId, a.effect, a.toAgencyId])).toEqual([['B12', 'reattributed', 'kel-c']]);
  });
});

describe('July 2025 fixture, kel-c (receives B12; charged with the C3 misroute)', () => {
  const f = () => figures.get('kel-c')!;

  it('counts its cohort and shares, C0 (June) only in the backlog', () => {
    expect(f().received.caseIds).toEqual(sorted(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'B7', 'B12']));
    expect(shareOf(f().onTime.verification)).toEqual([7, 7]);
    expect(shareOf(f().onTime.first_response)).toEqual([5, 7]);
    expect(shareOf(f().onTime.follow_up)).toEqual([7, 8]);
    expect(shareOf(f().onTime.resolution)).toEqual([6, 7]);
    expect(f().backlog.buckets.filter((b) => b.caseIds.length > 0).map((b) => [b.label, b.caseIds])).toEqual([
      ['0–3 d', ['C6']],
      ['30–60 d', ['C0']],
    ]);
  });

  it('computes times, red flags, reopen rate, rating and misroutes', () => {
    expect(f().responseTime.median).toEqual({ value: 1, caseId: 'C5' });
    expect(f().responseTime.p90).toEqual({ value: 9, caseId: 'C2' });
    expect(f().resolutionTime.median).toEqual({ value: 10, caseId: 'C5' });
    expect(f().resolutionTime.p90).toEqual({ value: 42, caseId: 'B12' });
    expect(f().redFlags.caseIds).toEqual(['C4']);
    expect(shareOf(f().reopenRate)).toEqual([1, 7]);
    expect(f().rating.average).toBe(21 / 6);
    expect(f().misrouted.caseIds).toEqual(['C3']);
  });
});

describe('drill-down and TKD score', () => {
  it('every figure equals the length of its case list', () => {
    for (const f of figures.values()) {
      expect(f.received.value).toBe(f.received.caseIds.length);
      expect(f.redFlags.value).toBe(f.redFlags.caseIds.length);
      expect(f.backlog.total.value).toBe(f.backlog.buckets.reduce((n, b) => n + b.caseIds.length, 0));
      for (const s of [...Object.values(f.onTime), f.reopenRate]) {
        expect(s.share).toBe(s.counted.length === 0 ? null : s.met.length / s.counted.length);
        expect(s.met.every((id) => s.counted.includes(id))).toBe(true);
      }
    }
  });

  it('scores each agency with the default rule (hand-computed)', () => {
    const scores = ['dinas-a', 'dinas-b', 'kel-c'].map((k) => scoreMonth(figures.get(k)!, DEFAULT_TKD_RULE));
    // dinas-a: 10·12/13 + 10·10/13 + 40·11/13 + 30·8/12 + 10·(3.625−1)/4 = 77.33 − 1 flag × 5 = 72.33 → kurang.
    // dinas-b: 10 + 9 + 40·9/11 + 30·6/8 + 10·0.75 = 81.73 − 2 × 5 = 71.73 → kurang.
    // kel-c: 10 + 10·5/7 + 40·7/8 + 30·6/7 + 10·0.625 = 84.11 − 5 = 79.11 → cukup.
    expect(scores.map((s) => [s.key, s.score, s.band, s.deductionPercent])).toEqual([
      ['dinas-a', 72.33, 'kurang', 5],
      ['dinas-b', 71.73, 'kurang', 5],
      ['kel-c', 79.11, 'cukup', 2.5],
    ]);
    expect(scores[0].redFlagCaseIds).toEqual(['A5']);
  });

  it('recomputes when an appeal is accepted: without AP1, A13 counts against dinas-a', () => {
    const withoutAp1 = appeals.filter((a) => a.id !== 'AP1');
    const f = computeMonthlyFigures(outcomes, { ...options, misroutes, appeals: withoutAp1 }).find((x) => x.key === 'dinas-a')!;
    expect(f.received.value).toBe(14);
    expect(f.redFlags.caseIds).toEqual(['A13', 'A5']);
    expect(scoreMonth(f).score).toBeLessThan(scoreMonth(figures.get('dinas-a')!).score);
  });

  it('groups case-level outcomes by channel, each case once', () => {
    const byChannel = computeMonthlyFigures(caseOutcomes, { ...options, dimension: 'channel' });
    expect(byChannel.map((f) => [f.key, f.received.value])).toEqual([
      ['jaki', 14],
      ['lapor', 10],
      ['walkin', 6],
    ]);
  });
});
