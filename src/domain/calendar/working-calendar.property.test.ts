import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from './jakarta.js';

const cal = createJakartaCalendar();
const HOUR = 3_600_000;
// Instants across the table's years, at minute resolution so edges (08:00, 16:00) are hit often.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2027, 5, 30) / 60_000 })
  .map((minutes) => new Date(minutes * 60_000));
const workingHours = fc.integer({ min: 1, max: 8 * 60 * 40 }).map((minutes) => minutes / 60);
const RUNS = { numRuns: 400 };

describe('calendar properties', () => {
  it('a due time from working hours or working days is always a working moment', () => {
    fc.assert(
      fc.property(instant, workingHours, fc.integer({ min: 0, max: 60 }), (start, hours, days) => {
        expect(cal.isWorkingMoment(cal.addWorkingHours(start, hours))).toBe(true);
        expect(cal.isWorkingMoment(cal.addWorkingDays(start, days))).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding working time is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(instant, instant, workingHours, workingHours, (s1, s2, h1, h2) => {
        const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [x, y] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(cal.addWorkingHours(a, x).getTime()).toBeLessThanOrEqual(cal.addWorkingHours(a, y).getTime());
        expect(cal.addWorkingHours(a, x).getTime()).toBeLessThanOrEqual(cal.addWorkingHours(b, x).getTime());
        expect(cal.addWorkingDays(a, 3).getTime()).toBeLessThanOrEqual(cal.addWorkingDays(b, 3).getTime());
      }),
      RUNS,
    );
  });

  it('measuring the working time up to a due time gives back the amount added', () => {
    fc.assert(
      fc.property(instant, workingHours, (start, hours) => {
        const ms = Math.round(hours * HOUR);
        expect(cal.workingMillisBetween(start, cal.addWorkingMillis(start, ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('adding in two steps equals adding at once', () => {
    fc.assert(
      fc.property(instant, workingHours, workingHours, (start, h1, h2) => {
        const once = cal.addWorkingMillis(start, Math.round(h1 * HOUR) + Math.round(h2 * HOUR));
        const twice = cal.addWorkingMillis(cal.addWorkingMillis(start, Math.round(h1 * HOUR)), Math.round(h2 * HOUR));
        expect(twice.getTime()).toBe(once.getTime());
      }),
      RUNS,
    );
  });

  it('N working days span exactly N full working days when received outside working hours', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (start, n) => {
        fc.pre(!cal.isWorkingMoment(start));
        const due = cal.addWorkingDays(start, n);
        const spanned = cal.workingMillisBetween(start, due);
        // Received before opening on a working day: that day's hours lie inside the span too (but never count).
        const localDate = (d: Date) => cal.formatLocal(d).slice(0, 10);
        const beforeOpening = cal.isWorkingDay(start) && localDate(cal.nextWorkingMoment(start)) === localDate(start);
        const sameDayHours = beforeOpening ? 8 * HOUR : 0;
        expect(spanned).toBe(n * 8 * HOUR + sameDayHours);
      }),
      RUNS,
    );
  });
});
