import { titleCase } from '../ui/format.js';
import type { AreaFeature, LngLat } from './types.js';

/**
 * Plain geometry for the offline SVG map: the frame (a box in degrees, always square: at 6° S a degree of
 * longitude is ~0.995 of a degree of latitude), the projection into the SVG, the paths and label points of
 * imported boundaries, and the classes of the choropleth.
 */
export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Mainland Jakarta's bounding box (WGS84), with a small margin: the frame when no boundaries were imported. */
export const JAKARTA_BOX: Box = { west: 106.67, east: 106.99, south: -6.39, north: -6.07 };
/** The SVG's side, in its own units. */
export const MAP_SIZE = 600;

export interface Projection {
  box: Box;
  x(lng: number): number;
  y(lat: number): number;
  inside(p: LngLat): boolean;
}

export function projection(box: Box): Projection {
  const w = box.east - box.west;
  const h = box.north - box.south;
  return {
    box,
    x: (lng) => ((lng - box.west) / w) * MAP_SIZE,
    y: (lat) => ((box.north - lat) / h) * MAP_SIZE,
    inside: ([lng, lat]) => lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north,
  };
}

/** Gridlines every `step` degrees strictly inside [min, max] (0.05° gives the six lines each way of JAKARTA_BOX). */
export function ticks(min: number, max: number, step = 0.05): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(min / step + 1e-9); k <= Math.floor(max / step - 1e-9); k++) out.push(Math.round(k * step * 100) / 100);
  return out;
}

const polygonsOf = (g: AreaFeature['geometry']): LngLat[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function extent(features: readonly AreaFeature[]): Box | null {
  const b = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const f of features) {
    for (const polygon of polygonsOf(f.geometry)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        b.west = Math.min(b.west, lng);
        b.east = Math.max(b.east, lng);
        b.south = Math.min(b.south, lat);
        b.north = Math.max(b.north, lat);
      }
    }
  }
  return b.west <= b.east ? b : null;
}

const overlaps = (a: Box, b: Box) => a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
const span = (b: Box) => Math.max(b.east - b.west, b.north - b.south);
/** Areas off the mainland are left out of the frame when fitting them too would shrink the mainland this much. */
const FAR_FACTOR = 1.5;
const MARGIN = 0.04;

/**
 * The frame fitted to the boundaries: their extent made square, with a margin. Areas away from the mainland
 * (Kepulauan Seribu reaches 60 km north) are left out of the fit, and returned so the page can say so,
 * when including them would make the mainland small.
 */
export function fitAreas(features: readonly AreaFeature[]): { box: Box; leftOut: AreaFeature[] } | null {
  const all = extent(features);
  if (!all) return null;
  const near = features.filter((f) => {
    const b = extent([f]);
    return b !== null && overlaps(b, JAKARTA_BOX);
  });
  const core = extent(near);
  const fit = core && span(all) > FAR_FACTOR * span(core) ? core : all;
  const half = (span(fit) * (1 + 2 * MARGIN)) / 2;
  const cx = (fit.west + fit.east) / 2;
  const cy = (fit.south + fit.north) / 2;
  return {
    box: { west: cx - half, east: cx + half, south: cy - half, north: cy + half },
    leftOut: fit === all ? [] : features.filter((f) => !near.includes(f)),
  };
}

/** An SVG path of the area, in SVG units to 0.1, dropping vertices less than ~1 unit from the one before. */
export function areaPath(g: AreaFeature['geometry'], p: Projection): string {
  let d = '';
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      const kept: string[] = [];
      let lx = NaN;
      let ly = NaN;
      ring.forEach(([lng, lat], i) => {
        const x = Math.round(p.x(lng) * 10) / 10;
        const y = Math.round(p.y(lat) * 10) / 10;
        if (i > 0 && i < ring.length - 1 && Math.abs(x - lx) + Math.abs(y - ly) < 1) return;
        kept.push(`${x} ${y}`);
        lx = x;
        ly = y;
      });
      if (kept.length >= 3) d += `M${kept.join(' ')}Z`;
    }
  }
  return d;
}

/** Signed area and centroid of a ring (shoelace), relative to its first vertex for precision. */
function ringCentroid(ring: LngLat[]): { area: number; at: LngLat } {
  const [ox, oy] = ring[0] ?? [0, 0];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i][0] - ox;
    const y0 = ring[i][1] - oy;
    const x1 = ring[i + 1][0] - ox;
    const y1 = ring[i + 1][1] - oy;
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return { area: a / 2, at: a ? [ox + cx / (3 * a), oy + cy / (3 * a)] : [ox, oy] };
}

/** Where an area's name is written: the centroid of its largest outer ring. */
export function labelPoint(g: AreaFeature['geometry']): LngLat {
  const rings = polygonsOf(g).map((polygon) => ringCentroid(polygon[0] ?? []));
  return rings.reduce((best, r) => (Math.abs(r.area) > Math.abs(best.area) ? r : best)).at;
}

/** "KOTA ADMINISTRASI JAKARTA PUSAT" → "Jakarta Pusat": short enough to write on the map. */
export const shortAreaName = (name: string) => titleCase(name).replace(/^(kota|kabupaten)\s+administrasi\s+/i, '');

/** Colours of the choropleth, lightest first (`.map-area.cN`, `.swatch.cN`); class 0 is an area with no complaint. */
export const SHADES = 5;

/**
 * Upper bounds of up to five classes of complaints received: quantiles of the non-zero counts (so a few busy
 * areas do not leave all others in the lightest shade), repeated bounds merged.
 */
export function classBreaks(counts: readonly number[]): number[] {
  const sorted = counts.filter((n) => n > 0).sort((a, b) => a - b);
  const uppers = Array.from({ length: SHADES }, (_, k) => sorted[Math.ceil(((k + 1) / SHADES) * sorted.length) - 1]);
  return [...new Set(uppers.filter((n) => n !== undefined))];
}

/** The shade (1..SHADES, spread out when there are fewer classes) of a count, 0 for none. */
export function shadeOf(n: number, breaks: readonly number[]): number {
  if (n <= 0 || !breaks.length) return 0;
  const i = breaks.findIndex((b) => n <= b);
  const k = i < 0 ? breaks.length - 1 : i;
  return breaks.length === 1 ? SHADES : 1 + Math.round((k * (SHADES - 1)) / (breaks.length - 1));
}

/** The legend's classes: each shade with its range of counts ("1", "2–4"). */
export function shadeClasses(breaks: readonly number[]): { shade: number; from: number; to: number }[] {
  return breaks.map((to, k) => ({ shade: shadeOf(to, breaks), from: k === 0 ? 1 : breaks[k - 1] + 1, to }));
}

/** How an area stands to the area filter: the one chosen, inside or around it, or elsewhere. */
export function relation(code: string, chosen: string): 'none' | 'is' | 'near' | 'out' {
  if (!chosen) return 'none';
  if (code === chosen) return 'is';
  return code.startsWith(`${chosen}.`) || chosen.startsWith(`${code}.`) ? 'near' : 'out';
}
