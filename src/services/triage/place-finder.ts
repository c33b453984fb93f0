import type { Area, AreaLevel, AreaName, AreaRef } from '../../domain/geo/area.js';
import { AreaHierarchy } from '../../domain/geo/area-hierarchy.js';
import { buildAreaIndex, type AreaIndex } from '../../domain/geo/area-index.js';
import { buildGazetteer, type Gazetteer, type PlaceMatch } from '../../domain/geo/gazetteer.js';
import { decodeAreaGeometry } from '../../domain/geo/geometry-codec.js';
import type { Executor } from '../../store/transaction.js';
import { listAreaGeometries, listAreaNames, type AreaNameRow } from '../../store/triage.repository.js';

/**
 * The place finder of one process: the point index over the imported boundaries (built once from the stored
 * geometry, rebuilt after an import) and the gazetteer over the `areas` names. Answers use the full name
 * hierarchy, so a file of kelurahan boundaries alone still yields the kecamatan and kota.
 */

export type PointAnswer =
  | { status: 'inside'; kelurahan: AreaRef | null; kecamatan: AreaRef | null; kota: AreaRef | null; match: 'contains' | 'nearest'; distanceMetres: number; areaCode: string }
  | { status: 'outside' }
  | { status: 'no_boundaries' };

export interface PlaceFinder {
  readonly boundaryCount: number;
  locate(lat: number, lng: number): PointAnswer;
  /** The area a text names, when the gazetteer is sure enough; null otherwise. */
  fromText(text: string, minConfidence?: number): PlaceMatch | null;
}

const LEVELS: readonly AreaLevel[] = ['kota', 'kecamatan', 'kelurahan'];
/** Below this the gazetteer's answer is left to the officer (single common words, typos without support). */
export const DEFAULT_TEXT_CONFIDENCE = 0.6;

function toAreaName(r: AreaNameRow): AreaName | null {
  if (!(LEVELS as readonly string[]).includes(r.level)) return null;
  // The province is implied: a kota's parent is dropped so the hierarchy stops at the kota.
  return { code: r.code, name: r.name, level: r.level as AreaLevel, parentCode: r.level === 'kota' ? null : r.parent_code };
}

export async function loadPlaceFinder(db: Executor): Promise<PlaceFinder> {
  const names = (await listAreaNames(db)).map(toAreaName).filter((a): a is AreaName => a !== null);
  const withGeometry = await listAreaGeometries(db);
  const areas: Area[] = [];
  for (const row of withGeometry) {
    const name = toAreaName(row);
    if (name) areas.push({ ...name, geometry: decodeAreaGeometry(row.geometry) });
  }
  return buildPlaceFinder(names, areas);
}

export function buildPlaceFinder(names: readonly AreaName[], areas: readonly Area[]): PlaceFinder {
  const index: AreaIndex | null = areas.length ? buildAreaIndex(areas) : null;
  const hierarchy = new AreaHierarchy(names.length ? names : areas);
  const gazetteer: Gazetteer | null = names.length ? buildGazetteer(names) : null;
  return {
    boundaryCount: areas.length,
    locate(lat, lng) {
      if (!index) return { status: 'no_boundaries' };
      const hit = index.locate(lat, lng);
      if (hit.status === 'outside') return hit;
      const code = hit.kelurahan?.code ?? hit.kecamatan?.code ?? hit.kota?.code;
      if (!code) return { status: 'outside' };
      const chain = hierarchy.get(code) ? hierarchy.chain(code) : { kelurahan: hit.kelurahan, kecamatan: hit.kecamatan, kota: hit.kota };
      return {
        status: 'inside',
        kelurahan: chain.kelurahan ?? hit.kelurahan,
        kecamatan: chain.kecamatan ?? hit.kecamatan,
        kota: chain.kota ?? hit.kota,
        match: hit.match,
        distanceMetres: hit.distanceMetres,
        areaCode: code,
      };
    },
    fromText(text, minConfidence = DEFAULT_TEXT_CONFIDENCE) {
      if (!gazetteer) return null;
      const found = gazetteer.find(text);
      if (!found.best || found.ambiguous || found.best.confidence < minConfidence) return null;
      return found.best;
    },
  };
}
