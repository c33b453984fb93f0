import type { RoutingRule } from '../routing/route.js';
import { JAKARTA_CATEGORIES, type CategorySeed } from './jakarta-categories.js';
import { JAKARTA_FIELDS, type FieldAgency } from './jakarta-fields.js';

export interface AreaSeed {
  code: string;
  name: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
}

export interface AgencySeed {
  id: string;
  name: string;
  kind: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parentId: string | null;
  areaCode: string | null;
  field: string | null;
  headTitle: string;
  headEselon: string;
}

export interface Catalog {
  agencies: AgencySeed[];
  categories: CategorySeed[];
  rules: RoutingRule[];
}

export const fieldAgencyId = (field: string) => `pd-${field}`;
export const subUnitId = (field: string, kotaCode: string) => `sudin-${field}-${kotaCode}`;
export const officeId = (areaCode: string, level: AreaSeed['level']) =>
  `${level === 'kota' ? 'kota' : level === 'kecamatan' ? 'kec' : 'kel'}-${areaCode}`;

/** Kota names come as "KOTA ADMINISTRASI JAKARTA PUSAT"; offices are named the way citizens know them. */
function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s(])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/**
 * Builds Jakarta's agency hierarchy and default routing table from the areas: every dinas with a Suku Dinas per
 * kota, the kota, kecamatan and kelurahan offices, and one routing rule per category and place it depends on.
 */
export function buildJakartaCatalog(areas: AreaSeed[], fields: FieldAgency[] = JAKARTA_FIELDS, categories: CategorySeed[] = JAKARTA_CATEGORIES): Catalog {
  const kotas = areas.filter((a) => a.level === 'kota');
  const agencies: AgencySeed[] = [];
  for (const f of fields) {
    agencies.push({ id: fieldAgencyId(f.field), name: f.name, kind: f.kind, level: 'provinsi', parentId: null, areaCode: null, field: f.field, headTitle: f.headTitle, headEselon: 'II.a' });
    if (!f.subUnits) continue;
    for (const k of kotas) {
      const kotaName = titleCase(k.name.replace(/^(KOTA|KABUPATEN) ADMINISTRASI /, ''));
      agencies.push({ id: subUnitId(f.field, k.code), name: `Suku Dinas ${f.short} ${kotaName}`, kind: 'suku_dinas', level: 'kota', parentId: fieldAgencyId(f.field), areaCode: k.code, field: f.field, headTitle: `Kepala Suku Dinas ${f.short} ${kotaName}`, headEselon: 'III.a' });
    }
  }
  for (const a of areas) {
    if (a.level === 'provinsi') continue;
    const name = a.level === 'kota' ? titleCase(a.name) : `${a.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan'} ${a.name}`;
    const head = a.level === 'kota' ? (a.code === '31.01' ? 'Bupati' : 'Wali Kota') : a.level === 'kecamatan' ? 'Camat' : 'Lurah';
    agencies.push({
      id: officeId(a.code, a.level),
      name: a.level === 'kota' ? name : name,
      kind: a.level,
      level: a.level,
      parentId: a.parentCode && a.level !== 'kota' ? officeId(a.parentCode, a.level === 'kecamatan' ? 'kota' : 'kecamatan') : null,
      areaCode: a.code,
      field: null,
      headTitle: `${head} ${a.level === 'kota' ? name : a.name}`,
      headEselon: a.level === 'kota' ? 'II.a' : a.level === 'kecamatan' ? 'III.a' : 'III.b',
    });
  }
  return { agencies, categories, rules: buildRules(areas, fields, categories) };
}

function buildRules(areas: AreaSeed[], fields: FieldAgency[], categories: CategorySeed[]): RoutingRule[] {
  const rules: RoutingRule[] = [];
  const byField = new Map(fields.map((f) => [f.field, f]));
  for (const c of categories) {
    const field = c.field ? byField.get(c.field) : undefined;
    if (field && (c.level === 'provinsi' || !field.subUnits)) {
      rules.push({ categoryCode: c.code, areaCode: '', agencyId: fieldAgencyId(field.field) });
    } else if (field) {
      for (const k of areas.filter((a) => a.level === 'kota'))
        rules.push({ categoryCode: c.code, areaCode: k.code, agencyId: subUnitId(field.field, k.code) });
    } else {
      // Territorial matters go to the office of the place; a case known only to the kota goes to the kota office.
      const levels = c.level === 'kelurahan' ? ['kota', 'kecamatan', 'kelurahan'] : c.level === 'kecamatan' ? ['kota', 'kecamatan'] : ['kota'];
      for (const a of areas.filter((x) => levels.includes(x.level)))
        rules.push({ categoryCode: c.code, areaCode: a.code, agencyId: officeId(a.code, a.level) });
    }
  }
  return rules;
}
