import type { Logger } from 'pino';
import { PeriodicTask } from './periodic.js';
import type { AppContext } from '../services/context.js';
import { retrainAndPromote, type RetrainOutcome } from '../services/triage/model-versions.js';
import { LAST_RETRAIN_KEY, retrainSchedule } from '../services/triage/retrain-schedule.js';
import { putSetting } from '../store/settings.repository.js';

/**
 * Retrains the triage classifier from corrected history on a schedule (daily unless `cepat triage schedule
 * --every HOURS` set otherwise; 0 turns it off; see retrain-schedule.ts) and promotes the new model only when it
 * scores at least as well on a held-out slice. The last run is stored, so a restart does not retrain early
 * and several server processes retrain once between them (at worst twice, which is harmless: versions are
 * kept and promotion is a comparison).
 */

export class TriageRetrainJob {
  private readonly task: PeriodicTask<RetrainOutcome | null>;

  constructor(private readonly o: { ctx: AppContext; log: Logger }) {
    this.task = new PeriodicTask(() => this.pass(), (err) => o.log.error({ err }, 'triage retrain failed'));
  }

  /** Retrains when the interval has passed since the last run; null when not due. */
  runIfDue(): Promise<RetrainOutcome | null> {
    return this.task.runOnce();
  }

  private async pass(): Promise<RetrainOutcome | null> {
    const { ctx, log } = this.o;
    const db = ctx.database.db;
    const now = ctx.clock();
    const schedule = await retrainSchedule(db, now);
    if (schedule.nextDueAt === null || new Date(schedule.nextDueAt).getTime() > now.getTime()) return null;
    await putSetting(db, LAST_RETRAIN_KEY, now.toISOString());
    const outcome = await retrainAndPromote(ctx);
    log.info({ status: outcome.status, reason: outcome.reason, version: outcome.version, candidate: outcome.candidate && { accuracy: outcome.candidate.accuracy, macro_f1: outcome.candidate.macro_f1 } }, 'triage retrain');
    return outcome;
  }

  start(checkEveryMs = 10 * 60_000): void {
    this.task.start(checkEveryMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
