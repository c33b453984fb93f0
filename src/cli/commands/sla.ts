import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SlaScanner } from '../../jobs/sla-scanner.js';
import { recomputeCases } from '../../services/sla/recompute-open-cases.js';
import { importSlaConfig } from '../../services/sla/sla-config.js';
import { getSlaRuntime } from '../../services/sla/sla-runtime.js';
import { printJson, withContext } from '../context.js';

export function slaCommand(program: Command): void {
  const sla = program.command('sla').description('SLA clock: escalation scan, recomputation, policies');
  sla
    .command('scan')
    .description('run the SLA scanner once: escalations, red flags, auto-close (safe beside running servers)')
    .action(async () =>
      withContext(async (ctx) => {
        const result = await new SlaScanner({ ctx, log: ctx.log.child({ cat: 'sla' }) }).runOnce();
        printJson(result);
        if (result.errors > 0) process.exitCode = 1;
      }),
    );
  sla
    .command('recompute')
    .description('recompute stored due times and report rows (open cases, or --all)')
    .option('--all', 'every case, closed ones too (backfill)')
    .action(async (o: { all?: boolean }) =>
      withContext(async (ctx) => {
        const n = await recomputeCases(ctx, { all: Boolean(o.all), onProgress: (done) => process.stderr.write(`\r${done} cases`) });
        process.stderr.write('\n');
        process.stdout.write(`recomputed ${n} cases\n`);
      }),
    );
  sla
    .command('config <file>')
    .description('replace the policy sets and/or escalation ladder from JSON {policySets, ladder}; all or nothing')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      await withContext(async (ctx) => {
        printJson(await importSlaConfig(ctx, text));
        process.stdout.write(`recomputed ${await recomputeCases(ctx)} open cases\n`);
      });
    });
  sla
    .command('policies')
    .description('print the SLA policy sets and escalation ladder in force')
    .action(async () =>
      withContext(async (ctx) => {
        const rt = await getSlaRuntime(ctx);
        printJson({ policySets: rt.policySets, ladder: rt.ladder, utcOffsetMinutes: rt.utcOffsetMinutes, workingHours: rt.calendar.config.workingHours });
      }),
    );
}
