import { parseAreaFeatureCollection, type AreaImportIssue } from '../../domain/geo/area-import.js';
import { encodeAreaGeometry, roundAreaGeometry } from '../../domain/geo/geometry-codec.js';
import type { Area } from '../../domain/geo/area.js';
import { parentOfAreaCode } from '../../domain/geo/area-codes.js';
import { inTransaction } from '../../store/transaction.js';
import { bumpAreasVersion, listAreaNames, upsertAreaGeometry } from '../../store/triage.repository.js';
import type { AppContext } from '../context.js';
import { invalidateEngine } from './model-versions.js';

/**
 * `cepat areas import FILE.geojson`: stores each area's boundary (encoded polylines, ~3× smaller than
 * GeoJSON) in `areas.geometry`. All or nothing: any invalid feature, or an area whose parent is neither
 * known nor in the file, fails the whole import with every problem listed. A repeated import replaces the
 * geometry of the areas it contains. Areas missing from the seeded list are added with their parent.
 */

export type AreaImportOutcome =
  | { ok: true; imported: number; inserted: number; updated: number; byLevel: Record<string, number>; warnings: AreaImportIssue[]; storedBytes: number }
  | { ok: false; errors: AreaImportIssue[] };

const LEVEL_ORDER = { kota: 0, kecamatan: 1, kelurahan: 2 } as const;

export async function importAreaBoundaries(ctx: AppContext, geojson: string): Promise<AreaImportOutcome> {
  const parsed = parseAreaFeatureCollection(geojson);
  const errors = [...parsed.errors];
  if (!errors.length && parsed.areas.length === 0) errors.push({ featureIndex: null, issue: 'not_feature_collection', message: 'the file holds no features' });
  const known = new Set((await listAreaNames(ctx.database.db)).map((a) => a.code));
  const inFile = new Set(parsed.areas.map((a) => a.code));
  parsed.areas.forEach((a, i) => {
    if (a.parentCode && !known.has(a.parentCode) && !inFile.has(a.parentCode) && !known.has(a.code)) {
      errors.push({ featureIndex: i, areaCode: a.code, issue: 'parent_mismatch', message: `${a.code}: parent ${a.parentCode} is neither a known area nor in the file` });
    }
  });
  if (errors.length) return { ok: false, errors };

  // Parents first, so a newly added kelurahan finds its newly added kecamatan.
  const ordered: Area[] = [...parsed.areas].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const now = ctx.clock();
  let inserted = 0;
  let storedBytes = 0;
  const byLevel: Record<string, number> = {};
  await inTransaction(ctx.database, async (trx) => {
    for (const a of ordered) {
      const geometry = encodeAreaGeometry(roundAreaGeometry(a.geometry));
      storedBytes += geometry.length;
      // A kota's parent (the province) is implied by its code; kept only when the province row exists.
      const implied = a.parentCode ?? parentOfAreaCode(a.code);
      const parent = implied && (known.has(implied) || inFile.has(implied)) ? implied : null;
      if ((await upsertAreaGeometry(trx, { code: a.code, name: a.name, level: a.level, parent_code: parent, geometry })) === 'inserted') inserted++;
      byLevel[a.level] = (byLevel[a.level] ?? 0) + 1;
    }
    await bumpAreasVersion(trx, `${now.toISOString()}#${parsed.areas.length}`);
  });
  invalidateEngine(ctx);
  return { ok: true, imported: ordered.length, inserted, updated: ordered.length - inserted, byLevel, warnings: parsed.warnings, storedBytes };
}
