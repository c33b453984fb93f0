import type { HolidayEntry } from '../../domain/calendar/index.js';

/**
 * The holiday table the calendar uses: the shipped table, with every year the admin imported replaced by the
 * imported list (so importing a year's decree also removes dates the shipped table predicted wrongly).
 */
export function effectiveHolidays(shipped: readonly HolidayEntry[], imported: readonly HolidayEntry[]): HolidayEntry[] {
  const importedYears = new Set(imported.map((e) => e.date.slice(0, 4)));
  return [...shipped.filter((e) => !importedYears.has(e.date.slice(0, 4))), ...imported].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** UTC offset in minutes of a time-zone name at an instant (Indonesia's zones have no DST, so one reading holds). */
export function utcOffsetOf(timeZone: string, at = new Date(Date.UTC(2025, 0, 1))): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at.getTime()) / 60_000);
}
