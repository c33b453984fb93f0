import { describe, expect, it } from 'vitest';
import type { Area } from './area.js';
import { buildAreaIndex, InvalidCoordinatesError } from './area-index.js';
import { box, polygonArea } from './test-fixtures.js';

// A kecamatan made of a donut kelurahan around an enclave kelurahan (the hole), plus a neighbour kelurahan
// east of the donut across a 0.0006° (~66 m) sliver that belongs to no polygon.
const kota = polygonArea('31.99', 'Kota Uji', 'kota', null, [box(106.7, -6.3, 106.9, -6.1)]);
const kecamatan = polygonArea('31.99.01', 'Kecamatan Uji', 'kecamatan', '31.99', [box(106.79, -6.21, 106.83, -6.17)]);
const donut = polygonArea('31.99.01.1001', 'Donat', 'kelurahan', '31.99.01', [
  box(106.8, -6.2, 106.81, -6.19),
  box(106.804, -6.196, 106.806, -6.194),
]);
const enclave = polygonArea('31.99.01.1002', 'Kantong', 'kelurahan', '31.99.01', [box(106.804, -6.196, 106.806, -6.194)]);
const east = polygonArea('31.99.01.1003', 'Timur', 'kelurahan', '31.99.01', [box(106.8106, -6.2, 106.82, -6.19)]);
const islands: Area = {
  code: '31.99.01.1004',
  name: 'Pulau-pulau',
  level: 'kelurahan',
  parentCode: '31.99.01',
  geometry: { type: 'MultiPolygon', coordinates: [[box(106.7, -6.12, 106.701, -6.119)], [box(106.75, -6.12, 106.751, -6.119)]] },
};

describe('buildAreaIndex on synthetic areas', () => {
  const index = buildAreaIndex([kota, kecamatan, donut, enclave, east, islands]);

  it('finds the kelurahan and derives its kecamatan and kota from the codes', () => {
    expect(index.locate(-6.198, 106.801)).toEqual({
      status: 'inside',
      kelurahan: { code: '31.99.01.1001', name: 'Donat' },
      kecamatan: { code: '31.99.01', name: 'Kecamatan Uji' },
      kota: { code: '31.99', name: 'Kota Uji' },
      match: 'contains',
      distanceMetres: 0,
    });
  });

  it('respects holes: a point in the hole belongs to the enclave, not the donut', () => {
    const result = index.locate(-6.195, 106.805);
    expect(result.status === 'inside' && result.kelurahan?.name).toBe('Kantong');
  });

  it('finds every part of a MultiPolygon', () => {
    for (const lng of [106.7005, 106.7505]) {
      const result = index.locate(-6.1195, lng);
      expect(result.status === 'inside' && result.kelurahan?.name).toBe('Pulau-pulau');
    }
  });

  it('sends a point in a sliver to the nearer neighbour and says how far it was', () => {
    // 0.0002° (~22 m) east of the donut, ~44 m west of its neighbour.
    const west = index.locate(-6.195, 106.8102);
    expect(west).toMatchObject({ status: 'inside', kelurahan: { name: 'Donat' }, match: 'nearest' });
    expect(west.status === 'inside' && west.distanceMetres).toBeGreaterThan(15);
    expect(west.status === 'inside' && west.distanceMetres).toBeLessThan(30);
    const eastSide = index.locate(-6.195, 106.8104);
    expect(eastSide).toMatchObject({ status: 'inside', kelurahan: { name: 'Timur' }, match: 'nearest' });
  });

  it('falls back to the coarser level when no kelurahan is near, and is outside beyond every level', () => {
    const inKecamatanOnly = index.locate(-6.175, 106.795);
    expect(inKecamatanOnly).toMatchObject({ status: 'inside', kelurahan: null, kecamatan: { code: '31.99.01' }, kota: { code: '31.99' } });
    expect(index.locate(-6.0, 106.8)).toEqual({ status: 'outside' });
  });

  it('does not snap when the snap distance is zero or the gap is wider than it', () => {
    const strict = buildAreaIndex([donut, east], { snapMetres: 0 });
    expect(strict.locate(-6.195, 106.8102)).toEqual({ status: 'outside' });
    const tight = buildAreaIndex([donut, east], { snapMetres: 10 });
    expect(tight.locate(-6.195, 106.8102)).toEqual({ status: 'outside' });
  });

  it('works with one level only and missing parents', () => {
    const only = buildAreaIndex([east]);
    expect(only.locate(-6.195, 106.815)).toMatchObject({ kelurahan: { name: 'Timur' }, kecamatan: null, kota: null });
  });

  it('rejects coordinates that are not a point on Earth', () => {
    expect(() => index.locate(Number.NaN, 106.8)).toThrow(InvalidCoordinatesError);
    expect(() => index.locate(-6.2, 200)).toThrow(/invalid coordinates/);
  });
});
