import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { verifyPassword } from '../../services/users/password.js';
import { countCases, csvField, EXPORT_COLUMNS, exportCases, PII_COLUMNS } from '../../services/export/export-cases.js';
import { withContext } from '../context.js';
import { readSecret } from '../prompt.js';

export function exportCommand(program: Command): void {
  const exp = program.command('export').description('export data');
  exp
    .command('cases')
    .option('--format <format>', 'csv | jsonl', 'csv')
    .option('--from <date>', 'created at or after (ISO 8601)')
    .option('--to <date>', 'created before (ISO 8601)')
    .option('--with-pii', 'include reporter identity (needs an admin login: --admin-user, password prompted or CEPAT_EXPORT_PASSWORD)')
    .option('--admin-user <username>')
    .action(async (o: { format: string; from?: string; to?: string; withPii?: boolean; adminUser?: string }) => {
      if (!['csv', 'jsonl'].includes(o.format)) throw new DomainError('validation_failed', 'Format harus csv atau jsonl', 'Format must be csv or jsonl');
      const from = o.from ? parseDate(o.from, '--from') : undefined;
      const to = o.to ? parseDate(o.to, '--to') : undefined;
      await withContext(async (ctx) => {
        if (o.withPii) {
          if (!o.adminUser) throw new DomainError('forbidden', '--with-pii memerlukan --admin-user', '--with-pii needs --admin-user');
          const password = process.env.CEPAT_EXPORT_PASSWORD ?? (await readSecret(`Password for ${o.adminUser}: `));
          const user = await ctx.database.db.selectFrom('users').select(['password_hash', 'role', 'active']).where('username', '=', o.adminUser).executeTakeFirst();
          if (!user || user.role !== 'admin' || user.active !== 1 || !(await verifyPassword(user.password_hash, password))) {
            throw new DomainError('forbidden', 'Ekspor data pribadi hanya untuk admin', 'Exporting personal data needs an admin');
          }
        }
        const total = await countCases(ctx, { from, to, withPii: Boolean(o.withPii) });
        const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'export {bar} {value}/{total} cases' }, cliProgress.Presets.shades_classic) : null;
        bar?.start(total, 0);
        const columns = [...EXPORT_COLUMNS, ...(o.withPii ? PII_COLUMNS : [])];
        if (o.format === 'csv') await write(`${columns.join(',')}\n`);
        let n = 0;
        for await (const row of exportCases(ctx, { from, to, withPii: Boolean(o.withPii) })) {
          await write(o.format === 'csv' ? `${columns.map((c) => csvField(row[c])).join(',')}\n` : `${JSON.stringify(row)}\n`);
          if (++n % 500 === 0) bar?.update(n);
        }
        bar?.update(n);
        bar?.stop();
      });
    });
}

function parseDate(s: string, flag: string): Date {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new DomainError('validation_failed', `${flag}: tanggal tidak valid`, `${flag}: invalid date`);
  return d;
}

/** Respects back-pressure so a pipe to a slow consumer does not buffer the whole export in memory. */
function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}
