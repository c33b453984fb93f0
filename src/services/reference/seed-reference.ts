import { buildJakartaCatalog } from '../../domain/catalog/build.js';
import { loadProvinceAreas } from '../../store/reference-areas.js';
import { insertMissingAreas, upsertAgencies, upsertCategories, upsertRoutingRules } from '../../store/reference.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

/**
 * Seeds Jakarta's areas, agencies, categories and routing table. Idempotent: only missing rows are added,
 * so edits made by an admin survive every restart.
 */
/** Bump when the shipped catalogue changes, so existing databases receive the new rows at the next start. */
export const REFERENCE_SEED_VERSION = 'jakarta-2026-11-28.1';

export async function seedReferenceData(ctx: AppContext): Promise<{ areas: number; agencies: number; categories: number; rules: number } | null> {
  const db = ctx.database.db;
  const marker = await db.selectFrom('settings').select('value').where('key', '=', 'reference_seed').executeTakeFirst();
  // Reading the package's 80,000 villages and checking 3,000 rows takes seconds; once per version is enough.
  if (marker?.value === REFERENCE_SEED_VERSION) return null;
  const areas = await loadProvinceAreas('31');
  const catalog = buildJakartaCatalog(areas);
  await inTransaction(ctx.database, async (trx) => {
    await insertMissingAreas(trx, areas);
    await upsertAgencies(trx, catalog.agencies, false);
    await upsertCategories(trx, catalog.categories, false);
    await upsertRoutingRules(trx, catalog.rules, false);
    await trx
      .insertInto('settings')
      .values({ key: 'reference_seed', value: REFERENCE_SEED_VERSION })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: REFERENCE_SEED_VERSION }))
      .execute();
  });
  return { areas: areas.length, agencies: catalog.agencies.length, categories: catalog.categories.length, rules: catalog.rules.length };
}
