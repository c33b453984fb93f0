import type { AreaName } from './area.js';
import { toDottedAreaCode } from './area-codes.js';

/**
 * Turns the rows of the `idn-area-data` package (regencies, districts, villages; the Kemendagri codes and
 * names of every Indonesian area, data under ODbL) into the area name list for one province. The package
 * reads its CSV files from disk asynchronously (`getRegencies()`, `getDistricts()`, `getVillages()`), so
 * the reading belongs to the caller (a service or the store); this is the pure conversion. Codes are
 * accepted dotted (`31.71.01.1001`, as the package ships them) or compact (`3171011001`).
 */

export interface IdnAreaRows {
  regencies: readonly { code: string; name: string; province_code?: string; provinceCode?: string }[];
  districts: readonly { code: string; name: string; regency_code?: string; regencyCode?: string }[];
  villages: readonly { code: string; name: string; district_code?: string; districtCode?: string }[];
}

export class IdnAreaDataError extends Error {
  readonly code = 'invalid_area_data';
}

/** DKI Jakarta's province code. */
export const JAKARTA_PROVINCE_CODE = '31';

export function areaNamesFromIdnAreaData(rows: IdnAreaRows, provinceCode = JAKARTA_PROVINCE_CODE): AreaName[] {
  const dotted = (code: string | undefined, what: string): string => {
    const d = code === undefined ? null : toDottedAreaCode(code);
    if (!d) throw new IdnAreaDataError(`${what}: "${code}" is not a Kemendagri code`);
    return d;
  };
  const inProvince = (code: string) => code.startsWith(`${provinceCode}.`);
  const out: AreaName[] = [];
  for (const r of rows.regencies) {
    const code = dotted(r.code, 'regency code');
    if (!inProvince(code)) continue;
    out.push({ code, name: titleCase(r.name), level: 'kota', parentCode: null });
  }
  for (const d of rows.districts) {
    const code = dotted(d.code, 'district code');
    if (!inProvince(code)) continue;
    out.push({ code, name: d.name.trim(), level: 'kecamatan', parentCode: dotted(d.regency_code ?? d.regencyCode, `parent of ${code}`) });
  }
  for (const v of rows.villages) {
    const code = dotted(v.code, 'village code');
    if (!inProvince(code)) continue;
    out.push({ code, name: v.name.trim(), level: 'kelurahan', parentCode: dotted(v.district_code ?? v.districtCode, `parent of ${code}`) });
  }
  return out;
}

/** The package writes regency names in capitals ("KOTA ADMINISTRASI JAKARTA PUSAT"). */
export function titleCase(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
