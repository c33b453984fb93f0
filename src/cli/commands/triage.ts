import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { deserializeModel, evaluate, serializeModel } from '../../domain/triage/classifier/index.js';
import { DomainError } from '../../domain/errors.js';
import { examplesFromCsv, examplesFromDatabase, figuresOf, installModel, retrainAndPromote, storeModelVersion, trainModel } from '../../services/triage/model-versions.js';
import { retrainSchedule, setRetrainInterval } from '../../services/triage/retrain-schedule.js';
import { listModelVersions } from '../../store/triage.repository.js';
import { printJson, withContext } from '../context.js';

interface DataOptions {
  data?: string;
  textColumn?: string;
  labelColumn?: string;
}

async function csvExamples(o: DataOptions) {
  if (!o.data || !o.textColumn || !o.labelColumn) {
    throw new DomainError('validation_failed', 'Perlu --data, --text-column dan --label-column', 'give --data, --text-column and --label-column');
  }
  return examplesFromCsv(await fs.readFile(o.data, 'utf8'), o.textColumn, o.labelColumn);
}

export function triageCommand(program: Command): void {
  const triage = program.command('triage').description('category classifier: train, evaluate, install, retrain');
  triage
    .command('train')
    .description('train a model from a CSV (or from resolved/corrected cases with --from-db) and write it to --out')
    .option('--data <file>', 'CSV with a header row')
    .option('--text-column <name>')
    .option('--label-column <name>')
    .option('--from-db', 'train on the database: resolved cases and officer corrections')
    .option('--install', 'also store the model in the database as the active version')
    .option('--version <label>', 'version label stored in the model')
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .action(async (o: DataOptions & { fromDb?: boolean; install?: boolean; version?: string; out: string }) => {
      const run = async (examples: Awaited<ReturnType<typeof csvExamples>>) => {
        const started = performance.now();
        const model = trainModel(examples, new Date(), { version: o.version });
        const seconds = (performance.now() - started) / 1000;
        await fs.writeFile(o.out, serializeModel(model));
        process.stderr.write(`trained on ${examples.length} examples, ${model.labels.length} labels in ${seconds.toFixed(1)} s; auto-route threshold ${Number.isFinite(model.threshold) ? model.threshold.toFixed(3) : 'never'}; wrote ${o.out}\n`);
        return model;
      };
      if (o.fromDb || o.install) {
        await withContext(async (ctx) => {
          const model = await run(o.fromDb ? await examplesFromDatabase(ctx.database.db) : await csvExamples(o));
          if (o.install) {
            const stored = await storeModelVersion(ctx, model, { source: o.fromDb ? 'train:db' : `train:${o.data}`, figures: null, activate: true, version: o.version });
            process.stderr.write(`installed as version ${stored.version} (active)\n`);
          }
        });
        return;
      }
      await run(await csvExamples(o));
    });
  triage
    .command('eval')
    .description('score a model on labelled data')
    .requiredOption('--model <file>')
    .option('--data <file>')
    .option('--text-column <name>')
    .option('--label-column <name>')
    .option('--json', 'print JSON')
    .action(async (o: DataOptions & { model: string; json?: boolean }) => {
      const model = deserializeModel(await fs.readFile(o.model, 'utf8'));
      const figures = figuresOf(evaluate(model, await csvExamples(o)));
      if (o.json) return printJson(figures);
      const ar = figures.auto_route;
      process.stdout.write(
        `examples ${figures.examples}  accuracy ${figures.accuracy.toFixed(3)}  macro_f1 ${figures.macro_f1.toFixed(3)}\n` +
          `auto-route: threshold ${ar.threshold ?? 'never'}, coverage ${(ar.coverage * 100).toFixed(1)}%, precision ${ar.precision === null ? '-' : ar.precision.toFixed(3)}\n` +
          Object.entries(figures.per_class)
            .map(([label, s]) => `  ${label.padEnd(30)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  n ${s.support}`)
            .join('\n') +
          '\n',
      );
    });
  triage
    .command('install <model>')
    .description('store a model file as a new version and make it the active one')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      await withContext(async (ctx) => {
        const stored = await installModel(ctx, text, `install:${file.split(/[\\/]/).pop()}`);
        process.stdout.write(`installed model version ${stored.version} (${stored.examples} training examples), now active\n`);
      });
    });
  triage
    .command('models')
    .description('list stored model versions')
    .action(async () => {
      await withContext(async (ctx) => {
        const rows = await listModelVersions(ctx.database.db);
        printJson(rows.map((r) => ({ ...r, active: r.active === 1, metrics: JSON.parse(r.metrics) as unknown })));
      });
    });
  triage
    .command('schedule')
    .description('show when the classifier retrains from corrected history; --every HOURS changes it (0 turns it off)')
    .option('--every <hours>', 'hours between automatic retrains')
    .action(async (o: { every?: string }) => {
      await withContext(async (ctx) => {
        const schedule = o.every === undefined ? await retrainSchedule(ctx.database.db, ctx.clock()) : await setRetrainInterval(ctx, o.every.trim() === '' ? Number.NaN : Number(o.every), 'system:cli');
        printJson({ every_hours: schedule.everyHours, last_run_at: schedule.lastRunAt, next_due_at: schedule.nextDueAt });
      });
    });
  triage
    .command('retrain')
    .description('train from corrected history now; promote only if it scores at least as well on a held-out slice')
    .action(async () => {
      await withContext(async (ctx) => printJson(await retrainAndPromote(ctx)));
    });
}
