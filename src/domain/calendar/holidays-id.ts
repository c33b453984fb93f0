import type { HolidayEntry, HolidayStatus, HolidayType } from './holiday.js';

/**
 * Indonesian national holidays (libur nasional), collective leave (cuti bersama) and election-day holidays,
 * 2024–2027: the product's own table of the decree dates, because `date-holidays` has no cuti bersama, no
 * Easter Sunday, no election days, and is a day off on several lunar holidays (see holidays-id.test.ts).
 *
 * Sources (public facts): SKB 3 Menteri on libur nasional and cuti bersama for 2024, 2025 and 2026 (Menteri
 * Agama, Menteri Ketenagakerjaan, MenPAN-RB), the 2025 amendment adding Monday 18 August 2025 (HUT RI ke-80),
 * Keppres 10/2024 (Pemilu, 14 Feb 2024) and Keppres 33/2024 (Pilkada serentak, 27 Nov 2024).
 * - 2024, 2025: `official`.
 * - 2026: `unverified` — the SKB 2026 list as reproduced identically by several public sources; check it
 *   against the decree PDF before relying on it for TKD deductions.
 * - 2027: `provisional` — predicted libur nasional only (lunar dates may move by a day; no cuti bersama yet).
 *   Replace with the SKB 2027 once published (admin import: `date,type,name,status`).
 * Jakarta has no provincial public holidays of its own; regional ones (e.g. Bali) are not listed.
 */
type Row = readonly [date: string, type: HolidayType, name: string];

const LN: HolidayType = 'libur_nasional';
const CB: HolidayType = 'cuti_bersama';
const LP: HolidayType = 'libur_pemilu';

