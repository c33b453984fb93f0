import { localMonthRange } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { type MonthlyFigures, computeMonthlyFigures } from '../../domain/scoring/index.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { type BacklogCount, countBacklog } from './backlog-counts.js';
import { loadAgencyMonth, loadCaseMonth } from './month-data.js';
import { type ReportScope, assertMonth, inScope } from './report-access.js';
import { emptyTally, figuresFromTally } from './tally.js';

/**
 * Monthly performance figures — received, on-time shares per target, median and 90th-percentile response
 * and resolution times in working hours, red flags, backlog by age, reopen rate, average rating — per agency
 * (each agency answers for its own holdings; misroutes are charged to the unit that misrouted), or per channel
 * or area (each case once, as the citizen saw it). Computed by the pure `computeMonthlyFigures` over the
 * stored outcome rows of the month. The month-end backlog is counted in SQL (`backlog`, which supersedes the
 * groups' own), unless case ids are asked for: then the backlog's rows are loaded too and every figure lists
 * its cases.
 */
export const REPORT_DIMENSIONS = ['agency', 'channel', 'kota', 'kecamatan', 'kelurahan'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export interface PerformanceReport {
  readonly month: string;
  readonly by: ReportDimension;
  readonly asOf: string;
  readonly backlogAt: string;
  readonly groups: readonly MonthlyFigures[];
  /** Backlog by group counted in SQL (absent when the groups' own backlog lists its case ids). */
  readonly backlog?: ReadonlyMap<string | null, BacklogCount>;
}

const AREA_PREFIX = { kota: 5, kecamatan: 8, kelurahan: 13 } as const;

export async function performanceReport(ctx: AppContext, scope: ReportScope, input: { month: string; by?: string; asOf?: Date; withIds?: boolean }): Promise<PerformanceReport> {
  const month = assertMonth(input.month);
  const by = (input.by ?? 'agency') as ReportDimension;
  if (!REPORT_DIMENSIONS.includes(by)) {
    throw new DomainError('validation_failed', `by harus salah satu dari ${REPORT_DIMENSIONS.join(', ')}`, `by must be one of ${REPORT_DIMENSIONS.join(', ')}`);
  }
  if (by !== 'agency' && !scope.all) {
    throw new DomainError('forbidden', 'Laporan per kanal/wilayah hanya untuk admin, monitor dan auditor', 'Reports by channel or area are for admins, monitors and auditors');
  }
  const db = ctx.database.db;
  const rt = await getSlaRuntime(ctx);
  const asOf = input.asOf ?? ctx.clock();
  const range = localMonthRange(month, rt.utcOffsetMinutes)!;
  const backlogAt = new Date(Math.min(range.to - 1, asOf.getTime()));
  const options = { month, utcOffsetMinutes: rt.utcOffsetMinutes, asOf };
  const rowsAt = input.withIds ? backlogAt : undefined;
  let groups: MonthlyFigures[];
  if (by === 'agency') {
    const data = await loadAgencyMonth(db, month, asOf, { agencyIds: scope.all ? undefined : scope.agencyIds, backlogAt: rowsAt });
    groups = computeMonthlyFigures(data.outcomes, { ...options, misroutes: data.misroutes, appeals: data.appeals }).filter((f) => inScope(scope, f.key) || (scope.all && f.key === null));
  } else {
    groups = computeMonthlyFigures(await loadCaseMonth(db, month, asOf, rowsAt), { ...options, dimension: by });
  }
  if (input.withIds) return { month, by, asOf: asOf.toISOString(), backlogAt: backlogAt.toISOString(), groups };
  const group = by === 'agency' ? { kind: 'agency' as const } : by === 'channel' ? { kind: 'channel' as const } : { kind: 'area' as const, prefixLength: AREA_PREFIX[by] };
  const backlog = new Map([...(await countBacklog(db, by === 'agency' ? 'agency' : 'case', backlogAt, group, by))].filter(([key]) => by !== 'agency' || inScope(scope, key) || (scope.all && key === null)));
  const known = new Set(groups.map((g) => g.key));
  for (const key of backlog.keys()) if (!known.has(key)) groups.push(figuresFromTally(key, month, emptyTally(), backlogAt));
  groups.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return { month, by, asOf: asOf.toISOString(), backlogAt: backlogAt.toISOString(), groups, backlog };
}
