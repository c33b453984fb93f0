import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from './holiday-csv.js';
import { INDONESIA_HOLIDAYS_2024_2027 as TABLE } from './holidays-id.js';

const csvUrl = new URL('../../../../shared/data/indonesia-holidays-2024-2027/holidays_id_2024_2027.csv', import.meta.url);
const csvPath = fileURLToPath(csvUrl);
const hasCsv = existsSync(csvPath);

const key = (e: { date: string; type: string; status: string }) => `${e.date} ${e.type} ${e.status}`;

describe('shipped holiday table', () => {
  it('is sorted, one row per date, with 2024–2025 official, 2026 unverified and 2027 provisional', () => {
    const dates = TABLE.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of TABLE) {
      const year = e.date.slice(0, 4);
      const expected = year === '2026' ? 'unverified' : year === '2027' ? 'provisional' : 'official';
      expect(e.status, e.date).toBe(expected);
    }
  });

  it('has 17 libur nasional every year and the decreed number of cuti bersama', () => {
    const count = (year: string, type: string) => TABLE.filter((e) => e.date.startsWith(year) && e.type === type).length;
    expect(['2024', '2025', '2026', '2027'].map((y) => count(y, 'libur_nasional'))).toEqual([17, 17, 17, 17]);
    expect(['2024', '2025', '2026', '2027'].map((y) => count(y, 'cuti_bersama'))).toEqual([10, 11, 8, 0]);
  });
});

describe.skipIf(!hasCsv)('shipped table against ../shared/data/indonesia-holidays-2024-2027', () => {
  it('lists the same dates, types and statuses as the compiled CSV (imported with the admin parser)', () => {
    const parsed = parseHolidayCsv(readFileSync(csvPath, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(TABLE.map(key)).toEqual(parsed.entries.map(key));
  });
});
if (!hasCsv) console.warn(`skipped: ${csvPath} not found`);

/**
 * Known differences from the `date-holidays` package (v3.x, country ID), checked so that a package update or a
 * table edit that changes them is noticed:
 * - it has no cuti bersama and no election-day holidays at all;
 * - it lacks Easter Sunday (Hari Paskah) and the second day of Idul Fitri in some years;
 * - several lunar holidays are a day early (Idul Adha and Maulid 2024, Idul Fitri and 1 Muharam 2025), and in
 *   2026 it puts Idul Fitri on 20 March, which the SKB makes a cuti bersama day;
 * - it names Isra Mikraj "Maulid Nabi Muhammad".
 */
const OUR_LIBUR_NASIONAL_MISSING_THERE = [
  '2024-03-31', '2024-06-17', '2024-09-16', '2025-04-01', '2025-04-20', '2025-06-27', '2026-03-22', '2026-04-05',
];
const THEIR_DAYS_NOT_LIBUR_NASIONAL_HERE = ['2024-06-16', '2024-09-15', '2025-03-30', '2025-06-26', '2026-03-20'];

describe('comparison with date-holidays (ID), 2024–2026', () => {
  const hd = new Holidays('ID');
  const theirs = [2024, 2025, 2026].flatMap((y) => hd.getHolidays(y).map((h) => ({ date: h.date.slice(0, 10), name: h.name })));
  const theirDates = new Set(theirs.map((h) => h.date));
  const ours = TABLE.filter((e) => e.date < '2027');
  const ourLibur = new Set(ours.filter((e) => e.type === 'libur_nasional').map((e) => e.date));

  it('differs on libur nasional exactly as documented', () => {
    expect([...ourLibur].filter((d) => !theirDates.has(d))).toEqual(OUR_LIBUR_NASIONAL_MISSING_THERE);
    expect([...theirDates].filter((d) => !ourLibur.has(d)).sort()).toEqual(THEIR_DAYS_NOT_LIBUR_NASIONAL_HERE);
  });

  it('has none of the cuti bersama or election days (except where its own shifted date lands on one)', () => {
    const ourOthers = ours.filter((e) => e.type !== 'libur_nasional').map((e) => e.date);
    expect(ourOthers.filter((d) => theirDates.has(d))).toEqual(['2026-03-20']);
  });

  it('names Isra Mikraj 2025 differently', () => {
    expect(theirs.find((h) => h.date === '2025-01-27')?.name).toBe('Maulid Nabi Muhammad');
    expect(TABLE.find((e) => e.date === '2025-01-27')?.name).toMatch(/Isra Mikraj/);
  });
});
