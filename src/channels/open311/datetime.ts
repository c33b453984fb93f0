/**
 * Open311 date-times: ISO 8601 with the jurisdiction's UTC offset on output (`2026-11-23T09:00:00+07:00`),
 * and the forms clients actually send on input (a date, a date-time with `Z`, an offset, or none).
 * The offset comes from the IANA zone at each instant, so a zone with daylight-saving time would work too.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
// Asking Intl costs ~15 µs, and a page of 1000 requests formats 3000+ times: offsets are remembered per
// quarter hour (zone transitions fall on quarter hours), in a map that is reset before it grows large.
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number>();

/** Minutes to add to UTC to get local time in `timeZone` at the instant `at` (Asia/Jakarta: 420). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  const known = offsetCache.get(key);
  if (known !== undefined) return known;
  if (offsetCache.size > 50_000) offsetCache.clear();
  const offset = askIntl(at, timeZone);
  offsetCache.set(key, offset);
  return offset;
}

function askIntl(at: Date, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, fmt);
  }
  const name = fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
  if (!m) return 0; // plain "GMT"
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A stored UTC instant as local ISO 8601 with offset, to the second; null stays null. */
export function formatDateTime(value: string | Date | null | undefined, timeZone: string): string | null {
  if (value === null || value === undefined) return null;
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return null;
  const offset = zoneOffsetMinutes(at, timeZone);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

export interface ParsedDateTime {
  at: Date;
  /** True for a bare `YYYY-MM-DD`: an end date then means the end of that day. */
  dateOnly: boolean;
}

// The offset sign may arrive as a space: an unencoded `+` in a query string decodes to one.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+\- ]\d{2}(?::?\d{2})?)?)?$/;

/** Parses a date or date-time parameter; without an offset the time is local to `timeZone`. Null if invalid. */
export function parseDateTime(text: string, timeZone: string): ParsedDateTime | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dateOnly = m[4] === undefined;
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  let offset: number;
  const zone = m[8];
  if (zone === undefined) {
    // Local wall time: the offset in force then (taken at the wall time read as UTC, then corrected once).
    const guess = zoneOffsetMinutes(new Date(wall), timeZone);
    offset = zoneOffsetMinutes(new Date(wall - guess * 60_000), timeZone);
  } else if (zone === 'Z' || zone === 'z') {
    offset = 0;
  } else {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || 0);
    if (oh > 14 || om > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return { at: new Date(wall - offset * 60_000), dateOnly };
}
