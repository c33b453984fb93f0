import type { AppContext } from '../services/context.js';
import { OutboxWorker } from './outbox-worker.js';
import { buildSenders } from './senders.js';

export interface Workers {
  stop(): Promise<void>;
}

/** Background jobs of a server process: the outbox (and, as they land, the SLA scanner and pollers). */
export async function startWorkers(ctx: AppContext): Promise<Workers> {
  const outbox = new OutboxWorker({ database: ctx.database, senders: buildSenders(ctx.config, ctx.log), log: ctx.log.child({ cat: 'outbox' }), clock: ctx.clock });
  outbox.start(1000);
  return {
    async stop() {
      await outbox.stop();
    },
  };
}
