import type { ControlledTransaction } from 'kysely';
import type { Database } from './db.js';
import type { DB } from './schema.js';
import { inTransaction, type Trx } from './transaction.js';

interface Pending<T> {
  fn: (trx: Trx) => Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for SQLite: with synchronous=FULL every commit waits for an fsync (about 2 ms here), which caps a
 * single writer at a few hundred commits a second. Work that arrives while a commit is in flight is gathered
 * and run in ONE transaction, each unit inside its own SAVEPOINT so a failing unit rolls back alone. Every
 * caller is answered only after the shared COMMIT has returned, so durability is unchanged: nothing is
 * acknowledged before it is on disk. PostgreSQL handles concurrent transactions itself; there each unit simply
 * runs in its own transaction.
 */
export class GroupCommitter {
  private queue: Pending<unknown>[] = [];
  private flushing = false;

  constructor(
    private readonly database: Database,
    private readonly maxBatch = 64,
  ) {}

  run<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    if (this.database.dialect !== 'sqlite') return inTransaction(this.database, fn);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve, reject } as Pending<unknown>);
      if (!this.flushing) {
        this.flushing = true;
        // Let requests that are already parsed join this batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.runBatch(batch);
    }
    this.flushing = false;
  }

  private async runBatch(batch: Pending<unknown>[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let trx: ControlledTransaction<DB> | null = null;
    try {
      trx = await this.database.db.startTransaction().execute();
      for (const item of batch) {
        const sp = await trx.savepoint('unit').execute();
        try {
          const value = await item.fn(sp as unknown as Trx);
          await sp.releaseSavepoint('unit').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint('unit').execute();
          await sp.releaseSavepoint('unit').execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      if (trx) await trx.rollback().execute().catch(() => undefined);
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const o = outcomes[i];
      if (o.ok) item.resolve(o.value);
      else item.reject(o.error);
    });
  }
}
