import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAreaFeatureCollection } from './area-import.js';
import { buildAreaIndex } from './area-index.js';
import { interiorPoint } from './interior-point.js';

const dataDir = fileURLToPath(new URL('../../../../shared/data/jakarta-admin-boundaries/', import.meta.url));
const exists = existsSync(`${dataDir}dki_jakarta_kelurahan.geojson`);
if (!exists) console.warn(`[skip] real Jakarta boundaries not found at ${dataDir}: landmark tests skipped`);

function load(level: string) {
  const result = parseAreaFeatureCollection(readFileSync(`${dataDir}dki_jakarta_${level}.geojson`, 'utf8'));
  expect(result.errors).toEqual([]);
  return result.areas;
}

describe.skipIf(!exists)('place finder on the real DKI Jakarta boundaries', () => {
  const kelurahan = exists ? load('kelurahan') : [];
  const all = exists ? [...load('kota'), ...load('kecamatan'), ...kelurahan] : [];
  const index = buildAreaIndex(all);

  it('imports 6 kota, 44 kecamatan and 267 kelurahan', () => {
    const count = (level: string) => all.filter((a) => a.level === level).length;
    expect([count('kota'), count('kecamatan'), count('kelurahan')]).toEqual([6, 44, 267]);
  });

  it.each([
    ['Monas', -6.1754, 106.8272, 'Gambir', 'Gambir', 'Kota Administrasi Jakarta Pusat'],
    ['Bundaran HI', -6.195, 106.823, 'Menteng', 'Menteng', 'Kota Administrasi Jakarta Pusat'],
    ['Blok M', -6.2444, 106.8, 'Melawai', 'Kebayoran Baru', 'Kota Administrasi Jakarta Selatan'],
    ['Kota Tua', -6.1352, 106.8133, 'Pinangsia', 'Taman Sari', 'Kota Administrasi Jakarta Barat'],
    ['TMII', -6.3025, 106.8952, 'Ceger', 'Cipayung', 'Kota Administrasi Jakarta Timur'],
  ])('%s lies in %s, %s, %s', (_landmark, lat, lng, kel, kec, kota) => {
    const result = index.locate(lat, lng);
    expect(result).toMatchObject({ status: 'inside', match: 'contains' });
    if (result.status !== 'inside') return;
    expect([result.kelurahan?.name, result.kecamatan?.name, result.kota?.name]).toEqual([kel, kec, kota]);
  });

  it('maps a point well inside each of the 267 kelurahan back to that kelurahan', () => {
    const wrong: string[] = [];
    for (const area of kelurahan) {
      const p = interiorPoint(area.geometry);
      const result = index.locate(p.lat, p.lng);
      if (result.status !== 'inside' || result.kelurahan?.code !== area.code || result.match !== 'contains') {
        wrong.push(`${area.code} ${area.name} → ${JSON.stringify(result)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['the Java Sea 5 km north of Ancol', -6.075, 106.84],
    ['Bekasi', -6.2383, 106.9756],
    ['Depok', -6.4025, 106.7942],
    ['Tangerang', -6.1783, 106.6319],
  ])('a point in %s is outside the jurisdiction', (_place, lat, lng) => {
    expect(index.locate(lat, lng)).toEqual({ status: 'outside' });
  });
});
