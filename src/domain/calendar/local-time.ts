/**
 * Civil-time arithmetic for a fixed UTC offset. The working calendar only needs a fixed offset: Indonesia's
 * zones (WIB +7, WITA +8, WIT +9) have had no daylight-saving time since 1964, so an IANA zone database buys
 * nothing and would make the pure rules depend on the host's ICU data. A deployment in a zone with DST would
 * need a different implementation of these few functions.
 *
 * A "day index" is the number of days between 1970-01-01 and a local civil date; it lets the calendar key its
 * holiday table by integers and step day by day without building Date objects.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay` numbers them. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Local civil date (day index) that contains the instant `ms`. */
export function localDayIndex(ms: number, utcOffsetMinutes: number): number {
  return Math.floor((ms + utcOffsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The instant of local midnight that starts the day `dayIndex`. */
export function localDayStart(dayIndex: number, utcOffsetMinutes: number): number {
  return dayIndex * MS_PER_DAY - utcOffsetMinutes * MS_PER_MINUTE;
}

/** Weekday of a day index (1970-01-01 was a Thursday). */
export function weekdayOf(dayIndex: number): Weekday {
  return (((dayIndex + 4) % 7) + 7) % 7 as Weekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day index of a `YYYY-MM-DD` civil date, or null when the text is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a round trip exposes dates that do not exist.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day index. */
export function formatIsoDate(dayIndex: number): string {
  return new Date(dayIndex * MS_PER_DAY).toISOString().slice(0, 10);
}

const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` time (24:00 allowed as the end of a day), or null. */
export function parseClockTime(text: string): number | null {
  const m = CLOCK_TIME.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** `YYYY-MM` of the local month holding the instant. */
export function localMonthOf(ms: number, utcOffsetMinutes: number): string {
  return formatIsoDate(localDayIndex(ms, utcOffsetMinutes)).slice(0, 7);
}

/** Start (inclusive) and end (exclusive) instants of a local month given as `YYYY-MM`; null if malformed. */
export function localMonthRange(month: string, utcOffsetMinutes: number): { from: number; to: number } | null {
  const first = parseIsoDate(`${month}-01`);
  if (first === null) return null;
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7)); // next month, zero-based
  const next = Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
  return { from: localDayStart(first, utcOffsetMinutes), to: localDayStart(next, utcOffsetMinutes) };
}

/**
 * ISO 8601 text of an instant in local time with its offset, e.g. `2025-03-27T16:00:00+07:00`; milliseconds
 * are shown only when non-zero so that due times (always whole minutes in practice) print cleanly.
 */
export function formatLocalIso(ms: number, utcOffsetMinutes: number): string {
  const local = new Date(ms + utcOffsetMinutes * MS_PER_MINUTE).toISOString(); // 2025-03-27T09:00:00.000Z
  const millis = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, 19)}${millis}${offset}`;
}
