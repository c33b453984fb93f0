/**
 * A non-working date of the national calendar. Every type closes government offices for the whole day:
 * cuti bersama (collective leave) is leave that civil servants (ASN) must take on the decreed dates, so a
 * Pemprov office is as closed as on a libur nasional.
 */
export const HOLIDAY_TYPES = ['libur_nasional', 'cuti_bersama', 'libur_pemilu'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/**
 * How far a date can be trusted: `official` = from the decree (SKB 3 Menteri / Keppres) as published;
 * `unverified` = reproduced consistently by public sources but not yet checked against the decree PDF;
 * `provisional` = predicted (lunar-calendar holidays) before the decree exists — replace when it is published.
 */
export const HOLIDAY_STATUSES = ['official', 'unverified', 'provisional'] as const;
export type HolidayStatus = (typeof HOLIDAY_STATUSES)[number];

export interface HolidayEntry {
  /** Local civil date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly type: HolidayType;
  /** Indonesian name as the decree words it. */
  readonly name: string;
  readonly status: HolidayStatus;
}

export function isHolidayType(value: string): value is HolidayType {
  return (HOLIDAY_TYPES as readonly string[]).includes(value);
}

export function isHolidayStatus(value: string): value is HolidayStatus {
  return (HOLIDAY_STATUSES as readonly string[]).includes(value);
}
