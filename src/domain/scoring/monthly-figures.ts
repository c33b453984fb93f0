import { MS_PER_DAY, MS_PER_HOUR, localMonthRange } from '../calendar/index.js';
import { TARGET_KINDS, type TargetKind } from '../sla/index.js';
import { type AppliedAppeal, type Appeal, applyAppeals } from './appeals.js';
import type { CaseOutcome, MisrouteOutcome } from './case-outcome.js';
import { type PercentileFigure, type Sample, nearestRank, shareOf, sortSample } from './stats.js';

/**
 * Monthly complaint-handling figures per agency (or per another dimension), each with the case ids behind it:
 * a count equals the length of its list, a share is `met.length / counted.length`.
 *
 * Which cases each figure reads (months are local calendar months of the calendar's UTC offset):
 * - the **cohort**: outcomes the agency received in the month — received, on-time shares, response and
 *   resolution times, reopen rate, rating;
 * - **red flags** raised in the month (whenever the case came in), and **misroutes** noticed in the month;
 * - the **backlog**: cases the agency held at the end of the month (or at `asOf` for the running month),
 *   by age since the agency received them.
 * Pass the outcomes of every case the agency held up to the month's end; each figure picks what it needs.
 *
 * On-time shares count a target as decided when it is met, missed or overdue (open past its due time);
 * pending, paused, handed-over and cancelled targets are left out until decided.
 */
export interface CountFigure {
  readonly value: number;
  readonly caseIds: readonly string[];
}

export interface ShareFigure {
  readonly share: number | null;
  readonly met: readonly string[];
  readonly counted: readonly string[];
}

export interface DurationFigure {
  /** Working hours. */
  readonly median: PercentileFigure;
  readonly p90: PercentileFigure;
  readonly caseIds: readonly string[];
}

export interface BacklogBucket {
  readonly label: string;
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly caseIds: readonly string[];
}

export interface MonthlyFigures {
  /** The agency id (or the dimension's value); null for the unassigned queue. */
  readonly key: string | null;
  readonly month: string;
  readonly received: CountFigure;
  readonly onTime: Readonly<Record<TargetKind, ShareFigure>>;
  readonly responseTime: DurationFigure;
  readonly resolutionTime: DurationFigure;
  readonly redFlags: CountFigure;
  readonly backlog: { readonly at: Date; readonly total: CountFigure; readonly buckets: readonly BacklogBucket[] };
  readonly reopenRate: ShareFigure;
  readonly rating: { readonly average: number | null; readonly caseIds: readonly string[] };
  /** Cases this unit misrouted (their lost time is charged to it); agency dimension only. */
  readonly misrouted: CountFigure;
  readonly appeals: readonly AppliedAppeal[];
}

export interface MonthlyFiguresOptions {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly utcOffsetMinutes: number;
  /** Now, for a month still running (backlog at min(month end, asOf)). */
  readonly asOf: Date;
  readonly misroutes?: readonly MisrouteOutcome[];
  readonly appeals?: readonly Appeal[];
  /**
   * Group by `outcome.dimensions[dimension]` instead of the agency (no misroute figure then). Pass case-level
   * outcomes (`caseOutcome`) for this, so that a case handled by several agencies counts once.
   */
  readonly dimension?: string;
  /** Lower bounds of the backlog age buckets in days, ascending from 0 (default 0, 3, 7, 14, 30, 60). */
  readonly backlogBucketDays?: readonly number[];
}

export const DEFAULT_BACKLOG_BUCKET_DAYS: readonly number[] = Object.freeze([0, 3, 7, 14, 30, 60]);

const DECIDED = new Set(['met', 'missed', 'overdue']);

// Outcomes are sorted by case id once (computeMonthlyFigures); filters keep that order, so id lists come out
// sorted without sorting each figure again.
const byCaseId = (a: { caseId: string }, b: { caseId: string }) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
const ids = (list: readonly { caseId: string }[]) => list.map((o) => o.caseId);
const count = (list: readonly { caseId: string }[]): CountFigure => ({ value: list.length, caseIds: ids(list) });
const inRange = (d: Date | null, r: { from: number; to: number }) => d !== null && d.getTime() >= r.from && d.getTime() < r.to;

function share(counted: readonly CaseOutcome[], isMet: (o: CaseOutcome) => boolean): ShareFigure {
  const met = counted.filter(isMet);
  return { share: shareOf(met.length, counted.length), met: ids(met), counted: ids(counted) };
}

function duration(samples: Sample[]): DurationFigure {
  const sorted = sortSample(samples.map((s) => ({ caseId: s.caseId, value: s.value / MS_PER_HOUR })));
  return { median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), caseIds: ids(samples) };
}

