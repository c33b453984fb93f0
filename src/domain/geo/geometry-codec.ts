import { polygonsOf, type AreaGeometry, type Position, type Ring } from './area.js';

/**
 * Compact text forms of area geometry for the store, which keeps each imported area's geometry and rebuilds
 * the index at start-up.
 * - `roundAreaGeometry` keeps plain GeoJSON (readable, what `ST_GeomFromGeoJSON` takes) at 6 decimals
 *   (~0.1 m), which is all the precision boundary files carry.
 * - `encodeAreaGeometry` is about 3× smaller: each ring as an encoded polyline (the Google algorithm at
 *   1e-6 precision, lng before lat), rings joined by `,`, polygons by `;`, prefixed `P` or `M`. The
 *   polyline alphabet (ASCII 63–126) never contains the separators, so no escaping is needed.
 */

const SCALE = 1e6;

export function roundAreaGeometry(geometry: AreaGeometry, decimals = 6): AreaGeometry {
  const f = 10 ** decimals;
  const round = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(round) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(round)) };
}

export function encodeAreaGeometry(geometry: AreaGeometry): string {
  const body = polygonsOf(geometry)
    .map((polygon) => polygon.map(encodeRing).join(','))
    .join(';');
  return (geometry.type === 'Polygon' ? 'P' : 'M') + body;
}

export class GeometryDecodeError extends Error {
  readonly code = 'invalid_encoded_geometry';
}

export function decodeAreaGeometry(text: string): AreaGeometry {
  const kind = text[0];
  if (kind !== 'P' && kind !== 'M') throw new GeometryDecodeError('encoded geometry must start with P or M');
  const polygons = text
    .slice(1)
    .split(';')
    .map((polygon) => polygon.split(',').map(decodeRing));
  if (kind === 'P') {
    if (polygons.length !== 1) throw new GeometryDecodeError('a Polygon must hold exactly one polygon');
    return { type: 'Polygon', coordinates: polygons[0] };
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

function encodeRing(ring: Ring): string {
  let out = '';
  let px = 0;
  let py = 0;
  for (const [lng, lat] of ring) {
    const x = Math.round(lng * SCALE);
    const y = Math.round(lat * SCALE);
    out += encodeNumber(x - px) + encodeNumber(y - py);
    px = x;
    py = y;
  }
  return out;
}

function encodeNumber(value: number): string {
  let v = value < 0 ? ~(value * 2) : value * 2;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v = Math.floor(v / 32);
  }
  return out + String.fromCharCode(v + 63);
}

function decodeRing(text: string): Ring {
  const ring: Ring = [];
  let i = 0;
  let x = 0;
  let y = 0;
  const next = (): number => {
    let result = 0;
    let shift = 1;
    for (;;) {
      if (i >= text.length) throw new GeometryDecodeError('encoded ring ends in the middle of a number');
      const b = text.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) throw new GeometryDecodeError(`invalid character in encoded ring at ${i - 1}`);
      result += (b & 0x1f) * shift;
      shift *= 32;
      if (b < 0x20) break;
    }
    return result % 2 === 1 ? -(result + 1) / 2 : result / 2;
  };
  while (i < text.length) {
    x += next();
    y += next();
    const position: Position = [x / SCALE, y / SCALE];
    ring.push(position);
  }
  if (ring.length < 4) throw new GeometryDecodeError('an encoded ring needs at least 4 positions');
  return ring;
}
