import type { Insertable, Selectable } from 'kysely';
import type { CaseSlaTable, NotificationTable, SlaMisrouteTable, SlaOutcomeTable } from './schema.js';
import type { Executor, Trx } from './transaction.js';

/** SQL of the SLA clock's state: holidays, per-case SLA rows, outcome rows, red flags, notifications. */

export type OutcomeRow = Insertable<SlaOutcomeTable>;
export type MisrouteRow = Insertable<SlaMisrouteTable>;
export type CaseSlaRow = Selectable<CaseSlaTable>;


export async function listImportedHolidays(db: Executor) {
  return db.selectFrom('calendar_holidays').selectAll().orderBy('date').execute();
}

/** Replaces the admin's holidays of the given years with `entries` (all of them inside those years). */
export async function replaceHolidayYears(
  trx: Trx,
  years: readonly number[],
  entries: readonly { date: string; type: string; name: string; status: string }[],
  source: string,
  now: Date,
): Promise<void> {
  if (years.length > 0) await trx.deleteFrom('calendar_holidays').where('year', 'in', [...years]).execute();
  for (let i = 0; i < entries.length; i += 200) {
    const part = entries.slice(i, i + 200);
    await trx
      .insertInto('calendar_holidays')
      .values(part.map((e) => ({ date: e.date, year: Number(e.date.slice(0, 4)), type: e.type, name: e.name, status: e.status, source, updated_at: now.toISOString() })))
      .execute();
  }
}

export async function loadAgencyIndex(db: Executor) {
  return db.selectFrom('agencies').select(['id', 'name', 'kind', 'level', 'parent_id', 'head_title', 'head_eselon', 'email', 'active']).execute();
}

