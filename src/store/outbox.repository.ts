import type { Selectable } from 'kysely';
import type { OutboxTable } from './schema.js';
import type { Executor, Trx } from './transaction.js';

export type OutboxRow = Selectable<OutboxTable>;

export interface OutboxMessage {
  /** Unique per logical message: enqueuing the same key twice stores it once, and it is delivered once. */
  deliveryKey: string;
  kind: string;
  caseId: number | null;
  payload: unknown;
}

/** Written in the caller's transaction, so a message exists if and only if the change that causes it does. */
export async function enqueue(trx: Trx, msg: OutboxMessage, now: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      delivery_key: msg.deliveryKey,
      kind: msg.kind,
      case_id: msg.caseId,
      payload: JSON.stringify(msg.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .execute();
}

/**
 * Claims up to `limit` due messages by setting a lease (`locked_until`). The conditional UPDATE makes the claim
 * safe with several workers on one PostgreSQL: a row is claimed by whoever updates it first.
 */
export async function claimDue(db: Executor, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const nowIso = now.toISOString();
  const candidates = await db
    .selectFrom('outbox')
    .select(['id', 'locked_until'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  for (const c of candidates) {
    const row = await db
      .updateTable('outbox')
      .set({ locked_until: lease })
      .where('id', '=', c.id)
      .where('status', '=', 'pending')
      .where((eb) => (c.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', c.locked_until)))
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function markSent(db: Executor, id: number, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: now.toISOString(), locked_until: null, attempts: (eb) => eb('attempts', '+', 1) }).where('id', '=', id).execute();
}

export async function markFailed(db: Executor, id: number, error: string, nextAttemptAt: Date | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: nextAttemptAt ? 'pending' : 'dead',
      next_attempt_at: (nextAttemptAt ?? new Date(0)).toISOString(),
      locked_until: null,
      last_error: error.slice(0, 2000),
      attempts: (eb) => eb('attempts', '+', 1),
    })
    .where('id', '=', id)
    .execute();
}
