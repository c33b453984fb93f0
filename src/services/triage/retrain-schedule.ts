import { DomainError } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction, type Executor } from '../../store/transaction.js';
import { getSetting, putSetting } from '../../store/settings.repository.js';
import type { AppContext } from '../context.js';

/**
 * When the classifier retrains from corrected history. A database setting rather than configuration: every
 * server process follows the same schedule, and an administrator changes it without a restart.
 */
export const RETRAIN_INTERVAL_KEY = 'triage.retrain_interval_hours';
export const LAST_RETRAIN_KEY = 'triage.last_retrain_at';
export const DEFAULT_INTERVAL_HOURS = 24;
const MAX_INTERVAL_HOURS = 24 * 366;

export interface RetrainSchedule {
  /** 0: automatic retraining is off. */
  everyHours: number;
  lastRunAt: string | null;
  /** Null when off; the last run plus the interval, or now when it never ran. */
  nextDueAt: string | null;
}

export async function retrainSchedule(db: Executor, now: Date): Promise<RetrainSchedule> {
  const raw = await getSetting(db, RETRAIN_INTERVAL_KEY);
  const stored = raw === undefined ? Number.NaN : Number(raw);
  const everyHours = Number.isFinite(stored) && stored >= 0 ? stored : DEFAULT_INTERVAL_HOURS;
  const lastRunAt = (await getSetting(db, LAST_RETRAIN_KEY)) ?? null;
  const due = lastRunAt ? new Date(new Date(lastRunAt).getTime() + everyHours * 3_600_000) : now;
  return { everyHours, lastRunAt, nextDueAt: everyHours > 0 ? due.toISOString() : null };
}

/** Sets the interval (hours, 0 turns retraining off), audited. */
export async function setRetrainInterval(ctx: AppContext, hours: number, actor: string): Promise<RetrainSchedule> {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_INTERVAL_HOURS) {
    throw new DomainError('validation_failed', `Interval harus antara 0 dan ${MAX_INTERVAL_HOURS} jam`, `The interval must be between 0 and ${MAX_INTERVAL_HOURS} hours`, [{ field: 'every', message: 'out of range' }]);
  }
  return inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    const before = await retrainSchedule(trx, now);
    await putSetting(trx, RETRAIN_INTERVAL_KEY, String(hours));
    await appendEvent(trx, { caseId: null, action: 'settings.triage_retrain_interval', actor, before: { every_hours: before.everyHours }, after: { every_hours: hours }, at: now });
    return retrainSchedule(trx, now);
  });
}
