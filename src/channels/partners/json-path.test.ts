import { describe, it, expect } from 'vitest';
import { getPath, parsePath, setPath, PathSyntaxError } from './json-path.js';

const doc = { laporan: { isi: 'Banjir', 'nama pelapor': 'Sari', foto: [{ url: 'a' }, { url: 'b' }, {}] }, id: 7, list: [1, 2, 3] };

describe('json-path', () => {
  it('reads keys, indexes, quoted keys and wildcards', () => {
    expect(getPath(doc, '$.laporan.isi')).toBe('Banjir');
    expect(getPath(doc, 'laporan.isi')).toBe('Banjir');
    expect(getPath(doc, "$.laporan['nama pelapor']")).toBe('Sari');
    expect(getPath(doc, '$.laporan["nama pelapor"]')).toBe('Sari');
    expect(getPath(doc, '$.laporan.foto[1].url')).toBe('b');
    expect(getPath(doc, '$.list[-1]')).toBe(3);
    expect(getPath(doc, '$.laporan.foto[*].url')).toEqual(['a', 'b']);
    expect(getPath(doc, '$.id')).toBe(7);
  });
  it('gives undefined for missing steps and never reads inherited properties', () => {
    expect(getPath(doc, '$.laporan.tidak.ada')).toBeUndefined();
    expect(getPath(doc, '$.id[0]')).toBeUndefined();
    expect(getPath(doc, '$.laporan.constructor')).toBeUndefined();
    expect(getPath(null, '$.a')).toBeUndefined();
  });
  it('rejects malformed paths', () => {
    for (const bad of ['$.', '$..a', '$.a[', "$.a['x]", '$.a b', '$[x]']) expect(() => parsePath(bad), bad).toThrow(PathSyntaxError);
  });
  it('builds objects and arrays when setting, and refuses prototype keys', () => {
    const o: Record<string, unknown> = {};
    setPath(o, '$.lokasi.lat', -6.2);
    setPath(o, '$.lampiran[0].url', 'x');
    setPath(o, "$['nama pelapor']", 'Sari');
    expect(o).toEqual({ lokasi: { lat: -6.2 }, lampiran: [{ url: 'x' }], 'nama pelapor': 'Sari' });
    expect(() => setPath(o, '$.__proto__.polluted', 1)).toThrow(PathSyntaxError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
