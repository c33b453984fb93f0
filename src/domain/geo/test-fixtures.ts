import type { Area, AreaLevel, Ring } from './area.js';

/**
 * Small synthetic areas for unit tests that must run without the real boundary files.
 * Coordinates sit near Jakarta so metre conversions are realistic.
 */

export function box(minLng: number, minLat: number, maxLng: number, maxLat: number): Ring {
  return [
    [minLng, minLat],
    [maxLng, minLat],
    [maxLng, maxLat],
    [minLng, maxLat],
    [minLng, minLat],
  ];
}

export function polygonArea(code: string, name: string, level: AreaLevel, parentCode: string | null, rings: Ring[]): Area {
  return { code, name, level, parentCode, geometry: { type: 'Polygon', coordinates: rings } };
}

/** A GeoJSON feature in the property layout of the project's test data. */
export function feature(properties: Record<string, unknown>, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties, geometry };
}
