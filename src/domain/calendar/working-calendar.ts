import type { HolidayEntry } from './holiday.js';
import {
  MS_PER_HOUR,
  MS_PER_MINUTE,
  type Weekday,
  formatLocalIso,
  localDayIndex,
  localDayStart,
  parseClockTime,
  parseIsoDate,
  weekdayOf,
} from './local-time.js';

/**
 * Working-time rules (all instants are absolute; local dates and hours are read at a fixed UTC offset).
 *
 * - A **working day** is a local date that is not a weekend day and not in the holiday table (libur nasional,
 *   cuti bersama and election days all close the office for the whole day).
 * - The **working window** of a working day is [open, close] in local time, both ends included: a deadline
 *   that ends at the close (16:00) is itself a working moment, so "due 16:00" never reads as "due after hours".
 * - **Adding working time** returns the *earliest* instant at which that much working time has elapsed: work
 *   that fills a day to its close is due at the close of that day, not at the opening of the next one.
 * - **N working days from a start** is the close of the N-th working day *after* the local date of the
 *   start; the day of receipt never counts, whatever the hour (the "H+N" reading of administrative
 *   deadlines). Example: received Friday 17:00 before a holiday Monday, 3 working days → Tue (1), Wed (2),
 *   Thu (3) → due Thursday 16:00. A report received Monday 07:00 is also due Thursday 16:00. N = 0 means the
 *   close of the receipt day if it is a working day and the start is not after its close, otherwise the close
 *   of the next working day.
 */
export interface CalendarConfig {
  /** Local time = UTC + this many minutes (Asia/Jakarta, WIB: +420, no DST). */
  readonly utcOffsetMinutes: number;
  /** Office hours in local time, `HH:MM` (Jakarta Pemprov default 08:00–16:00). */
  readonly workingHours: { readonly start: string; readonly end: string };
  /** Days that are never working days (0 = Sunday … 6 = Saturday). */
  readonly weekendDays: readonly Weekday[];
  /** Non-working dates; every entry closes the whole day whatever its type or status. */
  readonly holidays: readonly HolidayEntry[];
}

export interface WorkingCalendar {
  readonly config: CalendarConfig;
  /** Hours in one office day (8 for 08:00–16:00): turns working hours into working days for people. */
  readonly hoursPerDay: number;
  /** Whether a local date (`YYYY-MM-DD`, or the local date holding an instant) is a working day. */
  isWorkingDay(date: string | Date): boolean;
  /** Whether the instant falls inside a working window (ends included). */
  isWorkingMoment(instant: Date): boolean;
  /** The holiday entry on that local date, if any (tells a user why a day does not count). */
  holidayOn(date: string | Date): HolidayEntry | undefined;
  /** The earliest working moment at or after the instant. */
  nextWorkingMoment(instant: Date): Date;
  /** Close of the N-th working day after the start's local date (N a non-negative integer). */
  addWorkingDays(start: Date, n: number): Date;
  /** Earliest instant by which `hours` (≥ 0) working hours have elapsed since start. */
  addWorkingHours(start: Date, hours: number): Date;
  /** Same as addWorkingHours, in milliseconds (the SLA clock works in ms). */
  addWorkingMillis(start: Date, ms: number): Date;
  /** Plain elapsed time: start + hours, whatever the calendar says. */
  addCalendarHours(start: Date, hours: number): Date;
  /** Working time inside [a, b] in ms; negative when b is before a. */
  workingMillisBetween(a: Date, b: Date): number;
  /** ISO 8601 text of the instant in the calendar's local time, e.g. `2025-04-10T16:00:00+07:00`. */
  formatLocal(instant: Date): string;
}

/** A search that finds no working day within this many days means the configuration is broken. */
const MAX_DAYS_SCANNED = 366 * 30;

export class CalendarConfigError extends Error {
  readonly code = 'invalid_calendar_config';
}

