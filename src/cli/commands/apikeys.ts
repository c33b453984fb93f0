import type { Command } from 'commander';
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/auth/api-keys.js';
import { printJson, withContext } from '../context.js';

export function apikeysCommand(program: Command): void {
  const keys = program.command('apikeys').description('API keys for partners and Open311 clients');
  keys
    .command('create')
    .requiredOption('--name <name>', 'who the key is for')
    .action(async (o: { name: string }) =>
      withContext(async (ctx) => {
        const k = await createApiKey(ctx, o.name);
        process.stderr.write(`API key '${o.name}' created (id ${k.id}, prefix ${k.prefix}). It is shown only once:\n`);
        // The key is the last line of standard output, so scripts can take it with `| tail -1`.
        process.stdout.write(`${k.key}\n`);
      }),
    );
  keys.command('list').action(async () => withContext(async (ctx) => printJson(await listApiKeys(ctx))));
  keys
    .command('revoke')
    .requiredOption('--name <name>')
    .action(async (o: { name: string }) =>
      withContext(async (ctx) => {
        await revokeApiKey(ctx, o.name);
        process.stdout.write(`API key '${o.name}' revoked\n`);
      }),
    );
}
