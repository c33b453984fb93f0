import { polygonsOf, type AreaGeometry, type Ring } from './area.js';
import { metresPerDegree, polygonContains, segmentDistanceSquared, type FlatRing } from './planar.js';

/**
 * A point well inside an area: the pole of inaccessibility (the interior point farthest from any edge),
 * found with the polylabel grid search (Agafonkin, Mapbox 2016). Unlike a centroid it is always inside, even
 * for crescent-shaped or multi-part areas, so it can stand for an area found only from text (a map marker,
 * a default case location) and drives the "every kelurahan maps back to itself" test.
 */

export interface InteriorPoint {
  lat: number;
  lng: number;
  /** Distance from the point to the nearest edge, in metres. */
  distanceMetres: number;
}

export function interiorPoint(geometry: AreaGeometry, precisionMetres = 1): InteriorPoint {
  let best: InteriorPoint | null = null;
  for (const polygon of polygonsOf(geometry)) {
    const candidate = polygonPole(polygon, precisionMetres);
    if (!best || candidate.distanceMetres > best.distanceMetres) best = candidate;
  }
  if (!best) throw new RangeError('geometry has no polygon');
  return best;
}

interface Cell {
  x: number;
  y: number;
  half: number;
  d: number;
  max: number;
}

function polygonPole(polygon: Ring[], precision: number): InteriorPoint {
  // Work in metres on a projection centred on the outer ring's first vertex.
  const [lng0, lat0] = polygon[0][0];
  const k = metresPerDegree(lat0);
  const rings: FlatRing[] = polygon.map((ring) => {
    const flat = new Float64Array(ring.length * 2);
    ring.forEach(([lng, lat], i) => {
      flat[2 * i] = (lng - lng0) * k.x;
      flat[2 * i + 1] = (lat - lat0) * k.y;
    });
    return flat;
  });
  const outer = rings[0];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < outer.length; i += 2) {
    minX = Math.min(minX, outer[i]);
    maxX = Math.max(maxX, outer[i]);
    minY = Math.min(minY, outer[i + 1]);
    maxY = Math.max(maxY, outer[i + 1]);
  }
  const toResult = (c: { x: number; y: number; d: number }): InteriorPoint => ({
    lng: lng0 + c.x / k.x,
    lat: lat0 + c.y / k.y,
    distanceMetres: Math.max(0, c.d),
  });
  const size = Math.min(maxX - minX, maxY - minY);
  const cell = (x: number, y: number, half: number): Cell => {
    const d = signedDistance(rings, x, y);
    return { x, y, half, d, max: d + half * Math.SQRT2 };
  };
  if (size === 0) return toResult({ x: minX, y: minY, d: 0 });

  const heap = new MaxHeap();
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) heap.push(cell(x + size / 2, y + size / 2, size / 2));
  }
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  for (;;) {
    const c = heap.pop();
    if (!c) break;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.half / 2;
    heap.push(cell(c.x - h, c.y - h, h));
    heap.push(cell(c.x + h, c.y - h, h));
    heap.push(cell(c.x - h, c.y + h, h));
    heap.push(cell(c.x + h, c.y + h, h));
  }
  return toResult(best);
}

/** Distance to the nearest edge, positive inside the polygon (holes count as outside). */
function signedDistance(rings: FlatRing[], x: number, y: number): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 2; i += 2) {
      const d2 = segmentDistanceSquared(ring[i] - x, ring[i + 1] - y, ring[i + 2] - x, ring[i + 3] - y);
      if (d2 < best) best = d2;
    }
  }
  const d = Math.sqrt(best);
  return polygonContains(rings, x, y) ? d : -d;
}

class MaxHeap {
  private readonly items: Cell[] = [];

  push(item: Cell): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent].max >= a[i].max) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop(): Cell | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].max > a[m].max) m = l;
        if (r < a.length && a[r].max > a[m].max) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
