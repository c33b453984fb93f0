import { describe, expect, it } from 'vitest';
import { parsePopulationCsv } from './population-csv.js';

describe('parsePopulationCsv', () => {
  it('reads code and population by header name, ignoring other columns and thousands separators', () => {
    const r = parsePopulationCsv('\uFEFFnama,kode,jumlah_penduduk,tahun\n"Gambir, Jakarta Pusat",31.71.01.1001,"20.512",2024\n# komentar\n\nCideng,31.71.01.1002,41 203,2024\n');
    expect(r).toEqual({ errors: [], rows: [{ line: 2, code: '31.71.01.1001', population: 20512 }, { line: 5, code: '31.71.01.1002', population: 41203 }] });
  });

  it('lists every bad line at once', () => {
    const r = parsePopulationCsv('code,population\n31.71.01.1001,-5\n3171,100\n31.71.01.1001,10\n31.71.01.1001,12\n31.71,1,2\n');
    expect(r.errors).toEqual([
      { line: 2, message: 'population "-5" is not a whole number ≥ 0' },
      { line: 3, message: '"3171" is not an area code like 31.71.01.1001' },
      { line: 5, message: '31.71.01.1001 is already listed on line 4' },
      { line: 6, message: 'expected 2 fields, got 3' },
    ]);
  });

  it('needs a header naming both columns', () => {
    expect(parsePopulationCsv('31.71.01.1001,100\n').errors).toEqual([{ line: 1, message: 'the header must name the columns code and population' }]);
    expect(parsePopulationCsv('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});
