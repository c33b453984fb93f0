import { localMonthRange } from '../../domain/calendar/index.js';
import type { CaseOutcome, MisrouteOutcome, MonthlyFigures, ShareFigure } from '../../domain/scoring/index.js';
import { TARGET_KINDS, type TargetKind } from '../../domain/sla/index.js';

/**
 * Additive monthly counts per agency — everything the TKD score reads — so they can come from SQL aggregation
 * (fast) or from per-case lines (finalized snapshots, appeals), and the two can be checked against each other
 * and against the pure `computeMonthlyFigures`. The rules are those of src/domain/scoring/monthly-figures.ts.
 */
export interface Tally {
  received: number;
  decided: Record<TargetKind, number>;
  met: Record<TargetKind, number>;
  resolved: number;
  reopened: number;
  rated: number;
  ratingSum: number;
  redFlags: number;
  misrouted: number;
}

/** One (case, agency)'s contribution to a month: what a finalized snapshot stores, and what an adjustment shows. */
export interface Line {
  readonly caseId: string;
  readonly agencyId: string | null;
  /** 1 when the agency received the case in the month (the cohort). */
  readonly received: 0 | 1;
  /** Decided targets of the cohort case: met, missed or overdue. */
  readonly targets: Readonly<Partial<Record<TargetKind, 'met' | 'missed' | 'overdue'>>>;
  readonly resolved: 0 | 1;
  readonly reopened: 0 | 1;
  readonly rating: number | null;
  readonly redFlag: 0 | 1;
  readonly misrouted: number;
}

export function emptyTally(): Tally {
  const zero = () => Object.fromEntries(TARGET_KINDS.map((k) => [k, 0])) as Record<TargetKind, number>;
  return { received: 0, decided: zero(), met: zero(), resolved: 0, reopened: 0, rated: 0, ratingSum: 0, redFlags: 0, misrouted: 0 };
}

/** a += sign × b */
export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  a.received += sign * b.received;
  for (const k of TARGET_KINDS) {
    a.decided[k] += sign * b.decided[k];
    a.met[k] += sign * b.met[k];
  }
  a.resolved += sign * b.resolved;
  a.reopened += sign * b.reopened;
  a.rated += sign * b.rated;
  a.ratingSum += sign * b.ratingSum;
  a.redFlags += sign * b.redFlags;
  a.misrouted += sign * b.misrouted;
  return a;
}

export function tallyOfLine(line: Line): Tally {
  const t = emptyTally();
  t.received = line.received;
  for (const [k, status] of Object.entries(line.targets) as [TargetKind, string][]) {
    t.decided[k] += 1;
    if (status === 'met') t.met[k] += 1;
  }
  t.resolved = line.resolved;
  t.reopened = line.reopened;
  if (line.rating !== null) {
    t.rated = 1;
    t.ratingSum = line.rating;
  }
  t.redFlags = line.redFlag;
  t.misrouted = line.misrouted;
  return t;
}

const lineKey = (caseId: string, agencyId: string | null) => `${caseId}\u0000${agencyId ?? ''}`;

/**
 * The month's lines from outcomes already as of the report instant (statuses, red flags) and with appeals
 * applied. A line exists when the (case, agency) is in the cohort, raised its red flag in the month or
 * misrouted the case in the month.
 */
