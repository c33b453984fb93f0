import { describe, expect, it } from 'vitest';
import { parseHolidayCsv, splitCsvLine } from './holiday-csv.js';

describe('parseHolidayCsv', () => {
  it('reads positional rows with an optional status, skipping blanks and comments, sorted by date', () => {
    const text = [
      '# SKB 2028 (example)',
      '2028-01-03,cuti_bersama,Cuti Bersama Tahun Baru,provisional',
      '',
      '2028-01-01,libur_nasional,Tahun Baru 2028 Masehi',
    ].join('\r\n');
    const result = parseHolidayCsv(text);
    expect(result).toEqual({
      ok: true,
      entries: [
        { date: '2028-01-01', type: 'libur_nasional', name: 'Tahun Baru 2028 Masehi', status: 'official' },
        { date: '2028-01-03', type: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru', status: 'provisional' },
      ],
    });
  });

  it('matches columns by header name, ignores extra columns and accepts official_unverified', () => {
    const text = '\uFEFFname,year,date,source,type,status\n"Natal, Hari Raya",2026,2026-12-25,x,libur_nasional,official_unverified\n';
    const result = parseHolidayCsv(text);
    expect(result.ok && result.entries).toEqual([
      { date: '2026-12-25', type: 'libur_nasional', name: 'Natal, Hari Raya', status: 'unverified' },
    ]);
  });

  it('rejects the whole file and lists every bad line with its number', () => {
    const text = [
      'date,type,name,status',
      '2028-02-30,libur_nasional,Tanggal salah',
      '2028-03-01,libur_daerah,Jenis salah,official',
      '2028-03-02,cuti_bersama,,official',
      '2028-03-03,cuti_bersama,Status salah,final',
      '2028-03-04,cuti_bersama,Baik,official',
      '2028-03-04,libur_nasional,Dobel,official',
      '2028-03-05,"libur_nasional,Kutip',
    ].join('\n');
    const result = parseHolidayCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'bad_columns'],
      [3, 'bad_type'],
      [4, 'bad_name'],
      [5, 'bad_status'],
      [7, 'duplicate_date'],
      [8, 'bad_quotes'],
    ]);
    expect(result.errors[4].message).toContain('line 6');
  });

  it('reports a non-existent date when the row has the right width', () => {
    const result = parseHolidayCsv('2028-02-30,libur_nasional,Tanggal salah,official');
    expect(!result.ok && result.errors).toEqual([
      { line: 1, code: 'bad_date', message: '"2028-02-30" is not a real YYYY-MM-DD date' },
    ]);
  });

  it('rejects a header without the required columns', () => {
    const result = parseHolidayCsv('date,kind,name\n2028-01-01,libur_nasional,X');
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 1, code: 'bad_columns' });
  });
});

describe('splitCsvLine', () => {
  it('handles quotes, doubled quotes and empty fields', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
    expect(splitCsvLine('"open')).toBeNull();
  });
});
