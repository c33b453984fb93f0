import { describe, expect, it } from 'vitest';
import { parseAreaFeatureCollection } from './area-import.js';
import { box, feature } from './test-fixtures.js';

const square = { type: 'Polygon', coordinates: [box(106.8, -6.2, 106.81, -6.19)] };
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('parseAreaFeatureCollection', () => {
  it('maps the default Indonesian properties to areas with parents', () => {
    const result = parseAreaFeatureCollection(
      collection(
        feature({ kode: '31.71', nama: 'Jakarta Pusat', level: 'kota' }, square),
        feature({ kode: '31.71.01', nama: 'Gambir', level: 'kecamatan', kode_kota: '31.71' }, square),
        feature({ kode: '31.71.01.1001', nama: 'Gambir', level: 'kelurahan', kode_kecamatan: '31.71.01' }, {
          type: 'MultiPolygon',
          coordinates: [[box(106.8, -6.2, 106.81, -6.19), box(106.802, -6.198, 106.803, -6.197)]],
        }),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.areas.map((a) => [a.code, a.level, a.parentCode])).toEqual([
      ['31.71', 'kota', null],
      ['31.71.01', 'kecamatan', '31.71'],
      ['31.71.01.1001', 'kelurahan', '31.71.01'],
    ]);
    expect(result.areas[2].geometry.type).toBe('MultiPolygon');
  });

  it('uses a configured property mapping and infers level and parent from dotted codes', () => {
    const result = parseAreaFeatureCollection(
      collection(feature({ id: '31.74.07.1001', label: 'Melawai' }, square), feature({ id: 'X1', label: 'Unknown' }, square)),
      { properties: { code: 'id', name: 'label' } },
    );
    expect(result.areas).toHaveLength(1);
    expect(result.areas[0]).toMatchObject({ code: '31.74.07.1001', name: 'Melawai', level: 'kelurahan', parentCode: '31.74.07' });
    expect(result.errors).toMatchObject([{ featureIndex: 1, issue: 'invalid_level' }]);

    const forced = parseAreaFeatureCollection(collection(feature({ id: 'X1', label: 'Unknown' }, square)), {
      properties: { code: 'id', name: 'label' },
      defaultLevel: 'kecamatan',
    });
    expect(forced.areas[0]).toMatchObject({ level: 'kecamatan', parentCode: null });
  });

  it('collects every problem with its feature index instead of stopping at the first', () => {
    const result = parseAreaFeatureCollection(
      collection(
        feature({ nama: 'No code' }, square),
        feature({ kode: '31.71.01', level: 'kecamatan' }, square),
        feature({ kode: '31.71.02', nama: 'Point', level: 'kecamatan' }, { type: 'Point', coordinates: [106.8, -6.2] }),
        feature({ kode: '31.71.03', nama: 'Swapped', level: 'kecamatan' }, { type: 'Polygon', coordinates: [[[-6.2, 106.8], [-6.2, 106.81], [-6.19, 106.81], [-6.2, 106.8]]] }),
        feature({ kode: '31.71.04', nama: 'Tiny', level: 'kecamatan' }, { type: 'Polygon', coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.8, -6.2]]] }),
        feature({ kode: '31.71.05', nama: 'Ok', level: 'kecamatan' }, square),
        feature({ kode: '31.71.05', nama: 'Twice', level: 'kecamatan' }, square),
        feature({ kode: '31.71.06', nama: 'Odd level', level: 'provinsi' }, square),
        { type: 'Nope' },
      ),
    );
    expect(result.areas.map((a) => a.name)).toEqual(['Ok']);
    expect(result.errors.map((e) => [e.featureIndex, e.issue])).toEqual([
      [0, 'missing_code'],
      [1, 'missing_name'],
      [2, 'invalid_geometry'],
      [3, 'invalid_geometry'],
      [4, 'invalid_geometry'],
      [6, 'duplicate_code'],
      [7, 'invalid_level'],
      [8, 'invalid_feature'],
    ]);
    expect(result.errors[2].message).toMatch(/Point is not supported/);
    expect(result.errors[3].message).toMatch(/\[latitude, longitude\]/);
    expect(result.errors[4].message).toMatch(/at least 3 distinct positions/);
  });

  it('closes an unclosed ring with a warning', () => {
    const open = { type: 'Polygon', coordinates: [box(106.8, -6.2, 106.81, -6.19).slice(0, 4)] };
    const result = parseAreaFeatureCollection(collection(feature({ kode: '31.71', nama: 'A', level: 'kota' }, open)));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toMatchObject([{ issue: 'geometry_repaired', areaCode: '31.71' }]);
    const ring = result.areas[0].geometry.coordinates[0] as number[][];
    expect(ring[ring.length - 1]).toEqual(ring[0]);
  });

  it('warns when the parent property contradicts the code', () => {
    const result = parseAreaFeatureCollection(
      collection(feature({ kode: '31.71.01', nama: 'Gambir', level: 'kecamatan', kode_kota: '31.72' }, square)),
    );
    expect(result.areas[0].parentCode).toBe('31.72');
    expect(result.warnings).toMatchObject([{ issue: 'parent_mismatch' }]);
  });

  it('reports text that is not JSON or not a FeatureCollection', () => {
    expect(parseAreaFeatureCollection('{oops').errors).toMatchObject([{ issue: 'invalid_json', featureIndex: null }]);
    expect(parseAreaFeatureCollection({ type: 'Feature' }).errors).toMatchObject([{ issue: 'not_feature_collection' }]);
    expect(parseAreaFeatureCollection(JSON.stringify(collection())).areas).toEqual([]);
  });
});
