import { sql } from 'kysely';
import type { Executor } from './transaction.js';

/**
 * SQL of the public transparency pages: counts only, grouped in the database (dialect-free GROUP BY and CASE),
 * never a reporter's identity. A range is half-open on `received_at` (ISO strings compare in time order).
 */
export interface Range {
  readonly from: string;
  readonly to: string;
}

export interface StatusCounts {
  key: string | null;
  received: number;
  open: number;
  resolved: number;
  rejected: number;
  merged: number;
}

/** Per `column` value: cases received in the range, and how many are open, resolved (selesai/ditutup), rejected, merged. */
export async function countByStatusGroup(
  db: Executor,
  range: Range,
  column: 'category_code' | 'channel' | 'agency_id' | 'area_code' | 'all',
  openStatuses: readonly string[],
): Promise<StatusCounts[]> {
  const key = column === 'all' ? sql<string | null>`NULL` : sql<string | null>`${sql.ref(column)}`;
  const when = (cond: ReturnType<typeof sql>) => sql<number>`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const rows = await db
    .selectFrom('cases')
    .select([
      key.as('key'),
      sql<number>`COUNT(*)`.as('received'),
      when(sql`status IN (${sql.join(openStatuses)})`).as('open'),
      when(sql`status IN ('selesai', 'ditutup')`).as('resolved'),
      when(sql`status = 'ditolak'`).as('rejected'),
      when(sql`status = 'digabung'`).as('merged'),
    ])
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .$if(column !== 'all', (q) => q.groupBy(key))
    .execute();
  return rows.map((r) => ({
    key: r.key,
    received: Number(r.received),
    open: Number(r.open ?? 0),
    resolved: Number(r.resolved ?? 0),
    rejected: Number(r.rejected ?? 0),
    merged: Number(r.merged ?? 0),
  }));
}

export interface ResolutionTally {
  key: string | null;
  /** Resolution targets decided (met, missed or overdue as of now). */
  decided: number;
  met: number;
}

/**
 * Resolution on time from the SLA outcome rows: per case (`scope = 'case'`, key null) or per agency that held
 * the case (`scope = 'agency'`). A target still pending past its due time counts as decided and not met.
 */
export async function resolutionOnTime(db: Executor, range: Range, scope: 'case' | 'agency', nowIso: string): Promise<ResolutionTally[]> {
  const key = scope === 'agency' ? sql<string | null>`agency_id` : sql<string | null>`NULL`;
  const rows = await db
    .selectFrom('sla_outcomes')
    .select([
      key.as('key'),
      sql<number>`SUM(CASE WHEN res_status IN ('met', 'missed', 'overdue') OR (res_status = 'pending' AND res_due < ${nowIso}) THEN 1 ELSE 0 END)`.as('decided'),
      sql<number>`SUM(CASE WHEN res_status = 'met' THEN 1 ELSE 0 END)`.as('met'),
    ])
    .where('scope', '=', scope)
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to)
    .$if(scope === 'agency', (q) => q.groupBy('agency_id'))
    .execute();
  return rows.map((r) => ({ key: r.key, decided: Number(r.decided ?? 0), met: Number(r.met ?? 0) }));
}

/** The median working time to resolution (ms) of the cases resolved, received in the range; null when none. */
export async function medianResolutionMs(db: Executor, range: Range): Promise<number | null> {
  const base = db
    .selectFrom('sla_outcomes')
    .where('scope', '=', 'case')
    .where('resolution_ms', 'is not', null)
    .where('received_at', '>=', range.from)
    .where('received_at', '<', range.to);
  const n = Number((await base.select(sql<number>`COUNT(*)`.as('n')).executeTakeFirstOrThrow()).n);
  if (n === 0) return null;
  const middle = await base
    .select('resolution_ms')
    .orderBy('resolution_ms')
    .limit(2 - (n % 2))
    .offset(Math.floor((n - 1) / 2))
    .execute();
  return middle.reduce((s, r) => s + Number(r.resolution_ms), 0) / middle.length;
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
