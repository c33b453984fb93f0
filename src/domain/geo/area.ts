/**
 * Administrative areas as the place finder sees them: Kemendagri codes (`31.71`, `31.71.01`,
 * `31.71.01.1001`), a name, a level and the parent's code, with GeoJSON geometry in WGS84 lon/lat order.
 */

export const AREA_LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** A GeoJSON position: [longitude, latitude]. */
export type Position = [number, number];
/** A ring is closed: its first and last positions are equal. The first ring of a polygon is the outer one. */
export type Ring = Position[];

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** An area without geometry: enough for the gazetteer and for hierarchy look-ups. */
export interface AreaName {
  code: string;
  name: string;
  level: AreaLevel;
  /** Kecamatan → its kota, kelurahan → its kecamatan, kota → null (the province is implied). */
  parentCode: string | null;
}

export interface Area extends AreaName {
  geometry: AreaGeometry;
}

/** What a look-up returns for one level. */
export interface AreaRef {
  code: string;
  name: string;
}

/** The polygons of a geometry as a list, whatever its type. */
export function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
