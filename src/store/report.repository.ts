import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { TkdAppealTable } from './schema.js';
import type { Executor, Trx } from './transaction.js';

/**
 * SQL of the reports: per-agency monthly tallies aggregated in the database (the fast path for the TKD report),
 * outcome rows for the figures that need every case (percentiles, drill-down), appeals, finalized snapshots,
 * population and channel reach. Dialect-free SQL (CASE, SUM, correlated LIMIT 1 subqueries run on both).
 */
const TARGET_PREFIXES = ['ver', 'resp', 'fu', 'res'] as const;
export type TargetPrefix = (typeof TARGET_PREFIXES)[number];

/** The rating credited to an outcome row: the case's latest rating, when the row is the case's last resolver. */
const ratingOf = (alias: string): RawBuilder<number | null> =>
  sql<number | null>`CASE WHEN ${sql.ref(`${alias}.rated`)} = 1 THEN (SELECT r.score FROM ratings r WHERE r.case_id = ${sql.ref(`${alias}.case_id`)} ORDER BY r.id DESC LIMIT 1) END`;

export type CohortTallyRow = {
  agency_id: string;
  received: number;
  resolved: number;
  reopened: number;
  rated: number;
  rating_sum: number | null;
} & { [K in `${TargetPrefix}_${'decided' | 'met'}`]: number };

/**
 * Per agency: the month's cohort (cases the agency received in the month) with its decided and met targets as
 * of `asOf` (a pending target past its due time counts as decided, not met), resolutions, reopenings and
 * ratings. Uses the (month, scope, agency_id) index; nothing is read outside the month.
 */
export async function tallyCohort(db: Executor, month: string, asOfIso: string): Promise<CohortTallyRow[]> {
  const targetSums = TARGET_PREFIXES.flatMap((p) => {
    const status = sql.ref(`t.${p}_status`);
    const due = sql.ref(`t.${p}_due`);
    return [
      sql`SUM(CASE WHEN ${status} IN ('met', 'missed', 'overdue') OR (${status} = 'pending' AND ${due} < ${asOfIso}) THEN 1 ELSE 0 END) AS ${sql.ref(`${p}_decided`)}`,
      sql`SUM(CASE WHEN ${status} = 'met' THEN 1 ELSE 0 END) AS ${sql.ref(`${p}_met`)}`,
    ];
  });
  const columns = TARGET_PREFIXES.flatMap((p) => [sql.ref(`o.${p}_status`), sql.ref(`o.${p}_due`)]);
  const result = await sql<CohortTallyRow>`
    SELECT t.agency_id, COUNT(*) AS received, ${sql.join(targetSums)},
      SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
      SUM(CASE WHEN t.resolved_at IS NOT NULL AND t.reopened = 1 THEN 1 ELSE 0 END) AS reopened,
      COUNT(t.rating) AS rated, SUM(t.rating) AS rating_sum
    FROM (SELECT o.agency_id, o.resolved_at, o.reopened, ${sql.join(columns)}, ${ratingOf('o')} AS rating
          FROM sla_outcomes o WHERE o.month = ${month} AND o.scope = 'agency') t
    GROUP BY t.agency_id`.execute(db);
  return result.rows.map((r) => numeric(r));
}

/** Red flags raised in the month (before `asOf`), per agency they are charged to. */
export async function tallyRedFlags(db: Executor, month: string, asOfIso: string): Promise<{ agency_id: string; red_flags: number }[]> {
  const rows = await db
    .selectFrom('sla_outcomes')
    .select((eb) => ['agency_id', eb.fn.countAll<number>().as('red_flags')])
    .where('red_flag_month', '=', month)
    .where('scope', '=', 'agency')
    .where('red_flag_at', '<', asOfIso)
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({ agency_id: r.agency_id, red_flags: Number(r.red_flags) }));
}

export async function tallyMisroutes(db: Executor, month: string): Promise<{ charged_to: string; misrouted: number }[]> {
  const rows = await db
    .selectFrom('sla_misroutes')
    .select((eb) => ['charged_to', eb.fn.countAll<number>().as('misrouted')])
    .where('month', '=', month)
    .groupBy('charged_to')
    .execute();
  return rows.map((r) => ({ charged_to: r.charged_to, misrouted: Number(r.misrouted) }));
}

function numeric<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = k === 'agency_id' || v === null ? v : Number(v);
  return out as T;
}

const OUTCOME_COLUMNS = [
  'o.id', 'o.case_id', 'o.scope', 'o.agency_id', 'o.received_at', 'o.channel', 'o.area_code', 'o.held', 'o.ver_status', 'o.ver_due',
  'o.resp_status', 'o.resp_due', 'o.fu_status', 'o.fu_due', 'o.res_status', 'o.res_due', 'o.response_ms', 'o.resolution_ms',
  'o.resolved_at', 'o.red_flag_at', 'o.reopened', 'o.rated',
] as const;

function outcomeQuery(db: Executor, scope: 'agency' | 'case') {
  return db
    .selectFrom('sla_outcomes as o')
    .select(OUTCOME_COLUMNS)
    .select(ratingOf('o').as('rating'))
    .where('o.scope', '=', scope);
}