export function createWorkingCalendar(config: CalendarConfig): WorkingCalendar {
  const offset = config.utcOffsetMinutes;
  const openMin = parseClockTime(config.workingHours.start);
  const closeMin = parseClockTime(config.workingHours.end);
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    throw new CalendarConfigError(`utcOffsetMinutes must be an integer within ±840, got ${offset}`);
  }
  if (openMin === null || closeMin === null || openMin >= closeMin) {
    throw new CalendarConfigError(
      `working hours must be HH:MM with start before end, got ${config.workingHours.start}–${config.workingHours.end}`,
    );
  }
  const weekend = new Set<number>(config.weekendDays);
  if (weekend.size >= 7) throw new CalendarConfigError('at least one weekday must be a working day');

  const holidays = new Map<number, HolidayEntry>();
  for (const entry of config.holidays) {
    const day = parseIsoDate(entry.date);
    if (day === null) throw new CalendarConfigError(`holiday date is not a real date: ${entry.date}`);
    if (!holidays.has(day)) holidays.set(day, entry);
  }

  const openMs = openMin * MS_PER_MINUTE;
  const closeMs = closeMin * MS_PER_MINUTE;
  const dayOf = (ms: number) => localDayIndex(ms, offset);
  const open = (day: number) => localDayStart(day, offset) + openMs;
  const close = (day: number) => localDayStart(day, offset) + closeMs;
  const working = (day: number) => !weekend.has(weekdayOf(day)) && !holidays.has(day);
  const toDay = (date: string | Date): number => {
    if (date instanceof Date) return dayOf(date.getTime());
    const day = parseIsoDate(date);
    if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    return day;
  };

  function nextWorkingDay(day: number): number {
    for (let d = day + 1, i = 0; i < MAX_DAYS_SCANNED; d++, i++) if (working(d)) return d;
    throw new CalendarConfigError('no working day found; check weekend days and holidays');
  }

  function addWorkingMillisMs(startMs: number, amount: number): number {
    if (!(amount >= 0) || !Number.isFinite(amount)) throw new RangeError(`working time must be ≥ 0, got ${amount}`);
    if (amount === 0) return startMs;
    let remaining = amount;
    let day = dayOf(startMs);
    if (!working(day)) day = nextWorkingDay(day);
    for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
      const from = Math.max(open(day), startMs);
      const available = close(day) - from;
      if (available > 0) {
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
      day = nextWorkingDay(day);
    }
    throw new RangeError('working time too large to add');
  }

  function workingMillisBetweenMs(a: number, b: number): number {
    if (b < a) return -workingMillisBetweenMs(b, a);
    let total = 0;
    for (let day = dayOf(a), last = dayOf(b); day <= last; day++) {
      if (!working(day)) continue;
      const from = Math.max(open(day), a);
      const to = Math.min(close(day), b);
      if (to > from) total += to - from;
    }
    return total;
  }

  return {
    config,
    hoursPerDay: (closeMin - openMin) / 60,
    isWorkingDay: (date) => working(toDay(date)),
    isWorkingMoment(instant) {
      const ms = instant.getTime();
      const day = dayOf(ms);
      return working(day) && ms >= open(day) && ms <= close(day);
    },
    holidayOn: (date) => holidays.get(toDay(date)),
    nextWorkingMoment(instant) {
      const ms = instant.getTime();
      const day = dayOf(ms);
      if (working(day) && ms <= close(day)) return new Date(Math.max(ms, open(day)));
      return new Date(open(nextWorkingDay(day)));
    },
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be an integer ≥ 0, got ${n}`);
      let day = dayOf(start.getTime());
      if (n === 0 && working(day) && start.getTime() <= close(day)) return new Date(close(day));
      for (let count = 0; count < Math.max(n, 1); count++) day = nextWorkingDay(day);
      return new Date(close(day));
    },
    addWorkingHours: (start, hours) => new Date(addWorkingMillisMs(start.getTime(), Math.round(hours * MS_PER_HOUR))),
    addWorkingMillis: (start, ms) => new Date(addWorkingMillisMs(start.getTime(), ms)),
    addCalendarHours: (start, hours) => new Date(start.getTime() + Math.round(hours * MS_PER_HOUR)),
    workingMillisBetween: (a, b) => workingMillisBetweenMs(a.getTime(), b.getTime()),
    formatLocal: (instant) => formatLocalIso(instant.getTime(), offset),
  };
}
