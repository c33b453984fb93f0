import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { type DueAmount, dueTime, importHolidays, listHolidays } from '../../services/calendar/holidays.js';
import { recomputeCases } from '../../services/sla/recompute-open-cases.js';
import { getSlaRuntime } from '../../services/sla/sla-runtime.js';
import { withContext } from '../context.js';

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** ISO 8601; a time without offset is read in the calendar's local time (WIB), a bare date at 00:00 local. */
export function parseStart(text: string, utcOffsetMinutes: number): Date {
  const local = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?/.test(local)) return new Date(Number.NaN);
  if (OFFSET.test(local)) return new Date(local);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return new Date(`${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`);
}

function amountOf(o: { workingDays?: string; workingHours?: string; hours?: string }): DueAmount {
  const given = [o.workingDays, o.workingHours, o.hours].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new DomainError('validation_failed', 'Berikan tepat satu dari --working-days, --working-hours, --hours', 'Give exactly one of --working-days, --working-hours, --hours');
  }
  const num = (v: string, flag: string, integer: boolean) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
      throw new DomainError('validation_failed', `${flag}: harus bilangan ${integer ? 'bulat ' : ''}≥ 0`, `${flag}: must be a ${integer ? 'whole ' : ''}number ≥ 0`);
    }
    return n;
  };
  if (o.workingDays !== undefined) return { workingDays: num(o.workingDays, '--working-days', true) };
  if (o.workingHours !== undefined) return { workingHours: num(o.workingHours, '--working-hours', false) };
  return { hours: num(o.hours!, '--hours', false) };
}

export function calendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('working-day calendar: holidays and due times');
  calendar
    .command('import <file>')
    .description('import holidays from CSV (date,type,name[,status]); all or nothing; each year in the file replaces that year')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      await withContext(async (ctx) => {
        const result = await importHolidays(ctx, text, `import:${file.split(/[\\/]/).pop()}`);
        if (!result.ok) {
          for (const e of result.errors) process.stderr.write(`${file}:${e.line}: ${e.code}: ${e.message}\n`);
          process.stderr.write(`nothing imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`imported ${result.count} holidays for ${result.years.join(', ')}\n`);
        const n = await recomputeCases(ctx);
        process.stdout.write(`recomputed the due times of ${n} open cases\n`);
      });
    });
  calendar
    .command('list')
    .description('holidays in force (shipped table and imports)')
    .option('--year <year>', 'only this year')
    .action(async (o: { year?: string }) =>
      withContext(async (ctx) => {
        for (const h of await listHolidays(ctx, o.year ? Number(o.year) : undefined)) {
          process.stdout.write(`${h.date}\t${h.type}\t${h.status}\t${h.source}\t${h.name}\n`);
        }
      }),
    );
  calendar
    .command('due')
    .description('print the due time (ISO 8601 with offset) of an allowance from a start')
    .requiredOption('--start <iso8601>', 'start instant; without an offset it is read in local time')
    .option('--working-days <n>', 'close of the N-th working day after the start date')
    .option('--working-hours <n>', 'N hours of office time')
    .option('--hours <n>', 'N elapsed hours')
    .action(async (o: { start: string; workingDays?: string; workingHours?: string; hours?: string }) => {
      const amount = amountOf(o);
      await withContext(async (ctx) => {
        const { utcOffsetMinutes } = await getSlaRuntime(ctx);
        const start = parseStart(o.start, utcOffsetMinutes);
        if (Number.isNaN(start.getTime())) throw new DomainError('validation_failed', `--start: bukan ISO 8601: ${o.start}`, `--start: not ISO 8601: ${o.start}`);
        process.stdout.write(`${(await dueTime(ctx, start, amount)).text}\n`);
      });
    });
}