/** The case facts the clock needs, its category's policy set and its stored SLA state, in one query. */
export async function loadCaseForSla(db: Executor, caseId: number) {
  return db
    .selectFrom('cases')
    .leftJoin('categories', 'categories.code', 'cases.category_code')
    .leftJoin('case_sla', 'case_sla.case_id', 'cases.id')
    .select([
      'cases.id', 'cases.ticket', 'cases.status', 'cases.received_at', 'cases.channel', 'cases.area_code', 'cases.category_code',
      'cases.priority', 'cases.agency_id', 'cases.verify_due_at', 'cases.response_due_at', 'cases.resolution_due_at',
      'categories.sla_policy', 'case_sla.outcome_sig', 'case_sla.red_flags', 'case_sla.escalated_until', 'case_sla.next_check_at',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

export type CaseForSla = NonNullable<Awaited<ReturnType<typeof loadCaseForSla>>>;

export async function caseEventsForSla(db: Executor, caseId: number) {
  return db.selectFrom('events').select(['action', 'actor', 'before', 'after', 'at']).where('stream', '=', `case:${caseId}`).orderBy('seq').execute();
}

export async function setCaseDueTimes(trx: Trx, caseId: number, due: { verify_due_at: string | null; response_due_at: string | null; resolution_due_at: string | null }): Promise<void> {
  await trx.updateTable('cases').set(due).where('id', '=', caseId).execute();
}

export async function upsertCaseSla(trx: Trx, row: Selectable<CaseSlaTable>): Promise<void> {
  const { case_id: _id, ...rest } = row;
  await trx.insertInto('case_sla').values(row).onConflict((oc) => oc.column('case_id').doUpdateSet(rest)).execute();
}

/** Rewrites a case's outcome and misroute rows (`existed`: skip the delete for a case written the first time). */
export async function replaceOutcomeRows(trx: Trx, caseId: number, outcomes: OutcomeRow[], misroutes: MisrouteRow[], existed: boolean): Promise<void> {
  if (existed) {
    await trx.deleteFrom('sla_outcomes').where('case_id', '=', caseId).execute();
    await trx.deleteFrom('sla_misroutes').where('case_id', '=', caseId).execute();
  }
  if (outcomes.length > 0) await trx.insertInto('sla_outcomes').values(outcomes).execute();
  if (misroutes.length > 0) await trx.insertInto('sla_misroutes').values(misroutes).execute();
}

export interface RedFlagRecord {
  holdingIndex: number;
  agencyId: string;
  chargedTo: string;
  raisedAt: string;
  month: string;
}

/** Records raised flags once; flags the clock no longer shows are marked withdrawn, never deleted. */
export async function syncRedFlags(trx: Trx, caseId: number, flags: readonly RedFlagRecord[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const f of flags) {
    await trx
      .insertInto('sla_red_flags')
      .values({ case_id: caseId, holding_index: f.holdingIndex, agency_id: f.agencyId, charged_to: f.chargedTo, raised_at: f.raisedAt, month: f.month, recorded_at: at, withdrawn_at: null })
      .onConflict((oc) => oc.columns(['case_id', 'holding_index']).doUpdateSet({ raised_at: f.raisedAt, month: f.month, charged_to: f.chargedTo, withdrawn_at: null }))
      .execute();
  }
  let gone = trx.updateTable('sla_red_flags').set({ withdrawn_at: at }).where('case_id', '=', caseId).where('withdrawn_at', 'is', null);
  if (flags.length > 0) gone = gone.where('holding_index', 'not in', flags.map((f) => f.holdingIndex));
  await gone.execute();
}

/** Cases whose next escalation step or auto-close is due, oldest first. */
export interface DueCursor {
  at: string;
  caseId: number;
}

/** Cases whose next escalation step or auto-close is due, oldest first, after the cursor (keyset paging). */
export async function dueCases(db: Executor, now: Date, limit: number, after?: DueCursor): Promise<{ case_id: number; next_check_at: string }[]> {
  let q = db.selectFrom('case_sla').select(['case_id', 'next_check_at']).where('next_check_at', '<=', now.toISOString());
  if (after) q = q.where((eb) => eb.or([eb('next_check_at', '>', after.at), eb.and([eb('next_check_at', '=', after.at), eb('case_id', '>', after.caseId)])]));
  const rows = await q.orderBy('next_check_at').orderBy('case_id').limit(limit).execute();
  return rows.map((r) => ({ case_id: r.case_id, next_check_at: r.next_check_at! }));
}

export async function caseNextCheck(db: Executor, caseId: number): Promise<string | null> {
  return (await db.selectFrom('case_sla').select('next_check_at').where('case_id', '=', caseId).executeTakeFirst())?.next_check_at ?? null;
}

/** Inserts a notification unless its key exists; returns whether this call stored it. */
export async function insertNotification(trx: Trx, row: Insertable<NotificationTable>): Promise<boolean> {
  const res = await trx.insertInto('notifications').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function activeUsers(db: Executor, filter: { role: string; agencyId?: string }) {
  let q = db.selectFrom('users').select(['id', 'email', 'agency_id']).where('active', '=', 1).where('role', '=', filter.role);
  if (filter.agencyId !== undefined) q = q.where('agency_id', '=', filter.agencyId);
  return q.orderBy('id').execute();
}

/** A user's notifications: addressed to them, or to their whole agency. Newest first. */
export async function listNotificationsFor(db: Executor, user: { id: number; agencyId: string | null }, opts: { unreadOnly: boolean; limit: number; beforeId?: number }) {
  let q = db
    .selectFrom('notifications')
    .leftJoin('cases', 'cases.id', 'notifications.case_id')
    .select(['notifications.id', 'notifications.kind', 'notifications.title', 'notifications.body', 'notifications.data', 'notifications.case_id', 'cases.ticket', 'notifications.agency_id', 'notifications.user_id', 'notifications.created_at', 'notifications.read_at'])
    .where((eb) => {
      const mine = eb('notifications.user_id', '=', user.id);
      return user.agencyId ? eb.or([mine, eb.and([eb('notifications.user_id', 'is', null), eb('notifications.agency_id', '=', user.agencyId)])]) : mine;
    });
  if (opts.unreadOnly) q = q.where('notifications.read_at', 'is', null);
  if (opts.beforeId) q = q.where('notifications.id', '<', opts.beforeId);
  return q.orderBy('notifications.id', 'desc').limit(opts.limit).execute();
}

export async function markNotificationRead(db: Executor, id: number, user: { id: number; agencyId: string | null }, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .where((eb) => (user.agencyId ? eb.or([eb('user_id', '=', user.id), eb.and([eb('user_id', 'is', null), eb('agency_id', '=', user.agencyId)])]) : eb('user_id', '=', user.id)))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
