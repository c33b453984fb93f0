import Flatbush from 'flatbush';
import { polygonsOf, type Area, type AreaLevel, type AreaRef } from './area.js';
import { AreaHierarchy } from './area-hierarchy.js';
import { distanceToRingsMetres, flattenRing, metresPerDegree, polygonContains, ringsBounds, type FlatRing } from './planar.js';

/**
 * Point → kelurahan/kecamatan/kota. One Flatbush R-tree per level over polygon parts (not whole areas: a
 * MultiPolygon like Kepulauan Seribu spans 80 km of sea, its parts are small), then exact ray casting.
 * Simplified boundaries leave slivers between neighbours; a point in one goes to the nearest polygon
 * within `snapMetres`. Built from the parsed area list at start-up; the index itself is not persisted.
 */

export interface AreaIndexOptions {
  /** Largest gap (metres) across which a point outside every polygon still goes to the nearest one. */
  snapMetres?: number;
}

export const DEFAULT_SNAP_METRES = 150;

export type LocateResult =
  | {
      status: 'inside';
      kelurahan: AreaRef | null;
      kecamatan: AreaRef | null;
      kota: AreaRef | null;
      /** 'contains' when a polygon holds the point, 'nearest' when it was snapped across a sliver. */
      match: 'contains' | 'nearest';
      /** Distance to the polygon that was snapped to; 0 for 'contains'. */
      distanceMetres: number;
    }
  | { status: 'outside' };

export class InvalidCoordinatesError extends Error {
  readonly code = 'invalid_coordinates';
}

interface Part {
  area: Area;
  rings: FlatRing[];
}

interface LevelIndex {
  parts: Part[];
  tree: Flatbush;
}

interface LevelHit {
  area: Area;
  match: 'contains' | 'nearest';
  distanceMetres: number;
}

export interface AreaIndex {
  locate(lat: number, lng: number): LocateResult;
  /** The area with a code, if imported. */
  get(code: string): Area | undefined;
  readonly hierarchy: AreaHierarchy<Area>;
  readonly size: number;
}

const LEVELS_SPECIFIC_FIRST: AreaLevel[] = ['kelurahan', 'kecamatan', 'kota'];

export function buildAreaIndex(areas: readonly Area[], options: AreaIndexOptions = {}): AreaIndex {
  const snapMetres = options.snapMetres ?? DEFAULT_SNAP_METRES;
  const hierarchy = new AreaHierarchy(areas);
  const levels = new Map<AreaLevel, LevelIndex>();
  for (const level of LEVELS_SPECIFIC_FIRST) {
    const index = buildLevel(areas.filter((a) => a.level === level));
    if (index) levels.set(level, index);
  }

  function locate(lat: number, lng: number): LocateResult {
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new InvalidCoordinatesError(`invalid coordinates: lat ${lat}, lng ${lng}`);
    }
    const found: Record<AreaLevel, AreaRef | null> = { kelurahan: null, kecamatan: null, kota: null };
    let first: LevelHit | null = null;
    for (const level of LEVELS_SPECIFIC_FIRST) {
      const index = levels.get(level);
      if (found[level] || !index) continue;
      const hit = locateInLevel(index, lng, lat, snapMetres);
      if (!hit) continue;
      first ??= hit;
      // The most specific hit decides its ancestors by code, so the three answers never disagree even
      // where the separately simplified layers do.
      const chain = hierarchy.chain(hit.area.code);
      for (const l of LEVELS_SPECIFIC_FIRST) found[l] ??= chain[l];
    }
    if (!first) return { status: 'outside' };
    return {
      status: 'inside',
      ...found,
      match: first.match,
      distanceMetres: first.distanceMetres,
    };
  }

  return { locate, get: (code) => hierarchy.get(code), hierarchy, size: areas.length };
}

function buildLevel(areas: readonly Area[]): LevelIndex | null {
  const parts: Part[] = [];
  for (const area of areas) {
    for (const polygon of polygonsOf(area.geometry)) parts.push({ area, rings: polygon.map(flattenRing) });
  }
  if (parts.length === 0) return null;
  const tree = new Flatbush(parts.length);
  for (const part of parts) {
    const [minX, minY, maxX, maxY] = ringsBounds(part.rings);
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return { parts, tree };
}

function locateInLevel(index: LevelIndex, lng: number, lat: number, snapMetres: number): LevelHit | null {
  let containing: Part | null = null;
  let depth = -1;
  for (const id of index.tree.search(lng, lat, lng, lat)) {
    const part = index.parts[id];
    if (!polygonContains(part.rings, lng, lat)) continue;
    if (!containing) {
      containing = part;
      continue;
    }
    // Overlapping neighbours (simplification again): prefer the polygon the point is deepest inside.
    if (depth < 0) depth = distanceToRingsMetres(containing.rings, lng, lat);
    const d = distanceToRingsMetres(part.rings, lng, lat);
    if (d > depth) {
      containing = part;
      depth = d;
    }
  }
  if (containing) return { area: containing.area, match: 'contains', distanceMetres: 0 };
  if (snapMetres <= 0) return null;

  const k = metresPerDegree(lat);
  const dLng = snapMetres / k.x;
  const dLat = snapMetres / k.y;
  let nearest: LevelHit | null = null;
  for (const id of index.tree.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
    const part = index.parts[id];
    const d = distanceToRingsMetres(part.rings, lng, lat);
    if (d <= snapMetres && (!nearest || d < nearest.distanceMetres)) nearest = { area: part.area, match: 'nearest', distanceMetres: d };
  }
  return nearest;
}
