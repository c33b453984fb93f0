import { describe, expect, it } from 'vitest';
import type { Ring } from './area.js';
import { interiorPoint } from './interior-point.js';
import { flattenRing, metresPerDegree, polygonContains } from './planar.js';
import { box } from './test-fixtures.js';

describe('interiorPoint', () => {
  it('finds the centre of a square, half its side from the edges', () => {
    const p = interiorPoint({ type: 'Polygon', coordinates: [box(106.8, -6.2, 106.81, -6.19)] });
    expect(p.lng).toBeCloseTo(106.805, 4);
    expect(p.lat).toBeCloseTo(-6.195, 4);
    const halfSideMetres = 0.005 * metresPerDegree(-6.195).x;
    expect(p.distanceMetres).toBeGreaterThan(halfSideMetres - 2);
    expect(p.distanceMetres).toBeLessThan(halfSideMetres + 2);
  });

  it('stays inside a U shape whose centroid is outside', () => {
    // A "U": 3 × 3 box with the middle-top 1 × 2 notch removed; the vertex centroid falls in the notch.
    const u: Ring = [
      [0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0],
    ].map(([x, y]) => [106.8 + x * 0.001, -6.2 + y * 0.001] as [number, number]);
    const p = interiorPoint({ type: 'Polygon', coordinates: [u] });
    expect(polygonContains([flattenRing(u)], p.lng, p.lat)).toBe(true);
    expect(p.distanceMetres).toBeGreaterThan(40);
  });

  it('avoids holes and picks the roomiest part of a MultiPolygon', () => {
    const withHole = [box(106.8, -6.2, 106.81, -6.19), box(106.803, -6.197, 106.807, -6.193)];
    const small = [box(106.9, -6.2, 106.901, -6.199)];
    const p = interiorPoint({ type: 'MultiPolygon', coordinates: [small, withHole] });
    const rings = withHole.map(flattenRing);
    expect(polygonContains(rings, p.lng, p.lat)).toBe(true);
    expect(p.lng).toBeLessThan(106.82);
  });
});
