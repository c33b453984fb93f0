import type { AreaGeometry, Position, Ring } from './area.js';

/**
 * Validation of GeoJSON Polygon/MultiPolygon geometry for the area import. Problems a person can fix in
 * the file are errors with a precise location ("polygon 2, ring 0, position 5"); harmless sloppiness
 * (an unclosed ring) is repaired and reported as a warning so an import does not fail on it.
 */

export interface GeometryCheck {
  geometry: AreaGeometry | null;
  errors: string[];
  warnings: string[];
}

export function validateAreaGeometry(raw: unknown): GeometryCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { geometry: null, errors: ['geometry is missing'], warnings };
  if (typeof raw !== 'object') return { geometry: null, errors: ['geometry is not an object'], warnings };
  const { type, coordinates } = raw as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const got = typeof type === 'string' ? type : String(type);
    return { geometry: null, errors: [`geometry type ${got} is not supported (use Polygon or MultiPolygon)`], warnings };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { geometry: null, errors: [`${type} has no coordinates`], warnings };
  }
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: Ring[][] = [];
  rawPolygons.forEach((rawPolygon, p) => {
    const where = type === 'Polygon' ? '' : `polygon ${p}, `;
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) {
      errors.push(`${where}no rings`);
      return;
    }
    const rings: Ring[] = [];
    rawPolygon.forEach((rawRing, r) => {
      const ring = checkRing(rawRing, `${where}ring ${r}`, errors, warnings);
      if (ring) rings.push(ring);
    });
    if (rings.length === rawPolygon.length) polygons.push(rings);
  });
  if (errors.length > 0) return { geometry: null, errors, warnings };
  const geometry: AreaGeometry =
    type === 'Polygon' ? { type, coordinates: polygons[0] } : { type, coordinates: polygons };
  return { geometry, errors, warnings };
}

function checkRing(raw: unknown, where: string, errors: string[], warnings: string[]): Ring | null {
  if (!Array.isArray(raw)) {
    errors.push(`${where}: not an array of positions`);
    return null;
  }
  const ring: Ring = [];
  for (let i = 0; i < raw.length; i++) {
    const position = checkPosition(raw[i], `${where}, position ${i}`, errors);
    if (!position) return null;
    ring.push(position);
  }
  if (ring.length > 0 && !samePosition(ring[0], ring[ring.length - 1])) {
    ring.push([ring[0][0], ring[0][1]]);
    warnings.push(`${where}: ring was not closed; closed it`);
  }
  if (ring.length < 4) {
    errors.push(`${where}: a ring needs at least 3 distinct positions (got ${Math.max(0, ring.length - 1)})`);
    return null;
  }
  return ring;
}

function checkPosition(raw: unknown, where: string, errors: string[]): Position | null {
  if (!Array.isArray(raw) || raw.length < 2) {
    errors.push(`${where}: a position must be [longitude, latitude]`);
    return null;
  }
  const [lng, lat] = raw as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    errors.push(`${where}: coordinates must be finite numbers`);
    return null;
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    // The most common mistake in hand-converted files is [lat, lng] order; say so when it fits.
    const hint = Math.abs(lng) <= 90 && Math.abs(lat) <= 180 ? ' (looks like [latitude, longitude]: GeoJSON wants [longitude, latitude])' : '';
    errors.push(`${where}: [${lng}, ${lat}] is out of range${hint}`);
    return null;
  }
  return [lng, lat];
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
