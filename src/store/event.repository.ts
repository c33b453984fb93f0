import { createHash } from 'node:crypto';
import type { Executor, Trx } from './transaction.js';

/**
 * The append-only event log. Events of one case form a hash chain (each hash covers the previous one), so
 * altering or deleting a stored event breaks the chain and `cepat audit verify` names the case.
 */
export interface NewEvent {
  caseId: number | null;
  action: string;
  actor: string;
  before?: unknown;
  after?: unknown;
  at: Date;
  requestId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function streamOf(caseId: number | null): string {
  return caseId === null ? 'system' : `case:${caseId}`;
}

export function eventHash(prevHash: string, e: { stream: string; seq: number; case_id: number | null; action: string; actor: string; before: string | null; after: string | null; at: string; request_id: string | null }): string {
  const canonical = JSON.stringify([e.stream, e.seq, e.case_id, e.action, e.actor, e.before, e.after, e.at, e.request_id]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export async function appendEvent(trx: Trx, event: NewEvent): Promise<{ id: number; hash: string }> {
  const stream = streamOf(event.caseId);
  const last = await trx.selectFrom('event_heads').select(['seq', 'hash']).where('stream', '=', stream).executeTakeFirst();
  const row = {
    stream,
    seq: (last?.seq ?? 0) + 1,
    case_id: event.caseId,
    action: event.action,
    actor: event.actor,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    at: event.at.toISOString(),
    request_id: event.requestId ?? null,
  };
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const hash = eventHash(prev_hash, row);
  const inserted = await trx.insertInto('events').values({ ...row, prev_hash, hash }).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('event_heads')
    .values({ stream, seq: row.seq, hash })
    .onConflict((oc) => oc.column('stream').doUpdateSet({ seq: row.seq, hash }))
    .execute();
  return { id: inserted.id, hash };
}

export interface StoredEvent {
  id: number;
  stream: string;
  seq: number;
  case_id: number | null;
  action: string;
  actor: string;
  before: string | null;
  after: string | null;
  at: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export async function caseEvents(db: Executor, caseId: number): Promise<StoredEvent[]> {
  return db.selectFrom('events').selectAll().where('stream', '=', streamOf(caseId)).orderBy('seq').execute();
}

/** Streams every event ordered by stream and sequence, in pages, for verification and export. */
export async function* allEventsByStream(db: Executor, pageSize = 5000): AsyncGenerator<StoredEvent> {
  let afterStream = '';
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .selectFrom('events')
      .selectAll()
      .where((eb) => eb.or([eb('stream', '>', afterStream), eb.and([eb('stream', '=', afterStream), eb('seq', '>', afterSeq)])]))
      .orderBy('stream')
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const e of page) yield e;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    afterStream = last.stream;
    afterSeq = last.seq;
  }
}
