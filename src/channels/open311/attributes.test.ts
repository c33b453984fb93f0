import { describe, expect, it } from 'vitest';
import { attributesFor, CATEGORY_ATTRIBUTES, readAttributes, STANDARD_ATTRIBUTES } from './attributes.js';

describe('Open311 service attributes', () => {
  it('gives every service the standard set and some categories extras, with unique codes', () => {
    expect(attributesFor('sampah').map((a) => a.code)).toEqual(STANDARD_ATTRIBUTES.map((a) => a.code));
    const flood = attributesFor('genangan-banjir').map((a) => a.code);
    expect(flood).toContain('kedalaman_cm');
    for (const code of ['sampah', ...Object.keys(CATEGORY_ATTRIBUTES)]) {
      const codes = attributesFor(code).map((a) => a.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    for (const a of attributesFor('genangan-banjir')) {
      if (a.datatype.endsWith('valuelist')) expect(a.values?.length).toBeGreaterThan(1);
      if (!a.variable) expect(a.required).toBe(false);
    }
  });

  it('reads single values, multivaluelists in both spellings, and ignores undefined attributes', () => {
    const { values, problems } = readAttributes(attributesFor('genangan-banjir'), {
      'attribute[report_type]': 'aspirasi',
      'attribute[affected][]': ['pengendara', 'pejalan_kaki', 'pengendara'],
      'attribute[kedalaman_cm]': '40',
      'attribute[WHISPAWN]': '123456',
    });
    expect(problems).toEqual([]);
    expect(values).toEqual({ report_type: 'aspirasi', affected: ['pengendara', 'pejalan_kaki'], kedalaman_cm: '40' });
    expect(readAttributes(attributesFor('sampah'), { 'attribute[affected]': ['usaha', 'warga_sekitar'] }).values.affected).toEqual(['usaha', 'warga_sekitar']);
  });

  it('lists every problem: missing required, unknown keys, two values for a single list, bad numbers', () => {
    const { problems } = readAttributes(attributesFor('genangan-banjir'), {
      'attribute[report_type]': ['pengaduan', 'aspirasi'],
      'attribute[anonymous]': 'maybe',
      'attribute[affected][]': ['pengendara', 'alien'],
    });
    expect(problems.map((p) => p.field)).toEqual(['attribute[report_type]', 'attribute[anonymous]', 'attribute[affected]', 'attribute[kedalaman_cm]']);
    expect(readAttributes(attributesFor('genangan-banjir'), { 'attribute[kedalaman_cm]': '12cm' }).problems[0].message).toMatch(/number/);
    expect(readAttributes(attributesFor('genangan-banjir'), { 'attribute[kedalaman_cm]': '9000' }).problems[0].message).toMatch(/between/);
  });

  it('treats an empty value as absent', () => {
    const { values, problems } = readAttributes(attributesFor('genangan-banjir'), { 'attribute[kedalaman_cm]': '  ', 'attribute[report_type]': '' });
    expect(values).toEqual({});
    expect(problems).toEqual([{ field: 'attribute[kedalaman_cm]', message: 'required' }]);
  });
});
