import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvObjects } from './csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain and quoted fields, doubled quotes, embedded delimiters and line breaks', () => {
    const text = 'id,text,label\r\n1,"jalan ""rusak"", parah",infra\r\n2,"baris satu\nbaris dua",sosial\n3,,x';
    expect(parseCsv(text)).toEqual([
      ['id', 'text', 'label'],
      ['1', 'jalan "rusak", parah', 'infra'],
      ['2', 'baris satu\nbaris dua', 'sosial'],
      ['3', '', 'x'],
    ]);
  });

  it('ignores a byte-order mark and a final line break, keeps empty trailing fields', () => {
    expect(parseCsv('\ufeffa,b\n1,\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('id;complaints;category\n1;"a;b";c', { delimiter: ';' })).toEqual([
      ['id', 'complaints', 'category'],
      ['1', 'a;b', 'c'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('a,5" pipa,b')).toEqual([['a', '5" pipa', 'b']]);
  });

  it('reports malformed input with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/unterminated quoted field starting on line 2/);
    expect(() => parseCsv('"a"b,c')).toThrow(CsvError);
  });

  it('maps records onto the header and rejects ragged rows', () => {
    expect(parseCsvObjects('text,label\n"x, y",z')).toEqual([{ text: 'x, y', label: 'z' }]);
    expect(() => parseCsvObjects('text,label\nonly-one')).toThrow(/record 2 has 1 fields/);
  });
});
