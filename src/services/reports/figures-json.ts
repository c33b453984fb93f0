import type { MonthlyFigures, TkdScore } from '../../domain/scoring/index.js';
import { TARGET_KINDS } from '../../domain/sla/index.js';
import { type BacklogCount, emptyBacklogCount } from './backlog-counts.js';
import type { PerformanceReport } from './performance-report.js';
import type { TkdAgencyResult } from './tkd-tallies.js';

/**
 * Stable JSON views of the figures for the API and the CLI (snake_case, numbers rounded for reading; case
 * ids only when asked, so a summary stays small and a drill-down lists everything).
 */
const r2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

type BacklogJson = { at: string; total: number; buckets: { label: string; min_days: number; max_days: number | null; count: number; case_ids?: number[] }[] };

const numeric = (list: readonly string[]) => list.map(Number).sort((a, b) => a - b);

export function figuresJson(f: MonthlyFigures, withIds = false, backlog?: BacklogCount) {
  const ids = (list: readonly string[]) => (withIds ? { case_ids: numeric(list) } : {});
  return {
    key: f.key,
    month: f.month,
    received: { count: f.received.value, ...ids(f.received.caseIds) },
    on_time: Object.fromEntries(
      TARGET_KINDS.map((k) => {
        const s = f.onTime[k];
        return [k, { share: r4(s.share), met: s.met.length, counted: s.counted.length, ...(withIds ? { met_case_ids: numeric(s.met), counted_case_ids: numeric(s.counted) } : {}) }];
      }),
    ),
    response_time_working_hours: { median: r2(f.responseTime.median.value), p90: r2(f.responseTime.p90.value), n: f.responseTime.caseIds.length, median_case_id: f.responseTime.median.caseId === null ? null : Number(f.responseTime.median.caseId), p90_case_id: f.responseTime.p90.caseId === null ? null : Number(f.responseTime.p90.caseId) },
    resolution_time_working_hours: { median: r2(f.resolutionTime.median.value), p90: r2(f.resolutionTime.p90.value), n: f.resolutionTime.caseIds.length, median_case_id: f.resolutionTime.median.caseId === null ? null : Number(f.resolutionTime.median.caseId), p90_case_id: f.resolutionTime.p90.caseId === null ? null : Number(f.resolutionTime.p90.caseId) },
    red_flags: { count: f.redFlags.value, ...ids(f.redFlags.caseIds) },
    backlog: (backlog
      ? { at: f.backlog.at.toISOString(), total: backlog.total, buckets: backlog.buckets.map((b) => ({ label: b.label, min_days: b.minDays, max_days: b.maxDays, count: b.count })) }
      : { at: f.backlog.at.toISOString(), total: f.backlog.total.value, buckets: f.backlog.buckets.map((b) => ({ label: b.label, min_days: b.minDays, max_days: b.maxDays, count: b.caseIds.length, ...ids(b.caseIds) })) }) as BacklogJson,
    reopen_rate: { share: r4(f.reopenRate.share), reopened: f.reopenRate.met.length, resolved: f.reopenRate.counted.length },
    rating: { average: r2(f.rating.average), count: f.rating.caseIds.length, ...ids(f.rating.caseIds) },
    misrouted: { count: f.misrouted.value, ...ids(f.misrouted.caseIds) },
    appeals: f.appeals.map((a) => ({ appeal_id: Number(a.appealId), case_id: Number(a.caseId), agency_id: a.agencyId, effect: a.effect, to_agency_id: a.toAgencyId ?? null })),
  };
}

export function performanceJson(r: PerformanceReport, withIds = false) {
  return {
    month: r.month,
    by: r.by,
    as_of: r.asOf,
    backlog_at: r.backlogAt,
    groups: r.groups.map((g) => figuresJson(g, withIds, r.backlog ? (r.backlog.get(g.key) ?? emptyBacklogCount()) : undefined)),
  };
}

export function scoreJson(s: TkdScore) {
  return {
    score: s.score,
    band: s.band,
    loss_percent_of_component: s.lossPercentOfComponent,
    red_flag_points: s.redFlagPoints,
    parts: s.parts.map((p) => ({ part: p.part, weight: p.weight, value: r4(p.value), points: r2(p.points) })),
  };
}

export function tkdAgencyJson(a: TkdAgencyResult) {
  const t = a.tally;
  return {
    agency_id: a.agencyId,
    name: a.name,
    head_title: a.headTitle,
    head_eselon: a.headEselon,
    covered: a.covered,
    received: t.received,
    on_time: Object.fromEntries(TARGET_KINDS.map((k) => [k, { met: t.met[k], counted: t.decided[k], share: r4(t.decided[k] === 0 ? null : t.met[k] / t.decided[k]) }])),
    rating: { average: r2(t.rated === 0 ? null : t.ratingSum / t.rated), count: t.rated },
    reopened: t.reopened,
    resolved: t.resolved,
    red_flags: t.redFlags,
    misrouted: t.misrouted,
    ...scoreJson(a.score),
    deduction_percent: a.deductionPercent,
  };
}