export type OutcomeReadRow = Awaited<ReturnType<ReturnType<typeof outcomeQuery>['execute']>>[number];

/** Rows of the month's cohort and of the month's red flags (optionally of some agencies). */
export async function outcomesOfMonth(db: Executor, scope: 'agency' | 'case', month: string, agencyIds?: readonly string[]): Promise<OutcomeReadRow[]> {
  const filter = <Q extends ReturnType<typeof outcomeQuery>>(q: Q) => (agencyIds ? (q.where('o.agency_id', 'in', [...agencyIds]) as Q) : q);
  if (agencyIds && agencyIds.length === 0) return [];
  const cohort = await filter(outcomeQuery(db, scope).where('o.month', '=', month)).execute();
  const flagged = await filter(outcomeQuery(db, scope).where('o.red_flag_month', '=', month).where('o.month', '!=', month)).execute();
  return [...cohort, ...flagged];
}

/** Rows of cases held at an instant (the backlog), optionally of some agencies. */
export async function outcomesHeldAt(db: Executor, scope: 'agency' | 'case', atIso: string, agencyIds?: readonly string[]): Promise<OutcomeReadRow[]> {
  if (agencyIds && agencyIds.length === 0) return [];
  const out: OutcomeReadRow[] = [];
  for (const open of [true, false]) {
    let q = outcomeQuery(db, scope).where('o.held_from', '<=', atIso);
    q = open ? q.where('o.held_to', 'is', null) : q.where('o.held_to', '>', atIso);
    if (agencyIds) q = q.where('o.agency_id', 'in', [...agencyIds]);
    out.push(...(await q.execute()));
  }
  return out;
}

/** Every agency-scope row of the given cases (appeals need to know who else answers for a case). */
export async function outcomesOfCases(db: Executor, caseIds: readonly number[]): Promise<OutcomeReadRow[]> {
  const out: OutcomeReadRow[] = [];
  for (let i = 0; i < caseIds.length; i += 500) out.push(...(await outcomeQuery(db, 'agency').where('o.case_id', 'in', caseIds.slice(i, i + 500)).execute()));
  return out;
}

export async function misroutesOfMonth(db: Executor, month: string) {
  return db.selectFrom('sla_misroutes').select(['case_id', 'charged_to', 'held_by', 'from_at', 'to_at', 'working_ms']).where('month', '=', month).execute();
}

export async function misroutesOfCases(db: Executor, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('sla_misroutes').select(['case_id', 'charged_to', 'held_by', 'from_at', 'to_at', 'working_ms', 'month']).where('case_id', 'in', [...caseIds]).execute();
}

/** Case ids with an accepted appeal whose appealed row or misroute counts in the month. */
export async function appealedCaseIdsOfMonth(db: Executor, month: string): Promise<number[]> {
  const viaRows = await db
    .selectFrom('tkd_appeals as a')
    .innerJoin('sla_outcomes as o', (j) => j.onRef('o.case_id', '=', 'a.case_id').onRef('o.agency_id', '=', 'a.agency_id'))
    .select('a.case_id')
    .where('a.status', '=', 'accepted')
    .where('o.scope', '=', 'agency')
    .where((eb) => eb.or([eb('o.month', '=', month), eb('o.red_flag_month', '=', month)]))
    .execute();
  const viaMisroutes = await db
    .selectFrom('tkd_appeals as a')
    .innerJoin('sla_misroutes as m', (j) => j.onRef('m.case_id', '=', 'a.case_id').onRef('m.charged_to', '=', 'a.agency_id'))
    .select('a.case_id')
    .where('a.status', '=', 'accepted')
    .where('m.month', '=', month)
    .execute();
  return [...new Set([...viaRows, ...viaMisroutes].map((r) => r.case_id))];
}

