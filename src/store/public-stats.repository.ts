import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from './schema.js';
import type { Executor } from './transaction.js';

/**
 * SQL of the public transparency pages: counts only, grouped in the database (dialect-free GROUP BY and CASE),
 * never a reporter's identity. A range is half-open on `received_at` (ISO strings compare in time order).
 */
export interface Range {
  readonly from: string;
  readonly to: string;
}

export interface StatusSums {
  received: number;
  open: number;
  resolved: number;
  rejected: number;
  merged: number;
}

export interface FineCounts extends StatusSums {
  category_code: string | null;
  area_code: string | null;
  channel: string;
  agency_id: string | null;
}

export interface TimeCounts extends StatusSums {
  /** `received_at` cut to `keyLength` characters: `YYYY-MM-DDTHH` (an hour) or `YYYY-MM-DDTHH:MM`. */
  at: string;
}

/** SUM(CASE …) per status family: what every public count is made of. */
function statusSums(openStatuses: readonly string[]) {
  const when = (cond: ReturnType<typeof sql>) => sql<number>`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  return [
    sql<number>`COUNT(*)`.as('received'),
    when(sql`status IN (${sql.join(openStatuses)})`).as('open'),
    when(sql`status IN ('selesai', 'ditutup')`).as('resolved'),
    when(sql`status = 'ditolak'`).as('rejected'),
    when(sql`status = 'digabung'`).as('merged'),
  ] as const;
}
const sums = (r: { received: unknown; open: unknown; resolved: unknown; rejected: unknown; merged: unknown }): StatusSums => ({
  received: Number(r.received),
  open: Number(r.open ?? 0),
  resolved: Number(r.resolved ?? 0),
  rejected: Number(r.rejected ?? 0),
  merged: Number(r.merged ?? 0),
});

/** Public cases received in the range, so the public figures describe only what may be published. */
const publicCasesIn = (db: Executor, range: Range) =>
  db.selectFrom('cases').where('is_public', '=', 1).where('received_at', '>=', range.from).where('received_at', '<', range.to);

/**
 * One pass over the period's public cases, grouped by category, area, channel and agency: every breakdown and
 * total of the public statistics is summed from these rows (a few thousand at most), instead of one table scan
 * per breakdown.
 */
export async function countFine(db: Executor, range: Range, openStatuses: readonly string[]): Promise<FineCounts[]> {
  const rows = await publicCasesIn(db, range)
    .select(['category_code', 'area_code', 'channel', 'agency_id', ...statusSums(openStatuses)])
    .groupBy(['category_code', 'area_code', 'channel', 'agency_id'])
    .execute();
  return rows.map((r) => ({ category_code: r.category_code, area_code: r.area_code, channel: r.channel, agency_id: r.agency_id, ...sums(r) }));
}

/** The period's public cases per hour (or minute) of `received_at` in UTC: local months are summed from these. */
export async function countByTime(db: Executor, range: Range, openStatuses: readonly string[], keyLength: 13 | 16): Promise<TimeCounts[]> {
  const at = sql<string>`SUBSTR(received_at, 1, ${sql.lit(keyLength)})`;
  const rows = await publicCasesIn(db, range).select([at.as('at'), ...statusSums(openStatuses)]).groupBy(at).execute();
  return rows.map((r) => ({ at: r.at, ...sums(r) }));
}

/**
 * An SLA outcome row of a public case: not one of the (few) confidential cases, a set the database builds once per
 * query from their partial index, instead of visiting each row's case.
 */
const publicCase = (eb: ExpressionBuilder<DB, 'sla_outcomes'>) =>
  eb('sla_outcomes.case_id', 'not in', eb.selectFrom('cases').select('cases.id').where('cases.is_public', '=', 0));

export interface ResolutionTally {
  scope: 'case' | 'agency';
  agency_id: string;
  /** Resolution targets decided (met, missed or overdue as of now). */
  decided: number;
  met: number;
}

/**
 * Resolution on time from the SLA outcome rows, in one pass: per case (`scope = 'case'`, one row per case, by
 * the agency that last held it) and per agency that held a case (`scope = 'agency'`). A target still pending past
 * its due time counts as decided and not met.
 */
export async function resolutionOnTime(db: Executor, range: Range, nowIso: string): Promise<ResolutionTally[]> {
  const rows = await db
    .selectFrom('sla_outcomes')
    .where(publicCase)
    .select([
      'scope',
      'agency_id',
      sql<number>`SUM(CASE WHEN res_status IN ('met', 'missed', 'overdue') OR (res_status = 'pending' AND res_due < ${nowIso}) THEN 1 ELSE 0 END)`.as('decided'),
      sql<number>`SUM(CASE WHEN res_status = 'met' THEN 1 ELSE 0 END)`.as('met'),
    ])
    // Both scopes named: the (scope, received_at) index then serves the time range for each.
    .where('scope', 'in', ['case', 'agency'])
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .groupBy(['scope', 'agency_id'])
    .execute();
  return rows.map((r) => ({ scope: r.scope, agency_id: r.agency_id, decided: Number(r.decided ?? 0), met: Number(r.met ?? 0) }));
}

/** The working times to resolution (ms) of the public cases resolved, received in the range. */
export async function resolutionTimes(db: Executor, range: Range): Promise<number[]> {
  const rows = await db
    .selectFrom('sla_outcomes')
    .where(publicCase)
    .select('resolution_ms')
    .where('scope', '=', 'case')
    .where('resolution_ms', 'is not', null)
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .execute();
  return rows.map((r) => Number(r.resolution_ms));
}

export interface MapCaseRow {
  ticket: string;
  status: string;
  category_code: string | null;
  area_code: string | null;
  lat: number;
  lng: number;
  received_at: string;
  support_count: number;
}

export interface MapFilter extends Range {
  category?: string;
  statuses?: readonly string[];
  /** An area code (digits and dots only): cases in it or in the areas below it. */
  areaPrefix?: string;
  limit: number;
}

/** Public cases with coordinates (not merged, not rejected), newest first. */
export async function mapCases(db: Executor, f: MapFilter): Promise<MapCaseRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['ticket', 'status', 'category_code', 'area_code', 'lat', 'lng', 'received_at', 'support_count'])
    .where('is_public', '=', 1)
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .where('status', 'not in', ['ditolak', 'digabung'])
    .where('received_at', '>=', f.from)
    .where('received_at', '<', f.to)
    .$if(f.category !== undefined, (q) => q.where('category_code', '=', f.category!))
    .$if(f.statuses !== undefined, (q) => q.where('status', 'in', f.statuses!))
    .$if(f.areaPrefix !== undefined, (q) => q.where((eb) => eb.or([eb('area_code', '=', f.areaPrefix!), eb('area_code', 'like', `${f.areaPrefix}.%`)])))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng), support_count: Number(r.support_count) }));
}

export interface AreaShapeRow {
  code: string;
  name: string;
  parent_code: string | null;
  geometry: string;
}

/** The imported boundaries of one level (none until a deployment imports them with `cepat areas import`). */
export async function areaShapes(db: Executor, level: 'kota' | 'kecamatan' | 'kelurahan'): Promise<AreaShapeRow[]> {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name', 'parent_code', 'geometry'])
    .where('level', '=', level)
    .where('geometry', 'is not', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, geometry: r.geometry! }));
}
