import type { Logger } from 'pino';
import { PeriodicTask } from './periodic.js';
import type { Database } from '../store/db.js';
import { claimDue, markFailed, markSent, type OutboxRow } from '../store/outbox.repository.js';

/** Delivers one outbox message; throws to retry. `deliveryKey` lets providers and peers drop duplicates. */
export type Sender = (msg: { id: number; kind: string; deliveryKey: string; caseId: number | null; payload: unknown; attempt: number }) => Promise<void>;

export interface OutboxWorkerOptions {
  database: Database;
  senders: Record<string, Sender>;
  log: Logger;
  clock?: () => Date;
  /** How long a claimed message stays reserved for this worker (a crashed worker's claims expire). */
  leaseMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
}

export class PermanentDeliveryError extends Error {}

/**
 * At-least-once delivery with exponential backoff: a message is marked sent only after its sender returned;
 * a crash between sending and marking resends it, with the same delivery key, after the lease expires.
 */
export class OutboxWorker {
  private readonly task: PeriodicTask<number>;
  constructor(private readonly o: OutboxWorkerOptions) {
    this.task = new PeriodicTask(() => this.pass(), (err) => o.log.error({ cat: 'outbox', err }, 'outbox pass failed'));
  }

  backoffMs(attempt: number): number {
    const base = this.o.baseDelayMs ?? 30_000;
    const max = this.o.maxDelayMs ?? 6 * 3_600_000;
    return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  }

  /** One pass over due messages; returns how many were delivered. */
  runOnce(): Promise<number> {
    return this.task.runOnce();
  }

  private async pass(): Promise<number> {
    const now = (this.o.clock ?? (() => new Date()))();
    const rows = await claimDue(this.o.database.db, now, this.o.leaseMs ?? 60_000, this.o.batchSize ?? 50);
    let sent = 0;
    for (const row of rows) if (await this.deliver(row)) sent++;
    return sent;
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const clock = this.o.clock ?? (() => new Date());
    const sender = this.o.senders[row.kind];
    const attempt = row.attempts + 1;
    try {
      if (!sender) throw new PermanentDeliveryError(`no sender configured for '${row.kind}'`);
      await sender({ id: row.id, kind: row.kind, deliveryKey: row.delivery_key, caseId: row.case_id, payload: JSON.parse(row.payload), attempt });
      await markSent(this.o.database.db, row.id, clock());
      return true;
    } catch (err) {
      const permanent = err instanceof PermanentDeliveryError || attempt >= (this.o.maxAttempts ?? 12);
      const next = permanent ? null : new Date(clock().getTime() + this.backoffMs(attempt));
      await markFailed(this.o.database.db, row.id, (err as Error).message ?? String(err), next);
      this.o.log.warn({ cat: 'outbox', id: row.id, kind: row.kind, attempt, permanent, err: (err as Error).message }, 'delivery failed');
      return false;
    }
  }

  start(intervalMs = 1000): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
