import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CaseTable } from './schema.js';
import type { Executor, Trx } from './transaction.js';

export type CaseRow = Selectable<CaseTable>;

export async function insertCase(trx: Trx, row: Insertable<CaseTable>): Promise<CaseRow> {
  return trx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCase(trx: Trx, id: number, patch: Updateable<CaseTable>): Promise<CaseRow> {
  return trx.updateTable('cases').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findCaseById(db: Executor, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCaseByTicket(db: Executor, ticket: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('ticket', '=', ticket.toUpperCase()).executeTakeFirst();
}

export async function findCaseByToken(db: Executor, token: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('open311_token', '=', token).executeTakeFirst();
}

/** Next ticket number of a period (e.g. '2611'): one atomic upsert, safe under concurrency on both dialects. */
export async function nextTicketSequence(trx: Trx, period: string): Promise<number> {
  const row = await trx
    .insertInto('ticket_counters')
    .values({ period, value: 1 })
    .onConflict((oc) => oc.column('period').doUpdateSet((eb) => ({ value: eb('ticket_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function findInboundMessage(db: Executor, channel: string, externalId: string) {
  return db.selectFrom('inbound_messages').selectAll().where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
}

/** A split case's links, by ticket: the case it was split off and the cases split off it (oldest first). */
export async function findSplitLinks(db: Executor, kase: Pick<CaseRow, 'id' | 'split_from_id'>): Promise<{ splitFrom: string | null; splitInto: { ticket: string; status: string }[] }> {
  const [from, into] = await Promise.all([
    kase.split_from_id === null ? undefined : db.selectFrom('cases').select('ticket').where('id', '=', kase.split_from_id).executeTakeFirst(),
    db.selectFrom('cases').select(['ticket', 'status']).where('split_from_id', '=', kase.id).orderBy('id').execute(),
  ]);
  return { splitFrom: from?.ticket ?? null, splitInto: into };
}