export function linesOf(outcomes: readonly CaseOutcome[], misroutes: readonly MisrouteOutcome[], month: string, utcOffsetMinutes: number): Line[] {
  const range = localMonthRange(month, utcOffsetMinutes);
  if (!range) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const inMonth = (d: Date | null) => d !== null && d.getTime() >= range.from && d.getTime() < range.to;
  const lines = new Map<string, Line>();
  for (const o of outcomes) {
    const cohort = inMonth(o.receivedAt);
    const flag = inMonth(o.redFlagAt);
    if (!cohort && !flag) continue;
    const targets: Partial<Record<TargetKind, 'met' | 'missed' | 'overdue'>> = {};
    if (cohort) {
      for (const k of TARGET_KINDS) {
        const s = o.targets[k]?.status;
        if (s === 'met' || s === 'missed' || s === 'overdue') targets[k] = s;
      }
    }
    const resolved = cohort && o.resolvedAt !== null;
    lines.set(lineKey(o.caseId, o.agencyId), {
      caseId: o.caseId,
      agencyId: o.agencyId,
      received: cohort ? 1 : 0,
      targets,
      resolved: resolved ? 1 : 0,
      reopened: resolved && o.reopened ? 1 : 0,
      rating: cohort ? o.rating : null,
      redFlag: flag ? 1 : 0,
      misrouted: 0,
    });
  }
  for (const m of misroutes) {
    if (!inMonth(m.to)) continue;
    const key = lineKey(m.caseId, m.chargedTo);
    const existing = lines.get(key);
    const base: Line = existing ?? { caseId: m.caseId, agencyId: m.chargedTo, received: 0, targets: {}, resolved: 0, reopened: 0, rating: null, redFlag: 0, misrouted: 0 };
    lines.set(key, { ...base, misrouted: base.misrouted + 1 });
  }
  return [...lines.values()].sort(compareLines);
}

/** Case id (numeric), then agency id (code-unit order, not locale: hashes must not depend on the host). */
export function compareLines(a: { caseId: string; agencyId: string | null }, b: { caseId: string; agencyId: string | null }): number {
  const byCase = Number(a.caseId) - Number(b.caseId);
  if (byCase !== 0) return byCase;
  const [x, y] = [a.agencyId ?? '', b.agencyId ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function talliesOfLines(lines: readonly Line[]): Map<string | null, Tally> {
  const out = new Map<string | null, Tally>();
  for (const l of lines) {
    const t = out.get(l.agencyId) ?? emptyTally();
    addTally(t, tallyOfLine(l));
    out.set(l.agencyId, t);
  }
  return out;
}

/**
 * A MonthlyFigures view of a tally for `scoreMonth` (the pure TKD rule): shares, rating and red flags carry the
 * numbers; the id lists are empty — the drill-down (tkd-drilldown.ts) lists the cases behind each figure.
 */
export function figuresFromTally(key: string | null, month: string, t: Tally, asOf: Date): MonthlyFigures {
  const share = (met: number, counted: number): ShareFigure => ({ share: counted === 0 ? null : met / counted, met: [], counted: [] });
  const none = { value: null, caseId: null };
  return {
    key,
    month,
    received: { value: t.received, caseIds: [] },
    onTime: Object.fromEntries(TARGET_KINDS.map((k) => [k, share(t.met[k], t.decided[k])])) as Record<TargetKind, ShareFigure>,
    responseTime: { median: none, p90: none, caseIds: [] },
    resolutionTime: { median: none, p90: none, caseIds: [] },
    redFlags: { value: t.redFlags, caseIds: [] },
    backlog: { at: asOf, total: { value: 0, caseIds: [] }, buckets: [] },
    reopenRate: share(t.reopened, t.resolved),
    rating: { average: t.rated === 0 ? null : t.ratingSum / t.rated, caseIds: [] },
    misrouted: { value: t.misrouted, caseIds: [] },
    appeals: [],
  };
}

/** The tally a pure MonthlyFigures stands for (to check the fast paths against the domain). */
export function tallyOfFigures(f: MonthlyFigures, ratingSum: number): Tally {
  const t = emptyTally();
  t.received = f.received.value;
  for (const k of TARGET_KINDS) {
    t.decided[k] = f.onTime[k].counted.length;
    t.met[k] = f.onTime[k].met.length;
  }
  t.resolved = f.reopenRate.counted.length;
  t.reopened = f.reopenRate.met.length;
  t.rated = f.rating.caseIds.length;
  t.ratingSum = ratingSum;
  t.redFlags = f.redFlags.value;
  t.misrouted = f.misrouted.value;
  return t;
}
