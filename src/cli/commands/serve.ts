import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { buildServer } from '../../http/server.js';
import { bootstrap } from '../../services/bootstrap.js';
import { startWorkers } from '../../jobs/start-workers.js';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate, seed reference data and serve HTTP (plus background workers)')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const ctx = await bootstrap(config, {
        log,
        onAdminCreated: (user, password) => {
          const line = password
            ? `First admin created — username: ${user}  password: ${password}  (shown only this once; change it with 'npx cepat users passwd ${user}')`
            : `First admin created — username: ${user}, password from CEPAT_ADMIN_PASSWORD`;
          process.stdout.write(`\n  ${line}\n\n`);
        },
      });
      // Build the triage engine's indexes (areas, model, open cases) before taking traffic.
      await (ctx.triage as { warmUp?: () => Promise<void> }).warmUp?.();
      const app = await buildServer(ctx);
      const workers = config.workers ? await startWorkers(ctx) : null;
      await app.listen({ port: config.port, host: config.host });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      process.stdout.write(`Cepat listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (database: ${ctx.database.dialect}; API docs at /api/docs)\n`);
      const shutdown = async (signal: string) => {
        log.info({ cat: 'server', signal }, 'shutting down');
        await app.close();
        await workers?.stop();
        await ctx.database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });
}
