import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db.js';
import type { DB } from './schema.js';

export type Trx = Transaction<DB>;
export type Executor = Kysely<DB> | Trx;

// PostgreSQL errors worth retrying: serialization failure, deadlock, and a unique violation on the event chain
// (two writers took the same sequence number; the loser retries on top of the winner).
const RETRYABLE = new Set(['40001', '40P01']);

function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code && RETRYABLE.has(e.code)) return true;
  if (e?.code === '23505' && e.constraint === 'events_stream_seq') return true;
  if (e?.code === 'SQLITE_BUSY') return true;
  return false;
}

/** Runs `fn` in one transaction, retrying a few times on conflicts that a retry resolves. */
export async function inTransaction<T>(database: Database, fn: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().execute(fn);
    } catch (err) {
      if (attempt >= 5 || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}

export function isUniqueViolation(err: unknown, constraintHint?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code === '23505') return !constraintHint || e.constraint === constraintHint || (e.message ?? '').includes(constraintHint);
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return false;
}
