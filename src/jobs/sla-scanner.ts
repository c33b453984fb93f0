import type { Logger } from 'pino';
import { PeriodicTask } from './periodic.js';
import { DomainError } from '../domain/errors.js';
import { transitionCase } from '../services/cases/transition-case.js';
import type { AppContext } from '../services/context.js';
import { deliverEscalations } from '../services/sla/deliver-escalations.js';
import { recomputeCaseSla } from '../services/sla/recompute-case-sla.js';
import { lockCaseRow } from '../store/dialect.js';
import { caseNextCheck, dueCases, type DueCursor } from '../store/sla.repository.js';
import { inTransaction } from '../store/transaction.js';

/**
 * The SLA scanner: wakes the cases whose next escalation step or auto-close time has come (each case stores
 * when that is, `case_sla.next_check_at`, recomputed on every change), and for each, in one transaction:
 * recomputes its clock as of now, stores the red flags, and delivers every due step of the escalation ladder
 * (in-app + e-mail, each once by its key). A resolved case past its policy's auto-close time is then closed
 * through the normal workflow (`auto_close`, actor system:sla-scanner).
 *
 * Safe to run in several processes at once: each case is handled under its row lock (PostgreSQL) or in a
 * serialized transaction (SQLite) and skipped when another scanner already moved its next check past now;
 * even without that, the unique notification and delivery keys store each message once.
 */
export interface ScanResult {
  cases: number;
  notifications: number;
  autoClosed: number;
  errors: number;
}

export interface SlaScannerOptions {
  ctx: AppContext;
  log: Logger;
  batchSize?: number;
}

export const SCANNER_ACTOR = { kind: 'system', job: 'sla-scanner' } as const;

export class SlaScanner {
  private readonly task: PeriodicTask<ScanResult>;
  constructor(private readonly o: SlaScannerOptions) {
    this.task = new PeriodicTask(() => this.pass(), (err) => o.log.error({ cat: 'sla', err }, 'sla scan failed'));
  }

  /** One pass over every case due now; concurrent calls on one scanner share the pass. */
  runOnce(): Promise<ScanResult> {
    return this.task.runOnce();
  }

  private async pass(): Promise<ScanResult> {
    const { ctx } = this.o;
    const now = ctx.clock();
    const result: ScanResult = { cases: 0, notifications: 0, autoClosed: 0, errors: 0 };
    let cursor: DueCursor | undefined;
    for (;;) {
      const batch = await dueCases(ctx.database.db, now, this.o.batchSize ?? 200, cursor);
      if (batch.length === 0) break;
      for (const row of batch) {
        try {
          await this.handle(row.case_id, now, result);
        } catch (err) {
          result.errors++;
          this.o.log.error({ cat: 'sla', caseId: row.case_id, err }, 'scanning a case failed');
        }
      }
      const last = batch[batch.length - 1];
      cursor = { at: last.next_check_at, caseId: last.case_id };
    }
    if (result.cases > 0) this.o.log.info({ cat: 'sla', ...result }, 'sla scan');
    return result;
  }

  private async handle(caseId: number, now: Date, result: ScanResult): Promise<void> {
    const { ctx } = this.o;
    const nowIso = now.toISOString();
    const closeNow = await inTransaction(ctx.database, async (trx) => {
      await lockCaseRow(trx, ctx.database.dialect, caseId);
      const next = await caseNextCheck(trx, caseId);
      if (next === null || next > nowIso) return false; // another scanner got here first
      const rec = await recomputeCaseSla(trx, ctx, caseId, now, { escalatedAt: now });
      if (!rec) return false;
      result.cases++;
      result.notifications += await deliverEscalations(trx, ctx, rec, now);
      const at = rec.clock.autoCloseAt;
      return rec.kase.status === 'selesai' && rec.clock.state === 'resolved' && at !== null && at.getTime() <= now.getTime();
    });
    if (!closeNow) return;
    try {
      await transitionCase(ctx, { caseRef: caseId, action: 'auto_close', input: {}, actor: SCANNER_ACTOR });
      result.autoClosed++;
    } catch (err) {
      // Another scanner closed it, or the citizen acted in between: nothing left to do.
      if (!(err instanceof DomainError && err.code === 'transition_not_allowed')) throw err;
    }
  }

  start(intervalMs = 60_000): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
