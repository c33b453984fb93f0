import { DEFAULT_BACKLOG_BUCKET_DAYS } from '../../domain/scoring/index.js';
import { MS_PER_DAY } from '../../domain/calendar/index.js';
import { type BacklogGroup, backlogCounts, multiIntervalHeldAt } from '../../store/report.repository.js';
import type { Executor } from '../../store/transaction.js';
import { areaDimensions } from '../sla/outcome-rows.js';

/**
 * The open backlog at an instant, by group and age, counted in the database: a month report for every agency
 * must not load every open case of the city. Same rules as `computeMonthlyFigures` (a case is in the backlog
 * when one of the group's holding intervals contains the instant; age from receipt; buckets [min, max) days);
 * reopened cases, held in several intervals, are checked one by one.
 */
export interface BacklogCount {
  readonly total: number;
  readonly buckets: readonly { readonly label: string; readonly minDays: number; readonly maxDays: number | null; readonly count: number }[];
}

const bucketsOf = (list: readonly number[]): BacklogCount['buckets'] => {
  const days = DEFAULT_BACKLOG_BUCKET_DAYS;
  return days.map((min, i) => ({ label: i + 1 < days.length ? `${min}–${days[i + 1]} d` : `${min}+ d`, minDays: min, maxDays: days[i + 1] ?? null, count: list[i] ?? 0 }));
};

export const emptyBacklogCount = (): BacklogCount => ({ total: 0, buckets: bucketsOf([]) });

export async function countBacklog(db: Executor, scope: 'agency' | 'case', at: Date, group: BacklogGroup, dimension?: string): Promise<Map<string | null, BacklogCount>> {
  const days = DEFAULT_BACKLOG_BUCKET_DAYS;
  const edges = days.map((d) => new Date(at.getTime() - d * MS_PER_DAY).toISOString());
  const atIso = at.toISOString();
  const counts = new Map<string | null, number[]>();
  const add = (key: string | null, bucket: number, n: number) => {
    const list = counts.get(key) ?? days.map(() => 0);
    list[bucket] += n;
    counts.set(key, list);
  };
  for (const row of await backlogCounts(db, scope, atIso, edges, group)) row.buckets.forEach((n, i) => add(row.key === '' && group.kind === 'agency' ? null : row.key, i, n));
  for (const r of await multiIntervalHeldAt(db, scope, atIso)) {
    const held = JSON.parse(r.held) as [string, string | null][];
    if (!held.some(([from, to]) => from <= atIso && (to === null || to > atIso))) continue;
    const age = (at.getTime() - new Date(r.received_at).getTime()) / MS_PER_DAY;
    const bucket = days.findIndex((min, i) => age >= min && (i + 1 >= days.length || age < days[i + 1]));
    const key = group.kind === 'agency' ? r.agency_id || null : group.kind === 'channel' ? r.channel : (areaDimensions(r.area_code)[dimension ?? ''] ?? null);
    if (bucket >= 0) add(key, bucket, 1);
  }
  return new Map([...counts].map(([key, list]) => [key, { total: list.reduce((s, n) => s + n, 0), buckets: bucketsOf(list) }]));
}
