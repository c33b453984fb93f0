import type { AgencySeed, AreaSeed } from '../domain/catalog/build.js';
import type { CategorySeed } from '../domain/catalog/jakarta-categories.js';
import type { RoutingRule } from '../domain/routing/route.js';
import type { Executor } from './transaction.js';

const CHUNK = 200;

async function chunked<T>(items: T[], fn: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await fn(items.slice(i, i + CHUNK));
}

/** Inserts what is missing and leaves existing rows alone, so seeding at every start is safe. */
export async function insertMissingAreas(db: Executor, areas: AreaSeed[]): Promise<void> {
  // Parents first: the foreign key on parent_code needs them.
  const order = { provinsi: 0, kota: 1, kecamatan: 2, kelurahan: 3 } as const;
  const sorted = [...areas].sort((a, b) => order[a.level] - order[b.level]);
  await chunked(sorted, (part) =>
    db
      .insertInto('areas')
      .values(part.map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode, geometry: null, population: null })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute(),
  );
}

export async function upsertAgencies(db: Executor, agencies: AgencySeed[], overwrite: boolean): Promise<void> {
  const order = { provinsi: 0, kota: 1, kecamatan: 2, kelurahan: 3 } as const;
  const sorted = [...agencies].sort((a, b) => order[a.level] - order[b.level] || (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0));
  await chunked(sorted, (part) =>
    db
      .insertInto('agencies')
      .values(
        part.map((a) => ({
          id: a.id, name: a.name, kind: a.kind, level: a.level, parent_id: a.parentId, area_code: a.areaCode, field: a.field,
          head_name: null, head_title: a.headTitle, head_eselon: a.headEselon, email: null, active: 1,
        })),
      )
      .onConflict((oc) =>
        overwrite
          ? oc.column('id').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind'), level: eb.ref('excluded.level'), parent_id: eb.ref('excluded.parent_id'),
              area_code: eb.ref('excluded.area_code'), field: eb.ref('excluded.field'), head_title: eb.ref('excluded.head_title'), head_eselon: eb.ref('excluded.head_eselon'),
            }))
          : oc.column('id').doNothing(),
      )
      .execute(),
  );
}

export async function upsertCategories(db: Executor, categories: CategorySeed[], overwrite: boolean): Promise<void> {
  await chunked(categories, (part) =>
    db
      .insertInto('categories')
      .values(
        part.map((c) => ({
          code: c.code, name_id: c.nameId, name_en: c.nameEn, description: '', group_name: c.group, keywords: c.keywords,
          default_level: c.level, field: c.field, sla_policy: c.sla, priority: c.priority ?? 'normal',
          requires_after_photo: c.afterPhoto === false ? 0 : 1, active: 1,
        })),
      )
      .onConflict((oc) =>
        overwrite
          ? oc.column('code').doUpdateSet((eb) => ({
              name_id: eb.ref('excluded.name_id'), name_en: eb.ref('excluded.name_en'), group_name: eb.ref('excluded.group_name'), keywords: eb.ref('excluded.keywords'),
              default_level: eb.ref('excluded.default_level'), field: eb.ref('excluded.field'), sla_policy: eb.ref('excluded.sla_policy'), priority: eb.ref('excluded.priority'),
              requires_after_photo: eb.ref('excluded.requires_after_photo'),
            }))
          : oc.column('code').doNothing(),
      )
      .execute(),
  );
}

export async function upsertRoutingRules(db: Executor, rules: RoutingRule[], overwrite: boolean): Promise<void> {
  await chunked(rules, (part) =>
    db
      .insertInto('routing_rules')
      .values(part.map((r) => ({ category_code: r.categoryCode, area_code: r.areaCode, agency_id: r.agencyId })))
      .onConflict((oc) =>
        overwrite
          ? oc.columns(['category_code', 'area_code']).doUpdateSet((eb) => ({ agency_id: eb.ref('excluded.agency_id') }))
          : oc.columns(['category_code', 'area_code']).doNothing(),
      )
      .execute(),
  );
}

export async function rulesForCategory(db: Executor, categoryCode: string, areaCandidates: string[]): Promise<RoutingRule[]> {
  const rows = await db
    .selectFrom('routing_rules')
    .select(['category_code', 'area_code', 'agency_id'])
    .where('category_code', '=', categoryCode)
    .where('area_code', 'in', areaCandidates)
    .execute();
  return rows.map((r) => ({ categoryCode: r.category_code, areaCode: r.area_code, agencyId: r.agency_id }));
}

export async function findCategory(db: Executor, code: string) {
  return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findAgency(db: Executor, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findArea(db: Executor, code: string) {
  return db.selectFrom('areas').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst();
}

/** The agency and every ancestor up to the top: officers of a parent see their children's cases. */
export async function agencyAncestors(db: Executor, id: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = id;
  while (current && out.length < 10) {
    out.push(current);
    const row: { parent_id: string | null } | undefined = await db.selectFrom('agencies').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return out;
}

export async function agencyDescendants(db: Executor, id: string): Promise<string[]> {
  const out = [id];
  let frontier = [id];
  while (frontier.length) {
    const rows = await db.selectFrom('agencies').select('id').where('parent_id', 'in', frontier).execute();
    frontier = rows.map((r) => r.id);
    out.push(...frontier);
  }
  return out;
}
