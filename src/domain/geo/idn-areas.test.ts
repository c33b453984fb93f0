import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { checkAreaHierarchy } from './area-hierarchy.js';
import { areaNamesFromIdnAreaData, IdnAreaDataError, titleCase } from './idn-areas.js';

async function jakartaNames() {
  const [regencies, districts, villages] = await Promise.all([getRegencies(), getDistricts(), getVillages()]);
  return areaNamesFromIdnAreaData({ regencies, districts, villages });
}

describe('areaNamesFromIdnAreaData', () => {
  it('yields the 6 kota, 44 kecamatan and 267 kelurahan of DKI Jakarta with a complete hierarchy', async () => {
    const names = await jakartaNames();
    const count = (level: string) => names.filter((a) => a.level === level).length;
    expect([count('kota'), count('kecamatan'), count('kelurahan')]).toEqual([6, 44, 267]);
    expect(checkAreaHierarchy(names)).toEqual([]);
    expect(names.find((a) => a.code === '31.71')?.name).toBe('Kota Administrasi Jakarta Pusat');
    expect(names.find((a) => a.code === '31.71.01.1001')).toEqual({
      code: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentCode: '31.71.01',
    });
  });

  it('accepts compact codes and camel-cased parent fields', () => {
    const names = areaNamesFromIdnAreaData({
      regencies: [{ code: '3171', name: 'KOTA ADMINISTRASI JAKARTA PUSAT', provinceCode: '31' }, { code: '3201', name: 'KABUPATEN BOGOR' }],
      districts: [{ code: '317101', name: 'Gambir', regencyCode: '3171' }],
      villages: [{ code: '3171011001', name: 'Gambir', districtCode: '317101' }],
    });
    expect(names.map((a) => [a.code, a.parentCode])).toEqual([
      ['31.71', null],
      ['31.71.01', '31.71'],
      ['31.71.01.1001', '31.71.01'],
    ]);
  });

  it('refuses codes it cannot read', () => {
    expect(() =>
      areaNamesFromIdnAreaData({ regencies: [{ code: '31-71', name: 'X' }], districts: [], villages: [] }),
    ).toThrow(IdnAreaDataError);
  });

  it('title-cases capitalised names', () => {
    expect(titleCase('KABUPATEN ADMINISTRASI KEPULAUAN SERIBU')).toBe('Kabupaten Administrasi Kepulauan Seribu');
  });

  const csv = fileURLToPath(new URL('../../../../shared/data/jakarta-admin-boundaries/dki_jakarta_wilayah.csv', import.meta.url));
  it.skipIf(!existsSync(csv))('agrees with the code table shipped beside the boundaries (skipped without ../shared)', async () => {
    const names = await jakartaNames();
    const byCode = new Map(names.map((a) => [a.code, a]));
    const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(267);
    for (const [kelCode, kelName, kecCode, kecName] of rows) {
      expect(byCode.get(kelCode)?.name.toLowerCase()).toBe(kelName.toLowerCase());
      expect(byCode.get(kelCode)?.parentCode).toBe(kecCode);
      expect(byCode.get(kecCode)?.name.toLowerCase()).toBe(kecName.toLowerCase());
    }
  });
});
