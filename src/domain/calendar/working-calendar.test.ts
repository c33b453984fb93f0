import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from './jakarta.js';
import { createWorkingCalendar } from './working-calendar.js';

const cal = createJakartaCalendar();
const wib = (local: string) => new Date(`${local}+07:00`);
const fmt = (d: Date) => cal.formatLocal(d);

// Written from the SKB 3 Menteri lists independently of holidays-id.ts, so a wrong row there fails here.
const NON_WORKING_2025 = [
  '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-03-28', '2025-03-29', '2025-03-31',
  '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-04-18', '2025-04-20',
  '2025-05-01', '2025-05-12', '2025-05-13', '2025-05-29', '2025-05-30', '2025-06-01', '2025-06-06',
  '2025-06-09', '2025-06-27', '2025-08-17', '2025-08-18', '2025-09-05', '2025-12-25', '2025-12-26',
];
const NON_WORKING_2026 = [
  '2026-01-01', '2026-01-16', '2026-02-16', '2026-02-17', '2026-03-18', '2026-03-19', '2026-03-20',
  '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-03', '2026-04-05', '2026-05-01',
  '2026-05-14', '2026-05-15', '2026-05-27', '2026-05-28', '2026-05-31', '2026-06-01', '2026-06-16',
  '2026-08-17', '2026-08-25', '2026-12-24', '2026-12-25',
];

function weekdayHolidaysByScan(year: number): string[] {
  const found: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (!weekend && !cal.isWorkingDay(iso)) found.push(iso);
  }
  return found;
}

