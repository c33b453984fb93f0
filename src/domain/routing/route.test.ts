import { describe, expect, it } from 'vitest';
import { areaAncestry, areaLevel, resolveAgency, type RoutingRule } from './route.js';

const rules: RoutingRule[] = [
  { categoryCode: 'jalan-rusak', areaCode: '31.74', agencyId: 'sudin-bina-marga-31.74' },
  { categoryCode: 'jalan-rusak', areaCode: '31.71', agencyId: 'sudin-bina-marga-31.71' },
  { categoryCode: 'fasilitas-lingkungan', areaCode: '31.74.01.1001', agencyId: 'kel-31.74.01.1001' },
  { categoryCode: 'fasilitas-lingkungan', areaCode: '31.74', agencyId: 'kota-31.74' },
  { categoryCode: 'pajak-daerah', areaCode: '', agencyId: 'pd-bapenda' },
];

describe('routing', () => {
  it('lists ancestry most specific first', () => {
    expect(areaAncestry('31.74.01.1001')).toEqual(['31.74.01.1001', '31.74.01', '31.74', '31', '']);
    expect(areaAncestry(null)).toEqual(['']);
  });
  it('picks the most specific rule', () => {
    expect(resolveAgency(rules, 'fasilitas-lingkungan', '31.74.01.1001')).toBe('kel-31.74.01.1001');
    expect(resolveAgency(rules, 'fasilitas-lingkungan', '31.74.01.1002')).toBe('kota-31.74');
    expect(resolveAgency(rules, 'jalan-rusak', '31.71.01.1001')).toBe('sudin-bina-marga-31.71');
  });
  it('does not match a sibling whose code merely starts the same', () => {
    expect(resolveAgency([{ categoryCode: 'x', areaCode: '31.7', agencyId: 'a' }], 'x', '31.74')).toBeNull();
  });
  it('returns null without a rule or without the place a rule needs', () => {
    expect(resolveAgency(rules, 'jalan-rusak', null)).toBeNull();
    expect(resolveAgency(rules, 'jalan-rusak', '31.75.01')).toBeNull();
    expect(resolveAgency(rules, 'pajak-daerah', null)).toBe('pd-bapenda');
  });
  it('knows levels', () => {
    expect(areaLevel('31')).toBe('provinsi');
    expect(areaLevel('31.71.01.1001')).toBe('kelurahan');
  });
});
