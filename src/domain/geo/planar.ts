/**
 * Planar geometry on flat rings: `[x0, y0, x1, y1, …]` with the first point repeated at the end.
 * Coordinates are lon/lat degrees for containment (GeoJSON edges are straight in lon/lat) and metres on a
 * local equirectangular projection for distances, which is accurate to well under a metre at the
 * ~150 m scale the sliver rule works at.
 */

export const EARTH_RADIUS_METRES = 6_371_008.8;
const RAD = Math.PI / 180;

export type FlatRing = Float64Array;

/** Ray casting (even-odd). Applied over all rings of a polygon it also respects holes. */
export function crossesRing(ring: FlatRing, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length - 2;
  for (let i = 0; i < n; i += 2) {
    const xi = ring[i];
    const yi = ring[i + 1];
    const xj = ring[i + 2];
    const yj = ring[i + 3];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd over the outer ring and its holes: inside the outer ring and outside every hole. */
export function polygonContains(rings: readonly FlatRing[], lng: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) if (crossesRing(ring, lng, lat)) inside = !inside;
  return inside;
}

/** Metres per degree of longitude and latitude around a latitude (local equirectangular projection). */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_METRES * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}

/** Shortest distance in metres from a point to any edge of the rings (0 is not returned for inside points). */
export function distanceToRingsMetres(rings: readonly FlatRing[], lng: number, lat: number): number {
  const k = metresPerDegree(lat);
  let best = Infinity;
  for (const ring of rings) {
    const n = ring.length - 2;
    for (let i = 0; i < n; i += 2) {
      const ax = (ring[i] - lng) * k.x;
      const ay = (ring[i + 1] - lat) * k.y;
      const bx = (ring[i + 2] - lng) * k.x;
      const by = (ring[i + 3] - lat) * k.y;
      const d2 = segmentDistanceSquared(ax, ay, bx, by);
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best);
}

/** Squared distance from the origin to segment AB. */
export function segmentDistanceSquared(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const px = ax + t * dx;
  const py = ay + t * dy;
  return px * px + py * py;
}

/** Great-circle distance (haversine) in metres, for callers comparing two points. */
export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Flattens a GeoJSON ring into `[x0, y0, …]`. */
export function flattenRing(ring: readonly (readonly number[])[]): FlatRing {
  const out = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    out[2 * i] = ring[i][0];
    out[2 * i + 1] = ring[i][1];
  }
  return out;
}

/** Bounding box of the rings as [minX, minY, maxX, maxY]. */
export function ringsBounds(rings: readonly FlatRing[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      if (ring[i] < minX) minX = ring[i];
      if (ring[i] > maxX) maxX = ring[i];
      if (ring[i + 1] < minY) minY = ring[i + 1];
      if (ring[i + 1] > maxY) maxY = ring[i + 1];
    }
  }
  return [minX, minY, maxX, maxY];
}
