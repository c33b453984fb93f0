import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { AreaSeed } from '../domain/catalog/build.js';

/**
 * Areas of one province from the `idn-area-data` package (Kemendagri codes; data under ODbL), so the product
 * runs with every kota, kecamatan and kelurahan without any import. Jakarta is province 31.
 */
export async function loadProvinceAreas(provinceCode = '31'): Promise<AreaSeed[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`province ${provinceCode} not found in idn-area-data`);
  const prefix = `${provinceCode}.`;
  const out: AreaSeed[] = [{ code: province.code, name: province.name, level: 'provinsi', parentCode: null }];
  for (const r of regencies) if (r.code.startsWith(prefix)) out.push({ code: r.code, name: r.name, level: 'kota', parentCode: provinceCode });
  for (const d of districts) if (d.code.startsWith(prefix)) out.push({ code: d.code, name: d.name, level: 'kecamatan', parentCode: d.regency_code });
  for (const v of villages) if (v.code.startsWith(prefix)) out.push({ code: v.code, name: v.name, level: 'kelurahan', parentCode: v.district_code });
  return out;
}
