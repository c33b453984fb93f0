import { pino } from 'pino';
import { loadConfig } from '../config/config.js';
import { bootstrap } from '../services/bootstrap.js';
import type { AppContext } from '../services/context.js';

/** CLI commands run against the same configuration as the server, migrating and seeding when needed. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await bootstrap(config, {
    log: pino({ level: process.env.CEPAT_LOG_LEVEL ?? 'warn' }, pino.destination(2)),
    onAdminCreated: (user, password) => {
      if (password) process.stderr.write(`First admin created: username '${user}', password '${password}' (shown once).\n`);
    },
  });
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
