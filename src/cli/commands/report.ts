import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { figuresJson, performanceJson, scoreJson } from '../../services/reports/figures-json.js';
import { performanceReport } from '../../services/reports/performance-report.js';
import { importPopulation, reachReport } from '../../services/reports/reach-report.js';
import { renderTkd } from '../../services/reports/render-tkd.js';
import { FULL_SCOPE } from '../../services/reports/report-access.js';
import { loadTkdConfig, tkdConfigJson } from '../../services/reports/tkd-config.js';
import { saveTkdConfig } from '../../services/reports/tkd-config-update.js';
import { tkdDrilldown } from '../../services/reports/tkd-drilldown.js';
import { finalizeMonth } from '../../services/reports/tkd-snapshot.js';
import { printJson, withContext } from '../context.js';

async function output(body: Buffer | string, out?: string): Promise<void> {
  if (out) return fs.writeFile(out, body);
  // A reader that stops early (`| head`) closes the pipe: that is not an error of the report.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.stdout.write(body);
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return fs.readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The console acts with full report access: whoever runs it already holds the database. */
export function reportCommand(program: Command): void {
  const report = program.command('report').description('performance and TKD reports, channel reach');
  report
    .command('tkd')
    .description('the monthly TKD complaint component for every agency head')
    .requiredOption('--month <YYYY-MM>')
    .option('--format <format>', 'json | csv | xlsx | pdf', 'json')
    .option('--agency <id>', 'one agency, with every case counted (the page its head signs)')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { month: string; format: string; agency?: string; out?: string }) =>
      withContext(async (ctx) => {
        const r = await renderTkd(ctx, FULL_SCOPE, { month: o.month, format: o.format, agencyId: o.agency });
        await output(r.body, o.out);
      }),
    );
  report
    .command('performance')
    .description('monthly figures per agency, channel or area')
    .requiredOption('--month <YYYY-MM>')
    .option('--by <dimension>', 'agency | channel | kota | kecamatan | kelurahan', 'agency')
    .option('--ids', 'list the case ids behind every figure')
    .option('--out <file>')
    .action(async (o: { month: string; by: string; ids?: boolean; out?: string }) =>
      withContext(async (ctx) => {
        const r = await performanceReport(ctx, FULL_SCOPE, { month: o.month, by: o.by, withIds: Boolean(o.ids) });
        await output(`${JSON.stringify(performanceJson(r, Boolean(o.ids)), null, 2)}\n`, o.out);
      }),
    );
  report
    .command('drilldown')
    .description('every case counted for one agency in a month, with the figures and score they give')
    .requiredOption('--month <YYYY-MM>')
    .requiredOption('--agency <id>')
    .action(async (o: { month: string; agency: string }) =>
      withContext(async (ctx) => {
        const d = await tkdDrilldown(ctx, FULL_SCOPE, { month: o.month, agencyId: o.agency });
        printJson({ month: d.month, agency_id: d.agencyId, as_of: d.asOf, figures: figuresJson(d.figures, true), score: scoreJson(d.score), cases: d.cases });
      }),
    );
  report
    .command('finalize')
    .description('seal a month: store its TKD lines and scores with a content hash')
    .requiredOption('--month <YYYY-MM>')
    .option('--by <name>', 'who finalizes (recorded)', process.env.USER ?? 'console')
    .action(async (o: { month: string; by: string }) => withContext(async (ctx) => printJson(await finalizeMonth(ctx, { month: o.month, by: `console:${o.by}` }))));
  report
    .command('tkd-config')
    .description('show the TKD scoring configuration, or replace it from a JSON file (--set, - for stdin)')
    .option('--set <file>', 'validate and save this configuration { "rule": {...}, "eselonScope": [...] }; sealed months keep theirs')
    .action(async (o: { set?: string }) => {
      const text = o.set === undefined ? undefined : await readInput(o.set);
      await withContext(async (ctx) => printJson(tkdConfigJson(text === undefined ? await loadTkdConfig(ctx.database.db) : await saveTkdConfig(ctx, text, 'system:cli'))));
    });
  report
    .command('reach')
    .description('complaints per 10,000 residents by area and channel (lowest first)')
    .option('--month <YYYY-MM>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--level <level>', 'kelurahan | kecamatan | kota', 'kelurahan')
    .option('--format <format>', 'json | csv', 'json')
    .option('--out <file>')
    .action(async (o: { month?: string; from?: string; to?: string; level: string; format: string; out?: string }) =>
      withContext(async (ctx) => {
        const r = await reachReport(ctx, { month: o.month, from: o.from ? new Date(o.from) : undefined, to: o.to ? new Date(o.to) : undefined, level: o.level });
        if (o.format === 'csv') {
          const head = ['code', 'name', 'population', 'total', 'per_10k', ...r.channels.flatMap((c) => [`${c}`, `${c}_per_10k`])];
          const lines = r.rows.map((row) => [row.code, `"${row.name.replace(/"/g, '""')}"`, row.population ?? '', row.total, row.per10k ?? '', ...r.channels.flatMap((c) => [row.channels[c]?.count ?? 0, row.channels[c]?.per10k ?? ''])].join(','));
          await output(`${head.join(',')}\n${lines.join('\n')}\n`, o.out);
        } else await output(`${JSON.stringify(r, null, 2)}\n`, o.out);
      }),
    );
  report
    .command('population <file>')
    .description('import residents per area (CSV with columns code,population); all or nothing')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      await withContext(async (ctx) => {
        const result = await importPopulation(ctx, text);
        if (!result.ok) {
          for (const e of result.errors) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
          process.stderr.write(`nothing imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`imported the population of ${result.count} areas\n`);
      });
    });
}
