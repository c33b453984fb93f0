import { describe, expect, it } from 'vitest';
import { defaultPosts, JAKARTA_POST_HOURS } from './default-posts.js';
import { addDays, checkWeeklyHours, localDateTime, openAt, postDay, weekdayOfDate, type ScheduleException } from './schedule.js';

const kel = { id: 'kel-31.71.01.1001', closedOnHolidays: true };
const sunday = JAKARTA_POST_HOURS.kelurahan;

describe('post schedule', () => {
  it('follows the weekly hours', () => {
    expect(weekdayOfDate('2026-11-29')).toBe(0);
    expect(postDay(kel, sunday, [], '2026-11-29')).toEqual({ date: '2026-11-29', open: true, sessions: [{ opens: '08:00', closes: '12:00' }], basis: 'weekly' });
    expect(postDay(kel, sunday, [], '2026-11-30')).toMatchObject({ open: false, basis: 'not_scheduled' });
  });

  it('closes on a holiday unless the post ignores holidays or an exception opens it', () => {
    expect(postDay(kel, sunday, [], '2026-11-29', 'Hari Raya')).toMatchObject({ open: false, basis: 'holiday', note: 'Hari Raya' });
    expect(postDay({ ...kel, closedOnHolidays: false }, sunday, [], '2026-11-29', 'Hari Raya')).toMatchObject({ open: true, basis: 'weekly' });
    const opened: ScheduleException = { postId: kel.id, date: '2026-11-29', closed: false, opens: '09:00', closes: '11:00', note: 'buka khusus' };
    expect(postDay(kel, sunday, [opened], '2026-11-29', 'Hari Raya')).toMatchObject({ open: true, basis: 'exception', sessions: [{ opens: '09:00', closes: '11:00' }] });
  });

  it("prefers the post's own exception over one for every post", () => {
    const all: ScheduleException = { postId: null, date: '2026-11-29', closed: true, note: 'ditiadakan' };
    const own: ScheduleException = { postId: kel.id, date: '2026-11-29', closed: false, opens: '08:00', closes: '10:00', note: 'tetap buka' };
    expect(postDay(kel, sunday, [all], '2026-11-29')).toMatchObject({ open: false, note: 'ditiadakan' });
    expect(postDay(kel, sunday, [all, own], '2026-11-29')).toMatchObject({ open: true, note: 'tetap buka' });
    expect(postDay({ id: 'other', closedOnHolidays: true }, sunday, [all, own], '2026-11-29')).toMatchObject({ open: false });
  });

  it('knows whether a time falls in a session (end excluded)', () => {
    const day = postDay(kel, sunday, [], '2026-11-29');
    expect([openAt(day, '07:59'), openAt(day, '08:00'), openAt(day, '11:59'), openAt(day, '12:00')]).toEqual([false, true, true, false]);
  });

  it('lists every problem of a set of weekly hours', () => {
    expect(checkWeeklyHours([{ weekday: 6, opens: '08:00', closes: '12:00' }, { weekday: 6, opens: '13:00', closes: '15:00' }])).toEqual([]);
    expect(checkWeeklyHours([{ weekday: 7, opens: '8:00', closes: '12:00' }, { weekday: 1, opens: '12:00', closes: '09:00' }])).toHaveLength(3);
    expect(checkWeeklyHours([{ weekday: 6, opens: '08:00', closes: '12:00' }, { weekday: 6, opens: '11:00', closes: '13:00' }])).toEqual(['Sabtu: sessions overlap']);
  });

  it('reads local dates in the time zone and steps over month ends', () => {
    expect(localDateTime(new Date('2026-11-28T18:30:00Z'), 'Asia/Jakarta')).toEqual({ date: '2026-11-29', time: '01:30' });
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
  });

  it('seeds the pendopo, one post per kecamatan and one per kelurahan', () => {
    const posts = defaultPosts([
      { code: '31', name: 'DKI JAKARTA', level: 'provinsi' },
      { code: '31.71', name: 'Jakarta Pusat', level: 'kota' },
      { code: '31.71.01', name: 'Gambir', level: 'kecamatan' },
      { code: '31.71.01.1001', name: 'Gambir', level: 'kelurahan' },
    ]);
    expect(posts.map((p) => [p.id, p.name, p.hours.map((h) => h.weekday)])).toEqual([
      ['balai-kota', 'Pendopo Balai Kota DKI Jakarta', [1, 2, 3, 4, 5]],
      ['kec-31.71.01', 'Pos Pengaduan Kecamatan Gambir', [6]],
      ['kel-31.71.01.1001', 'Pos Pengaduan Kelurahan Gambir', [0]],
    ]);
  });
});
