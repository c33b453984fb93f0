/**
 * Working-day calendar: fixed-offset local time, office hours, weekends, national holidays and cuti bersama.
 * See working-calendar.ts for the exact meaning of "N working days" and of the window edges.
 */
export {
  type CalendarConfig,
  type WorkingCalendar,
  CalendarConfigError,
  createWorkingCalendar,
} from './working-calendar.js';
export { JAKARTA_CALENDAR_CONFIG, createJakartaCalendar } from './jakarta.js';
export {
  type HolidayEntry,
  type HolidayStatus,
  type HolidayType,
  HOLIDAY_STATUSES,
  HOLIDAY_TYPES,
} from './holiday.js';
export { INDONESIA_HOLIDAYS_2024_2027 } from './holidays-id.js';
export { type HolidayCsvError, type HolidayCsvResult, parseHolidayCsv } from './holiday-csv.js';
export {
  MS_PER_DAY,
  MS_PER_HOUR,
  type Weekday,
  formatIsoDate,
  formatLocalIso,
  localDayIndex,
  localDayStart,
  localMonthOf,
  localMonthRange,
  parseIsoDate,
} from './local-time.js';