const Y2024: readonly Row[] = [
  ['2024-01-01', LN, 'Tahun Baru 2024 Masehi'],
  ['2024-02-08', LN, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2024-02-09', CB, 'Cuti Bersama Tahun Baru Imlek 2575 Kongzili'],
  ['2024-02-10', LN, 'Tahun Baru Imlek 2575 Kongzili'],
  ['2024-02-14', LP, 'Hari Pemungutan Suara Pemilihan Umum 2024'],
  ['2024-03-11', LN, 'Hari Suci Nyepi Tahun Baru Saka 1946'],
  ['2024-03-12', CB, 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1946'],
  ['2024-03-29', LN, 'Wafat Yesus Kristus'],
  ['2024-03-31', LN, 'Hari Paskah'],
  ['2024-04-08', CB, 'Cuti Bersama Idul Fitri 1445 Hijriah'],
  ['2024-04-09', CB, 'Cuti Bersama Idul Fitri 1445 Hijriah'],
  ['2024-04-10', LN, 'Idul Fitri 1445 Hijriah'],
  ['2024-04-11', LN, 'Idul Fitri 1445 Hijriah'],
  ['2024-04-12', CB, 'Cuti Bersama Idul Fitri 1445 Hijriah'],
  ['2024-04-15', CB, 'Cuti Bersama Idul Fitri 1445 Hijriah'],
  ['2024-05-01', LN, 'Hari Buruh Internasional'],
  ['2024-05-09', LN, 'Kenaikan Yesus Kristus'],
  ['2024-05-10', CB, 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2024-05-23', LN, 'Hari Raya Waisak 2568 BE'],
  ['2024-05-24', CB, 'Cuti Bersama Hari Raya Waisak 2568 BE'],
  ['2024-06-01', LN, 'Hari Lahir Pancasila'],
  ['2024-06-17', LN, 'Idul Adha 1445 Hijriah'],
  ['2024-06-18', CB, 'Cuti Bersama Idul Adha 1445 Hijriah'],
  ['2024-07-07', LN, '1 Muharam Tahun Baru Islam 1446 Hijriah'],
  ['2024-08-17', LN, 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2024-09-16', LN, 'Maulid Nabi Muhammad SAW'],
  ['2024-11-27', LP, 'Hari Pemungutan Suara Pemilihan Kepala Daerah Serentak 2024'],
  ['2024-12-25', LN, 'Hari Raya Natal'],
  ['2024-12-26', CB, 'Cuti Bersama Hari Raya Natal'],
];

const Y2025: readonly Row[] = [
  ['2025-01-01', LN, 'Tahun Baru 2025 Masehi'],
  ['2025-01-27', LN, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2025-01-28', CB, 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'],
  ['2025-01-29', LN, 'Tahun Baru Imlek 2576 Kongzili'],
  ['2025-03-28', CB, 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947'],
  ['2025-03-29', LN, 'Hari Suci Nyepi Tahun Baru Saka 1947'],
  ['2025-03-31', LN, 'Idul Fitri 1446 Hijriah'],
  ['2025-04-01', LN, 'Idul Fitri 1446 Hijriah'],
  ['2025-04-02', CB, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-03', CB, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-04', CB, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-07', CB, 'Cuti Bersama Idul Fitri 1446 Hijriah'],
  ['2025-04-18', LN, 'Wafat Yesus Kristus'],
  ['2025-04-20', LN, 'Hari Paskah'],
  ['2025-05-01', LN, 'Hari Buruh Internasional'],
  ['2025-05-12', LN, 'Hari Raya Waisak 2569 BE'],
  ['2025-05-13', CB, 'Cuti Bersama Hari Raya Waisak 2569 BE'],
  ['2025-05-29', LN, 'Kenaikan Yesus Kristus'],
  ['2025-05-30', CB, 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2025-06-01', LN, 'Hari Lahir Pancasila'],
  ['2025-06-06', LN, 'Idul Adha 1446 Hijriah'],
  ['2025-06-09', CB, 'Cuti Bersama Idul Adha 1446 Hijriah'],
  ['2025-06-27', LN, '1 Muharam Tahun Baru Islam 1447 Hijriah'],
  ['2025-08-17', LN, 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2025-08-18', CB, 'Cuti Bersama Hari Ulang Tahun ke-80 Kemerdekaan Republik Indonesia'],
  ['2025-09-05', LN, 'Maulid Nabi Muhammad SAW'],
  ['2025-12-25', LN, 'Hari Raya Natal'],
  ['2025-12-26', CB, 'Cuti Bersama Hari Raya Natal'],
];

const Y2026: readonly Row[] = [
  ['2026-01-01', LN, 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', LN, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-16', CB, 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'],
  ['2026-02-17', LN, 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', CB, 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-19', LN, 'Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-20', CB, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-03-21', LN, 'Idul Fitri 1447 Hijriah'],
  ['2026-03-22', LN, 'Idul Fitri 1447 Hijriah'],
  ['2026-03-23', CB, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-03-24', CB, 'Cuti Bersama Idul Fitri 1447 Hijriah'],
  ['2026-04-03', LN, 'Wafat Yesus Kristus'],
  ['2026-04-05', LN, 'Hari Paskah'],
  ['2026-05-01', LN, 'Hari Buruh Internasional'],
  ['2026-05-14', LN, 'Kenaikan Yesus Kristus'],
  ['2026-05-15', CB, 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2026-05-27', LN, 'Idul Adha 1447 Hijriah'],
  ['2026-05-28', CB, 'Cuti Bersama Idul Adha 1447 Hijriah'],
  ['2026-05-31', LN, 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', LN, 'Hari Lahir Pancasila'],
  ['2026-06-16', LN, '1 Muharam Tahun Baru Islam 1448 Hijriah'],
  ['2026-08-17', LN, 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2026-08-25', LN, 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', CB, 'Cuti Bersama Hari Raya Natal'],
  ['2026-12-25', LN, 'Hari Raya Natal'],
];

const Y2027: readonly Row[] = [
  ['2027-01-01', LN, 'Tahun Baru 2027 Masehi'],
  ['2027-01-05', LN, 'Isra Mikraj Nabi Muhammad SAW'],
  ['2027-02-06', LN, 'Tahun Baru Imlek 2578 Kongzili'],
  ['2027-03-08', LN, 'Hari Suci Nyepi Tahun Baru Saka 1949'],
  ['2027-03-10', LN, 'Idul Fitri 1448 Hijriah'],
  ['2027-03-11', LN, 'Idul Fitri 1448 Hijriah'],
  ['2027-03-26', LN, 'Wafat Yesus Kristus'],
  ['2027-03-28', LN, 'Hari Paskah'],
  ['2027-05-01', LN, 'Hari Buruh Internasional'],
  ['2027-05-06', LN, 'Kenaikan Yesus Kristus'],
  ['2027-05-16', LN, 'Idul Adha 1448 Hijriah'],
  ['2027-05-20', LN, 'Hari Raya Waisak 2571 BE'],
  ['2027-06-01', LN, 'Hari Lahir Pancasila'],
  ['2027-06-07', LN, '1 Muharam Tahun Baru Islam 1449 Hijriah'],
  ['2027-08-15', LN, 'Maulid Nabi Muhammad SAW'],
  ['2027-08-17', LN, 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ['2027-12-25', LN, 'Hari Raya Natal'],
];

function withStatus(rows: readonly Row[], status: HolidayStatus): HolidayEntry[] {
  return rows.map(([date, type, name]) => Object.freeze({ date, type, name, status }));
}

/** The shipped table, sorted by date. */
export const INDONESIA_HOLIDAYS_2024_2027: readonly HolidayEntry[] = Object.freeze([
  ...withStatus(Y2024, 'official'),
  ...withStatus(Y2025, 'official'),
  ...withStatus(Y2026, 'unverified'),
  ...withStatus(Y2027, 'provisional'),
]);
