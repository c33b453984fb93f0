import { AREA_LEVELS, type Area, type AreaLevel } from './area.js';
import { levelOfAreaCode, parentOfAreaCode } from './area-codes.js';
import { validateAreaGeometry } from './geometry-validate.js';

/**
 * Parses a GeoJSON FeatureCollection of administrative areas (what `cepat areas import FILE.geojson` reads).
 * Deployments bring their own boundary files, so the property names are configurable; the defaults match the
 * Indonesian files the project is tested with (`kode`, `nama`, `level`, `kode_kota`, `kode_kecamatan`).
 * All problems are collected at once (the caller decides whether to import the valid features anyway).
 */

export interface AreaPropertyMapping {
  code: string;
  name: string;
  level: string;
  /** The parent kota's code on a kecamatan feature. */
  kotaCode: string;
  /** The parent kecamatan's code on a kelurahan feature. */
  kecamatanCode: string;
}

export const DEFAULT_AREA_PROPERTIES: Readonly<AreaPropertyMapping> = Object.freeze({
  code: 'kode',
  name: 'nama',
  level: 'level',
  kotaCode: 'kode_kota',
  kecamatanCode: 'kode_kecamatan',
});

export interface AreaImportOptions {
  properties?: Partial<AreaPropertyMapping>;
  /** Level for features that carry none and whose code does not tell it (e.g. a file of kelurahan only). */
  defaultLevel?: AreaLevel;
}

export type AreaImportIssueCode =
  | 'invalid_json'
  | 'not_feature_collection'
  | 'invalid_feature'
  | 'missing_code'
  | 'missing_name'
  | 'invalid_level'
  | 'invalid_geometry'
  | 'duplicate_code'
  | 'geometry_repaired'
  | 'parent_mismatch';

export interface AreaImportIssue {
  /** Index of the feature in the file, or null for problems with the file as a whole. */
  featureIndex: number | null;
  areaCode?: string;
  issue: AreaImportIssueCode;
  message: string;
}

export interface AreaImportResult {
  /** The valid features, in file order. */
  areas: Area[];
  errors: AreaImportIssue[];
  warnings: AreaImportIssue[];
}

/** Level names seen in the wild (Indonesian and English, kabupaten for Kepulauan Seribu). */
const LEVEL_ALIASES: Record<string, AreaLevel> = {
  kota: 'kota', kabupaten: 'kota', kab: 'kota', 'kota/kabupaten': 'kota', regency: 'kota', city: 'kota',
  kecamatan: 'kecamatan', kec: 'kecamatan', district: 'kecamatan',
  kelurahan: 'kelurahan', kel: 'kelurahan', desa: 'kelurahan', village: 'kelurahan',
};

export function parseAreaFeatureCollection(input: unknown, options: AreaImportOptions = {}): AreaImportResult {
  const props = { ...DEFAULT_AREA_PROPERTIES, ...options.properties };
  const result: AreaImportResult = { areas: [], errors: [], warnings: [] };
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      result.errors.push({ featureIndex: null, issue: 'invalid_json', message: `not valid JSON: ${(error as Error).message}` });
      return result;
    }
  }
  const collection = doc as { type?: unknown; features?: unknown } | null;
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    result.errors.push({ featureIndex: null, issue: 'not_feature_collection', message: 'expected a GeoJSON FeatureCollection with a "features" array' });
    return result;
  }
  const seen = new Map<string, number>();
  collection.features.forEach((feature: unknown, index: number) => {
    const area = parseFeature(feature, index, props, options.defaultLevel, result);
    if (!area) return;
    const first = seen.get(area.code);
    if (first !== undefined) {
      result.errors.push({ featureIndex: index, areaCode: area.code, issue: 'duplicate_code', message: `code ${area.code} already used by feature ${first}` });
      return;
    }
    seen.set(area.code, index);
    result.areas.push(area);
  });
  return result;
}

function parseFeature(
  feature: unknown,
  index: number,
  props: AreaPropertyMapping,
  defaultLevel: AreaLevel | undefined,
  result: AreaImportResult,
): Area | null {
  const fail = (issue: AreaImportIssueCode, message: string, areaCode?: string): null => {
    result.errors.push({ featureIndex: index, areaCode, issue, message });
    return null;
  };
  if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
    return fail('invalid_feature', `feature ${index} is not a GeoJSON Feature`);
  }
  const { properties, geometry } = feature as { properties?: Record<string, unknown> | null; geometry?: unknown };
  const p = properties ?? {};
  const code = asText(p[props.code]);
  if (!code) return fail('missing_code', `feature ${index} has no "${props.code}" property`);
  const name = asText(p[props.name]);
  if (!name) return fail('missing_name', `feature ${index} (${code}) has no "${props.name}" property`, code);

  const rawLevel = asText(p[props.level]);
  const level = rawLevel ? LEVEL_ALIASES[rawLevel.toLowerCase()] : (levelOfAreaCode(code) ?? defaultLevel);
  if (!level) {
    const known = AREA_LEVELS.join(', ');
    const message = rawLevel
      ? `feature ${index} (${code}) has level "${rawLevel}"; expected one of ${known}`
      : `feature ${index} (${code}) has no "${props.level}" property and its code does not tell the level`;
    return fail('invalid_level', message, code);
  }

  const checked = validateAreaGeometry(geometry);
  for (const message of checked.warnings) {
    result.warnings.push({ featureIndex: index, areaCode: code, issue: 'geometry_repaired', message: `${code}: ${message}` });
  }
  if (!checked.geometry) {
    return fail('invalid_geometry', `feature ${index} (${code}): ${checked.errors.join('; ')}`, code);
  }

  const parentCode = resolveParent(code, level, p, props, index, result);
  return { code, name, level, parentCode, geometry: checked.geometry };
}

/** The parent comes from the configured property; failing that, from the dotted code itself. */
function resolveParent(
  code: string,
  level: AreaLevel,
  p: Record<string, unknown>,
  props: AreaPropertyMapping,
  index: number,
  result: AreaImportResult,
): string | null {
  if (level === 'kota') return null;
  const fromProperty = asText(p[level === 'kecamatan' ? props.kotaCode : props.kecamatanCode]);
  const fromCode = parentOfAreaCode(code);
  if (fromProperty && fromCode && fromProperty !== fromCode) {
    result.warnings.push({
      featureIndex: index,
      areaCode: code,
      issue: 'parent_mismatch',
      message: `${code}: parent property says ${fromProperty} but the code implies ${fromCode}; using ${fromProperty}`,
    });
  }
  return fromProperty ?? fromCode;
}

function asText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}
