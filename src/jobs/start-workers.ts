import type { AppContext } from '../services/context.js';
import { emailSenderFor, startEmailIntake } from './email/start-email.js';
import { STAFF_EMAIL_KIND, staffEmailSender } from '../services/sla/escalation-mail.js';
import { OutboxWorker } from './outbox-worker.js';
import { PeriodicTask } from './periodic.js';
import { buildSenders } from './senders.js';
import { channelsOf } from '../channels/config/channel-registry.js';
import { startPartnerPoller } from './partner-poller.js';
import { SlaScanner } from './sla-scanner.js';
import { TriageRetrainJob } from './triage-retrain.js';

const PLANNER_STATS_INTERVAL_MS = 6 * 3_600_000;

export interface Workers {
  stop(): Promise<void>;
}

/** Background jobs of a server process: the outbox, the SLA scanner, the e-mail intake (SMTP listener, IMAP poller) and the partner poller. */
export async function startWorkers(ctx: AppContext): Promise<Workers> {
  const citizenEmail = emailSenderFor(ctx);
  const senders = buildSenders(
    ctx.config,
    ctx.log,
    { [STAFF_EMAIL_KIND]: staffEmailSender(ctx.config, ctx.log), ...(citizenEmail ? { email: citizenEmail } : {}) },
    { database: ctx.database, channels: channelsOf(ctx), clock: ctx.clock },
  );
  const outbox = new OutboxWorker({ database: ctx.database, senders, log: ctx.log.child({ cat: 'outbox' }), clock: ctx.clock });
  outbox.start(1000);
  const scanner = new SlaScanner({ ctx, log: ctx.log.child({ cat: 'sla' }) });
  scanner.start(60_000);
  const retrain = new TriageRetrainJob({ ctx, log: ctx.log.child({ cat: 'triage' }) }); retrain.start();
  // Planner statistics follow the tables' growth (see Database.refreshPlannerStats): cheap, so a few times a day.
  const plannerStats = new PeriodicTask(() => ctx.database.refreshPlannerStats(), (err) => ctx.log.warn({ err, cat: 'db' }, 'planner statistics refresh failed'));
  plannerStats.start(PLANNER_STATS_INTERVAL_MS);
  const email = await startEmailIntake(ctx);
  const channelJobs = startPartnerPoller(ctx);
  return {
    async stop() {
      await scanner.stop();
      await plannerStats.stop();
      await retrain.stop();
      await email.stop();
      await channelJobs.stop();
      await outbox.stop();
    },
  };
}