function figuresFor(
  key: string | null,
  outcomes: readonly CaseOutcome[],
  misroutes: readonly MisrouteOutcome[],
  applied: readonly AppliedAppeal[],
  month: { name: string; from: number; to: number },
  backlogAt: number,
  bucketDays: readonly number[],
): MonthlyFigures {
  const cohort = outcomes.filter((o) => inRange(o.receivedAt, month));
  const onTime = Object.fromEntries(
    TARGET_KINDS.map((kind) => {
      const decided = cohort.filter((o) => DECIDED.has(o.targets[kind]?.status ?? ''));
      return [kind, share(decided, (o) => o.targets[kind]?.status === 'met')];
    }),
  ) as Record<TargetKind, ShareFigure>;
  const open = outcomes.filter(
    (o) => o.receivedAt.getTime() <= backlogAt && o.held.some((h) => h.from.getTime() <= backlogAt && (h.to === null || h.to.getTime() > backlogAt)),
  );
  const ageDays = (o: CaseOutcome) => (backlogAt - o.receivedAt.getTime()) / MS_PER_DAY;
  const buckets = bucketDays.map((min, i) => {
    const max = bucketDays[i + 1] ?? null;
    const inBucket = open.filter((o) => ageDays(o) >= min && (max === null || ageDays(o) < max));
    return { label: max === null ? `${min}+ d` : `${min}–${max} d`, minDays: min, maxDays: max, caseIds: ids(inBucket) };
  });
  const rated = cohort.filter((o) => o.rating !== null);
  return {
    key,
    month: month.name,
    received: count(cohort),
    onTime,
    responseTime: duration(cohort.flatMap((o) => (o.responseWorkingMs === null ? [] : [{ caseId: o.caseId, value: o.responseWorkingMs }]))),
    resolutionTime: duration(cohort.flatMap((o) => (o.resolutionWorkingMs === null ? [] : [{ caseId: o.caseId, value: o.resolutionWorkingMs }]))),
    redFlags: count(outcomes.filter((o) => inRange(o.redFlagAt, month))),
    backlog: { at: new Date(backlogAt), total: count(open), buckets },
    reopenRate: share(cohort.filter((o) => o.resolvedAt !== null), (o) => o.reopened),
    rating: {
      average: rated.length === 0 ? null : rated.reduce((sum, o) => sum + (o.rating ?? 0), 0) / rated.length,
      caseIds: ids(rated),
    },
    misrouted: count(misroutes.filter((m) => inRange(m.to, month))),
    appeals: applied,
  };
}

/** Figures for every key (agency, or dimension value) present in the outcomes, sorted by key. */
export function computeMonthlyFigures(outcomes: readonly CaseOutcome[], options: MonthlyFiguresOptions): MonthlyFigures[] {
  const range = localMonthRange(options.month, options.utcOffsetMinutes);
  if (!range) throw new RangeError(`month must be YYYY-MM, got ${options.month}`);
  const bucketDays = options.backlogBucketDays ?? DEFAULT_BACKLOG_BUCKET_DAYS;
  if (bucketDays[0] !== 0 || bucketDays.some((d, i) => i > 0 && d <= bucketDays[i - 1])) {
    throw new RangeError('backlog buckets must start at 0 and increase');
  }
  const afterAppeals = applyAppeals(outcomes, options.misroutes ?? [], options.appeals ?? []);
  afterAppeals.outcomes.sort(byCaseId);
  afterAppeals.misroutes.sort(byCaseId);
  const byDimension = options.dimension !== undefined;
  const keyOf = (o: CaseOutcome) => (byDimension ? (o.dimensions?.[options.dimension!] ?? null) : o.agencyId);
  const groups = new Map<string | null, CaseOutcome[]>();
  const groupOf = (key: string | null) => groups.get(key) ?? groups.set(key, []).get(key)!;
  for (const o of afterAppeals.outcomes) groupOf(keyOf(o)).push(o);
  if (!byDimension) for (const m of afterAppeals.misroutes) groupOf(m.chargedTo);
  const backlogAt = Math.min(range.to - 1, options.asOf.getTime());
  const month = { name: options.month, ...range };
  return [...groups.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([key, list]) =>
      figuresFor(
        key,
        list,
        byDimension ? [] : afterAppeals.misroutes.filter((m) => m.chargedTo === key),
        byDimension ? [] : afterAppeals.applied.filter((a) => a.agencyId === key),
        month,
        backlogAt,
        bucketDays,
      ),
    );
}
