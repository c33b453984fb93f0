import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position, Ring } from './area.js';
import { decodeAreaGeometry, encodeAreaGeometry, GeometryDecodeError, roundAreaGeometry } from './geometry-codec.js';
import { box } from './test-fixtures.js';

const coordinate = (min: number, max: number) => fc.integer({ min: min * 1e6, max: max * 1e6 }).map((v) => v / 1e6);
const position = fc.tuple(coordinate(-180, 180), coordinate(-90, 90)).map(([x, y]) => [x, y] as Position);
const ring = fc.array(position, { minLength: 3, maxLength: 30 }).map((ps): Ring => [...ps, ps[0]]);
const geometry: fc.Arbitrary<AreaGeometry> = fc.oneof(
  fc.array(ring, { minLength: 1, maxLength: 3 }).map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc
    .array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
    .map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates })),
);

describe('geometry codec', () => {
  it('round-trips any polygon or multipolygon at 6 decimals', () => {
    fc.assert(
      fc.property(geometry, (g) => {
        expect(decodeAreaGeometry(encodeAreaGeometry(g))).toEqual(g);
      }),
    );
  });

  it('is several times smaller than the GeoJSON text', () => {
    const g: AreaGeometry = { type: 'Polygon', coordinates: [box(106.812345, -6.212345, 106.823456, -6.190123)] };
    expect(encodeAreaGeometry(g).length * 2).toBeLessThan(JSON.stringify(g.coordinates).length);
  });

  it('rejects damaged text', () => {
    expect(() => decodeAreaGeometry('Xabc')).toThrow(GeometryDecodeError);
    expect(() => decodeAreaGeometry('P_')).toThrow(/ends in the middle/);
    const ok = encodeAreaGeometry({ type: 'Polygon', coordinates: [box(1, 1, 2, 2)] });
    expect(() => decodeAreaGeometry(ok.slice(0, 4))).toThrow(GeometryDecodeError);
    expect(() => decodeAreaGeometry(`${ok};${ok.slice(1)}`)).toThrow(/exactly one polygon/);
  });

  it('rounds plain GeoJSON to a given precision', () => {
    const g: AreaGeometry = { type: 'Polygon', coordinates: [[[106.12345678, -6.98765432], [1, 1], [2, 2], [106.12345678, -6.98765432]]] };
    expect(roundAreaGeometry(g).coordinates[0][0]).toEqual([106.123457, -6.987654]);
  });
});
