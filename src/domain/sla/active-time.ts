import type { WorkingCalendar } from '../calendar/index.js';
import type { SlaDuration } from './policy.js';
import type { TimelineEvent } from './timeline.js';

/**
 * Clock arithmetic with pauses. A clock runs from its start except inside pause intervals; an allowance is
 * either calendar time or working time (per the calendar). All instants are epoch milliseconds.
 */
export interface Interval {
  readonly from: number;
  /** null: still open (the case is waiting for the citizen now). */
  readonly to: number | null;
}

export type Metric = 'calendar' | 'working';

/** Pause intervals of a normalized timeline, disjoint and in order. */
export function pauseIntervals(events: readonly TimelineEvent[], pauseStatuses: readonly string[]): Interval[] {
  const pauses: Interval[] = [];
  let pausedSince: number | null = null;
  for (const e of events) {
    const at = e.at.getTime();
    const entersPause = e.kind === 'status_changed' && e.status !== undefined && pauseStatuses.includes(e.status);
    const leavesPause =
      (e.kind === 'status_changed' && !entersPause) || e.kind === 'resolved' || e.kind === 'reopened' || e.kind === 'closed';
    if (entersPause && pausedSince === null) pausedSince = at;
    else if (leavesPause && pausedSince !== null) {
      if (at > pausedSince) pauses.push({ from: pausedSince, to: at });
      pausedSince = null;
    }
  }
  if (pausedSince !== null) pauses.push({ from: pausedSince, to: null });
  return pauses;
}

/**
 * How an allowance is measured from a start: calendar or working time, and how much. Working days become the
 * working time between the start and the close of the N-th working day after it, so that a pause shifts a
 * working-day deadline by exactly the working time it paused.
 */
export function allowanceFrom(
  allowance: SlaDuration,
  start: number,
  calendar: WorkingCalendar,
): { metric: Metric; ms: number } {
  const hours = Math.round(allowance.amount * 3_600_000);
  switch (allowance.unit) {
    case 'calendar_hours':
      return { metric: 'calendar', ms: hours };
    case 'working_hours':
      return { metric: 'working', ms: hours };
    case 'working_days': {
      const due = calendar.addWorkingDays(new Date(start), allowance.amount);
      return { metric: 'working', ms: calendar.workingMillisBetween(new Date(start), due) };
    }
  }
}

function measure(a: number, b: number, metric: Metric, calendar: WorkingCalendar): number {
  if (b <= a) return 0;
  return metric === 'calendar' ? b - a : calendar.workingMillisBetween(new Date(a), new Date(b));
}

function advance(from: number, ms: number, metric: Metric, calendar: WorkingCalendar): number {
  return metric === 'calendar' ? from + ms : calendar.addWorkingMillis(new Date(from), ms).getTime();
}

/** Running (non-paused) time of the given metric inside [start, end]. */
export function activeTimeBetween(
  start: number,
  end: number,
  pauses: readonly Interval[],
  metric: Metric,
  calendar: WorkingCalendar,
): number {
  let total = measure(start, end, metric, calendar);
  for (const p of pauses) {
    total -= measure(Math.max(p.from, start), Math.min(p.to ?? end, end), metric, calendar);
  }
  return total;
}

/**
 * The earliest instant at which `amount` of running time has elapsed since `start`, or null when an open
 * pause stops the clock before that (the deadline is unknown until the citizen answers).
 */
export function instantAfterRunning(
  start: number,
  amount: number,
  pauses: readonly Interval[],
  metric: Metric,
  calendar: WorkingCalendar,
): number | null {
  let t = start;
  let remaining = amount;
  for (const p of pauses) {
    if (p.to !== null && p.to <= t) continue;
    if (p.from > t) {
      const available = measure(t, p.from, metric, calendar);
      if (remaining <= available) return advance(t, remaining, metric, calendar);
      remaining -= available;
    }
    if (p.to === null) return null;
    t = Math.max(t, p.to);
  }
  return advance(t, remaining, metric, calendar);
}