export async function acceptedAppealsOfCases(db: Executor, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  const out = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    out.push(...(await db.selectFrom('tkd_appeals').selectAll().where('status', '=', 'accepted').where('case_id', 'in', caseIds.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function insertAppeal(trx: Trx, row: Insertable<TkdAppealTable>) {
  return trx.insertInto('tkd_appeals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAppeal(db: Executor, id: number) {
  return db.selectFrom('tkd_appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function openAppealFor(db: Executor, caseId: number, agencyId: string) {
  return db.selectFrom('tkd_appeals').selectAll().where('case_id', '=', caseId).where('agency_id', '=', agencyId).where('status', 'in', ['pending', 'accepted']).executeTakeFirst();
}

export async function decideAppeal(trx: Trx, id: number, patch: { status: string; decided_by: string; decided_at: string; decision_note: string | null }) {
  return trx.updateTable('tkd_appeals').set(patch).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst();
}

export async function listAppeals(db: Executor, filter: { status?: string; agencyIds?: readonly string[]; caseId?: number }) {
  let q = db.selectFrom('tkd_appeals as a').innerJoin('cases as c', 'c.id', 'a.case_id').selectAll('a').select('c.ticket');
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.caseId) q = q.where('a.case_id', '=', filter.caseId);
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return [];
    q = q.where((eb) => eb.or([eb('a.agency_id', 'in', [...filter.agencyIds!]), eb('a.to_agency_id', 'in', [...filter.agencyIds!])]));
  }
  return q.orderBy('a.id', 'desc').limit(500).execute();
}

export async function findSnapshot(db: Executor, month: string) {
  return db.selectFrom('tkd_snapshots').selectAll().where('month', '=', month).executeTakeFirst();
}

export async function snapshotLines(db: Executor, snapshotId: number) {
  return db.selectFrom('tkd_snapshot_lines').select(['case_id', 'agency_id', 'line']).where('snapshot_id', '=', snapshotId).execute();
}

export async function insertSnapshot(
  trx: Trx,
  snap: { month: string; rule: string; summary: string; content_hash: string; as_of: string; finalized_at: string; finalized_by: string },
  lines: readonly { case_id: number; agency_id: string; line: string }[],
): Promise<number> {
  const row = await trx.insertInto('tkd_snapshots').values({ ...snap, line_count: lines.length }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < lines.length; i += 300) {
    await trx.insertInto('tkd_snapshot_lines').values(lines.slice(i, i + 300).map((l) => ({ snapshot_id: row.id, ...l }))).execute();
  }
  return row.id;
}

export async function ticketsOf(db: Executor, caseIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    for (const r of await db.selectFrom('cases').select(['id', 'ticket']).where('id', 'in', caseIds.slice(i, i + 500)).execute()) out.set(r.id, r.ticket);
  }
  return out;
}

/** Complaints received per area and channel in [from, to) (case received_at), straight from the cases table. */
export async function countByAreaAndChannel(db: Executor, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['area_code', 'channel', eb.fn.countAll<number>().as('n')])
    .where('received_at', '>=', fromIso)
    .where('received_at', '<', toIso)
    .where('status', '!=', 'digabung')
    .groupBy(['area_code', 'channel'])
    .execute();
  return rows.map((r) => ({ area_code: r.area_code, channel: r.channel, n: Number(r.n) }));
}

export async function areasWithPopulation(db: Executor) {
  return db.selectFrom('areas').select(['code', 'name', 'level', 'parent_code', 'population']).execute();
}

export async function setPopulations(trx: Trx, rows: readonly { code: string; population: number }[]): Promise<void> {
  for (const r of rows) await trx.updateTable('areas').set({ population: r.population }).where('code', '=', r.code).execute();
}

export type BacklogGroup = { kind: 'agency' } | { kind: 'channel' } | { kind: 'area'; prefixLength: number };

/**
 * The backlog at an instant counted in SQL, per group and age bucket (received at or before `edges[i]` and
 * after `edges[i + 1]`; edges are instants, newest first). Two range scans of the held index: rows still
 * held, and rows released after the instant. Rows held in several intervals (a case that came back) are left
 * to the caller, which checks their gaps: `multiIntervalHeldAt` returns them.
 */
export async function backlogCounts(db: Executor, scope: 'agency' | 'case', atIso: string, edges: readonly string[], group: BacklogGroup) {
  const key =
    group.kind === 'agency'
      ? sql<string | null>`o.agency_id`
      : group.kind === 'channel'
        ? sql<string | null>`o.channel`
        : sql<string | null>`CASE WHEN length(o.area_code) >= ${sql.lit(group.prefixLength)} THEN substr(o.area_code, 1, ${sql.lit(group.prefixLength)}) END`;
  const buckets = edges.map((edge, i) =>
    i + 1 < edges.length
      ? sql`SUM(CASE WHEN o.received_at <= ${edge} AND o.received_at > ${edges[i + 1]} THEN 1 ELSE 0 END) AS ${sql.ref(`b${i}`)}`
      : sql`SUM(CASE WHEN o.received_at <= ${edge} THEN 1 ELSE 0 END) AS ${sql.ref(`b${i}`)}`,
  );
  const out: { key: string | null; buckets: number[] }[] = [];
  for (const stillHeld of [sql`o.held_to IS NULL`, sql`o.held_to > ${atIso}`]) {
    const result = await sql<Record<string, number | string | null>>`
      SELECT ${key} AS k, ${sql.join(buckets)}
      FROM sla_outcomes o
      WHERE o.scope = ${scope} AND ${stillHeld} AND o.held_from <= ${atIso} AND o.held_parts = 1
      GROUP BY 1`.execute(db);
    out.push(...result.rows.map((r) => ({ key: r.k as string | null, buckets: edges.map((_, i) => Number(r[`b${i}`] ?? 0)) })));
  }
  return out;
}

/** Rows held in several intervals that may be held at the instant (their gaps decide). */
export async function multiIntervalHeldAt(db: Executor, scope: 'agency' | 'case', atIso: string) {
  return db
    .selectFrom('sla_outcomes as o')
    .select(['o.case_id', 'o.agency_id', 'o.channel', 'o.area_code', 'o.received_at', 'o.held'])
    .where('o.scope', '=', scope)
    .where((eb) => eb.or([eb('o.held_to', 'is', null), eb('o.held_to', '>', atIso)]))
    .where('o.held_from', '<=', atIso)
    .where('o.held_parts', '>', 1)
    .execute();
}
