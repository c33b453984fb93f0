import {
  type HolidayCsvError,
  type HolidayEntry,
  INDONESIA_HOLIDAYS_2024_2027,
  parseHolidayCsv,
} from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { listImportedHolidays, replaceHolidayYears } from '../../store/sla.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { bumpSlaConfigVersion, getSlaRuntime, invalidateSlaRuntime } from '../sla/sla-runtime.js';
import { effectiveHolidays } from './effective-holidays.js';

export type HolidayImportResult =
  | { readonly ok: true; readonly years: number[]; readonly count: number }
  | { readonly ok: false; readonly errors: readonly HolidayCsvError[] };

/**
 * Imports the admin's holiday file (format: src/domain/calendar/holiday-csv.ts). All or nothing: any bad line
 * rejects the whole file, every error named by its line. Each year in the file replaces that year's list (the
 * shipped one or an earlier import), so importing the year's decree also removes dates predicted wrongly.
 * Every process picks the new calendar up (configuration version); due times of open cases are recomputed by
 * the caller (`recomputeOpenCases`).
 */
export async function importHolidays(ctx: AppContext, csv: string, source: string): Promise<HolidayImportResult> {
  const parsed = parseHolidayCsv(csv);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.entries.length === 0) {
    return { ok: false, errors: [{ line: 1, code: 'bad_columns', message: 'the file lists no holiday' }] };
  }
  const years = [...new Set(parsed.entries.map((e) => Number(e.date.slice(0, 4))))].sort();
  await inTransaction(ctx.database, async (trx) => {
    await replaceHolidayYears(trx, years, parsed.entries, source.slice(0, 120), ctx.clock());
    await bumpSlaConfigVersion(ctx, trx);
  });
  invalidateSlaRuntime(ctx);
  return { ok: true, years, count: parsed.entries.length };
}

export interface ListedHoliday extends HolidayEntry {
  readonly source: 'shipped' | 'imported';
}

/** The holidays in force, optionally of one year, each marked as shipped or imported. */
export async function listHolidays(ctx: AppContext, year?: number): Promise<ListedHoliday[]> {
  const imported = (await listImportedHolidays(ctx.database.db)).map((h) => ({ date: h.date, type: h.type, name: h.name, status: h.status }) as HolidayEntry);
  const importedDates = new Set(imported.map((h) => h.date));
  return effectiveHolidays(INDONESIA_HOLIDAYS_2024_2027, imported)
    .filter((h) => year === undefined || h.date.startsWith(`${year}-`))
    .map((h) => ({ ...h, source: importedDates.has(h.date) ? 'imported' : 'shipped' }));
}

export type DueAmount = { readonly workingDays: number } | { readonly workingHours: number } | { readonly hours: number };

/** The due time from a start under the calendar in force, as an instant and as local ISO 8601 with offset. */
export async function dueTime(ctx: AppContext, start: Date, amount: DueAmount): Promise<{ due: Date; text: string }> {
  if (Number.isNaN(start.getTime())) throw new DomainError('validation_failed', 'Waktu mulai tidak valid', 'Invalid start time');
  const { calendar } = await getSlaRuntime(ctx);
  let due: Date;
  try {
    if ('workingDays' in amount) due = calendar.addWorkingDays(start, amount.workingDays);
    else if ('workingHours' in amount) due = calendar.addWorkingHours(start, amount.workingHours);
    else {
      if (!(amount.hours >= 0)) throw new RangeError(`hours must be ≥ 0, got ${amount.hours}`);
      due = calendar.addCalendarHours(start, amount.hours);
    }
  } catch (err) {
    if (err instanceof RangeError) throw new DomainError('validation_failed', err.message, err.message);
    throw err;
  }
  return { due, text: calendar.formatLocal(due) };
}