const isWeekday = (iso: string) => ![0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

describe('working days', () => {
  it('treats Saturday and Sunday as non-working and Monday–Friday as working', () => {
    expect(['2025-07-05', '2025-07-06'].map((d) => cal.isWorkingDay(d))).toEqual([false, false]);
    expect(['2025-07-07', '2025-07-08', '2025-07-09', '2025-07-10', '2025-07-11'].every((d) => cal.isWorkingDay(d))).toBe(true);
  });

  it.each(NON_WORKING_2025)('2025: %s is not a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it.each(NON_WORKING_2026)('2026: %s is not a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it.each([2025, 2026])('%i: the non-working weekdays are exactly the listed holidays and cuti bersama', (year) => {
    const listed = (year === 2025 ? NON_WORKING_2025 : NON_WORKING_2026).filter(isWeekday);
    expect(weekdayHolidaysByScan(year)).toEqual(listed);
  });

  it('names the holiday on a date and tells cuti bersama apart', () => {
    expect(cal.holidayOn('2025-08-18')?.type).toBe('cuti_bersama');
    expect(cal.holidayOn('2025-08-17')?.type).toBe('libur_nasional');
    expect(cal.holidayOn('2025-08-19')).toBeUndefined();
  });

  it('reads the local (WIB) date of an instant, not the UTC date', () => {
    // 2025-01-29 is Imlek; 17:30 UTC that day is already Thursday 30 January 00:30 in Jakarta.
    expect(cal.isWorkingDay(new Date('2025-01-29T17:30:00Z'))).toBe(true);
    expect(cal.isWorkingDay(new Date('2025-01-29T16:30:00Z'))).toBe(false);
  });

  it('rejects text that is not a real date', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('working-hour edges', () => {
  it('includes the opening and the close of the window, nothing outside', () => {
    expect(cal.isWorkingMoment(wib('2025-07-07T08:00:00'))).toBe(true);
    expect(cal.isWorkingMoment(wib('2025-07-07T16:00:00'))).toBe(true);
    expect(cal.isWorkingMoment(wib('2025-07-07T07:59:59.999'))).toBe(false);
    expect(cal.isWorkingMoment(wib('2025-07-07T16:00:00.001'))).toBe(false);
    expect(cal.isWorkingMoment(wib('2025-07-05T10:00:00'))).toBe(false); // Saturday
  });

  it('adds working hours up to the close of the same day, then carries to the next opening', () => {
    expect(fmt(cal.addWorkingHours(wib('2025-07-07T15:00:00'), 1))).toBe('2025-07-07T16:00:00+07:00');
    expect(fmt(cal.addWorkingHours(wib('2025-07-07T15:00:00'), 2))).toBe('2025-07-08T09:00:00+07:00');
    expect(fmt(cal.addWorkingHours(wib('2025-07-07T08:00:00'), 8))).toBe('2025-07-07T16:00:00+07:00');
    expect(fmt(cal.addWorkingHours(wib('2025-07-04T15:00:00'), 2))).toBe('2025-07-07T09:00:00+07:00');
  });

  it('starts counting at the next opening when started outside working hours', () => {
    expect(fmt(cal.addWorkingHours(wib('2025-07-05T11:00:00'), 1))).toBe('2025-07-07T09:00:00+07:00');
    expect(fmt(cal.addWorkingHours(wib('2025-07-07T06:00:00'), 0.5))).toBe('2025-07-07T08:30:00+07:00');
    expect(fmt(cal.addWorkingHours(wib('2025-07-07T20:00:00'), 1))).toBe('2025-07-08T09:00:00+07:00');
  });

  it('skips a whole Lebaran break', () => {
    // Thu 27 Mar 2025 15:00 + 2 h: Fri 28 cuti, Mon 31–Tue 1 Idul Fitri, Wed 2–Fri 4 and Mon 7 cuti.
    expect(fmt(cal.addWorkingHours(wib('2025-03-27T15:00:00'), 2))).toBe('2025-04-08T09:00:00+07:00');
  });

  it('adds calendar hours without looking at the calendar', () => {
    expect(fmt(cal.addCalendarHours(wib('2025-08-16T17:00:00'), 24))).toBe('2025-08-17T17:00:00+07:00');
  });

  it('measures working time between two instants, signed', () => {
    const h = 3_600_000;
    expect(cal.workingMillisBetween(wib('2025-07-04T15:00:00'), wib('2025-07-07T09:00:00'))).toBe(2 * h);
    expect(cal.workingMillisBetween(wib('2025-07-07T09:00:00'), wib('2025-07-04T15:00:00'))).toBe(-2 * h);
    expect(cal.workingMillisBetween(wib('2025-08-15T00:00:00'), wib('2025-08-20T00:00:00'))).toBe(16 * h);
  });

  it('finds the next working moment', () => {
    expect(fmt(cal.nextWorkingMoment(wib('2025-08-15T16:30:00')))).toBe('2025-08-19T08:00:00+07:00');
    expect(fmt(cal.nextWorkingMoment(wib('2025-08-19T10:00:00')))).toBe('2025-08-19T10:00:00+07:00');
  });
});

describe('N working days from a start', () => {
  it('is the close of the N-th working day after the receipt date (Friday evening before a holiday Monday)', () => {
    // Fri 24 Jan 2025 17:00; Mon 27 Isra Mikraj, Tue 28 cuti Imlek, Wed 29 Imlek → Thu (1), Fri (2), Mon (3).
    expect(fmt(cal.addWorkingDays(wib('2025-01-24T17:00:00'), 3))).toBe('2025-02-03T16:00:00+07:00');
    // Fri 15 Aug 2025 17:00; Mon 18 Aug cuti bersama HUT RI ke-80 → Tue (1), Wed (2), Thu (3).
    expect(fmt(cal.addWorkingDays(wib('2025-08-15T17:00:00'), 3))).toBe('2025-08-21T16:00:00+07:00');
  });

  it('never counts the day of receipt, even before opening', () => {
    expect(fmt(cal.addWorkingDays(wib('2025-07-07T07:00:00'), 3))).toBe('2025-07-10T16:00:00+07:00');
    expect(fmt(cal.addWorkingDays(wib('2025-07-07T15:59:00'), 3))).toBe('2025-07-10T16:00:00+07:00');
  });

  it('counts from a weekend or holiday receipt to the next working days', () => {
    expect(fmt(cal.addWorkingDays(wib('2025-07-05T10:00:00'), 1))).toBe('2025-07-07T16:00:00+07:00');
    expect(fmt(cal.addWorkingDays(wib('2025-03-27T10:00:00'), 1))).toBe('2025-04-08T16:00:00+07:00');
  });

  it('treats 0 days as the close of the receipt day, or of the next working day after hours', () => {
    expect(fmt(cal.addWorkingDays(wib('2025-07-07T10:00:00'), 0))).toBe('2025-07-07T16:00:00+07:00');
    expect(fmt(cal.addWorkingDays(wib('2025-07-07T17:00:00'), 0))).toBe('2025-07-08T16:00:00+07:00');
  });

  it('rejects fractional or negative day counts', () => {
    expect(() => cal.addWorkingDays(wib('2025-07-07T10:00:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(wib('2025-07-07T10:00:00'), -1)).toThrow(RangeError);
  });
});

describe('configuration', () => {
  it('takes another offset, other hours and other weekend days', () => {
    const makassar = createWorkingCalendar({
      utcOffsetMinutes: 8 * 60,
      workingHours: { start: '07:30', end: '16:30' },
      weekendDays: [0],
      holidays: [],
    });
    expect(makassar.isWorkingDay('2025-07-05')).toBe(true); // Saturday works here
    expect(makassar.formatLocal(makassar.addWorkingDays(new Date('2025-07-04T01:00:00Z'), 1))).toBe(
      '2025-07-05T16:30:00+08:00',
    );
  });

  it('refuses a calendar that can never work', () => {
    const base = { utcOffsetMinutes: 420, holidays: [] };
    expect(() => createWorkingCalendar({ ...base, workingHours: { start: '16:00', end: '08:00' }, weekendDays: [] })).toThrow(
      /working hours/,
    );
    expect(() =>
      createWorkingCalendar({ ...base, workingHours: { start: '08:00', end: '16:00' }, weekendDays: [0, 1, 2, 3, 4, 5, 6] }),
    ).toThrow(/at least one weekday/);
  });
});

describe('hoursPerDay', () => {
  it('is the length of the office day, for showing working hours as days', () => {
    const base = createJakartaCalendar().config;
    expect(createJakartaCalendar().hoursPerDay).toBe(8);
    expect(createWorkingCalendar({ ...base, workingHours: { start: '07:30', end: '16:00' } }).hoursPerDay).toBe(8.5);
  });
});
