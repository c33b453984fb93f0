import { areaAncestry, resolveAgency } from '../../domain/routing/route.js';
import { rulesForCategory } from '../../store/reference.repository.js';
import type { Executor } from '../../store/transaction.js';

/** The agency the routing table names for a category at a place (the most specific rule wins), or null. */
export async function routingTableAgency(db: Executor, categoryCode: string, areaCode: string | null): Promise<string | null> {
  return resolveAgency(await rulesForCategory(db, categoryCode, areaAncestry(areaCode)), categoryCode, areaCode);
}
