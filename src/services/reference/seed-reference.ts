import { buildJakartaCatalog } from '../../domain/catalog/build.js';
import { loadProvinceAreas } from '../../store/reference-areas.js';
import { insertMissingAreas, upsertAgencies, upsertCategories, upsertRoutingRules } from '../../store/reference.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

/**
 * Seeds Jakarta's areas, agencies, categories and routing table. Idempotent: only missing rows are added,
 * so edits made by an admin survive every restart.
 */
export async function seedReferenceData(ctx: AppContext): Promise<{ areas: number; agencies: number; categories: number; rules: number }> {
  const areas = await loadProvinceAreas('31');
  const catalog = buildJakartaCatalog(areas);
  await inTransaction(ctx.database, async (trx) => {
    await insertMissingAreas(trx, areas);
    await upsertAgencies(trx, catalog.agencies, false);
    await upsertCategories(trx, catalog.categories, false);
    await upsertRoutingRules(trx, catalog.rules, false);
  });
  return { areas: areas.length, agencies: catalog.agencies.length, categories: catalog.categories.length, rules: catalog.rules.length };
}
