import type { HolidayEntry } from './holiday.js';
import { INDONESIA_HOLIDAYS_2024_2027 } from './holidays-id.js';
import { type CalendarConfig, type WorkingCalendar, createWorkingCalendar } from './working-calendar.js';

/**
 * Jakarta defaults. Asia/Jakarta (WIB) is a fixed UTC+7 with no daylight-saving time, so the zone is just an
 * offset; another city configures its own (Makassar/WITA +480, Jayapura/WIT +540). Office hours 08:00–16:00,
 * Monday–Friday, are the product default for Pemprov DKI offices; a deployment sets its own.
 */
export const JAKARTA_CALENDAR_CONFIG: CalendarConfig = Object.freeze({
  utcOffsetMinutes: 7 * 60,
  workingHours: Object.freeze({ start: '08:00', end: '16:00' }),
  weekendDays: Object.freeze([0, 6] as const),
  holidays: INDONESIA_HOLIDAYS_2024_2027,
});

/** The Jakarta calendar, optionally with another holiday table (e.g. one an admin imported) or other hours. */
export function createJakartaCalendar(
  overrides: Partial<CalendarConfig> & { holidays?: readonly HolidayEntry[] } = {},
): WorkingCalendar {
  return createWorkingCalendar({ ...JAKARTA_CALENDAR_CONFIG, ...overrides });
}
