import { z } from 'zod';
import { validationFailed } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { upsertAgencies, upsertCategories, upsertRoutingRules } from '../../store/reference.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

const level = z.enum(['provinsi', 'kota', 'kecamatan', 'kelurahan']);

const agency = z.object({
  id: z.string().min(1).max(80),
  name: z.string().min(1),
  kind: z.string().min(1),
  level,
  parent: z.string().nullable().optional(),
  area: z.string().nullable().optional(),
  field: z.string().nullable().optional(),
  head: z.object({ name: z.string().nullable().optional(), title: z.string().nullable().optional(), eselon: z.string().nullable().optional() }).optional(),
});

const category = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().min(1),
  name_en: z.string().min(1),
  group: z.string().default(''),
  keywords: z.array(z.string()).default([]),
  default_level: level,
  field: z.string().nullable().optional(),
  sla_policy: z.string().min(1),
  priority: z.enum(['normal', 'tinggi', 'darurat']).default('normal'),
  requires_after_photo: z.boolean().default(true),
});

const rule = z.object({ category: z.string().min(1), area: z.string().default(''), agency: z.string().min(1) });

export const catalogSchema = z.object({
  agencies: z.array(agency).default([]),
  categories: z.array(category).default([]),
  routing_rules: z.array(rule).default([]),
});

export type CatalogDocument = z.input<typeof catalogSchema>;

/** The editable catalogue as one document (YAML or JSON on the CLI, JSON over the API). */
export async function exportCatalog(ctx: AppContext): Promise<z.output<typeof catalogSchema>> {
  const db = ctx.database.db;
  const [agencies, categories, rules] = await Promise.all([
    db.selectFrom('agencies').selectAll().orderBy('id').execute(),
    db.selectFrom('categories').selectAll().orderBy('code').execute(),
    db.selectFrom('routing_rules').selectAll().orderBy('category_code').orderBy('area_code').execute(),
  ]);
  return {
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, level: a.level, parent: a.parent_id, area: a.area_code, field: a.field, head: { name: a.head_name, title: a.head_title, eselon: a.head_eselon } })),
    categories: categories.map((c) => ({
      code: c.code, name: c.name_id, name_en: c.name_en, group: c.group_name, keywords: c.keywords ? c.keywords.split(',') : [], default_level: c.default_level, field: c.field, sla_policy: c.sla_policy, priority: c.priority as 'normal', requires_after_photo: c.requires_after_photo === 1,
    })),
    routing_rules: rules.map((r) => ({ category: r.category_code, area: r.area_code, agency: r.agency_id })),
  };
}

/** Upserts the document in one transaction: all of it applies, or (on any error) none of it. */
export async function importCatalog(ctx: AppContext, doc: unknown, actor = 'system:cli'): Promise<{ agencies: number; categories: number; routing_rules: number }> {
  const parsed = catalogSchema.safeParse(doc);
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const d = parsed.data;
  await inTransaction(ctx.database, async (trx) => {
    await upsertAgencies(
      trx,
      d.agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, level: a.level, parentId: a.parent ?? null, areaCode: a.area ?? null, field: a.field ?? null, headTitle: a.head?.title ?? '', headEselon: a.head?.eselon ?? '' })),
      true,
    );
    for (const a of d.agencies) if (a.head?.name !== undefined) await trx.updateTable('agencies').set({ head_name: a.head.name }).where('id', '=', a.id).execute();
    await upsertCategories(
      trx,
      d.categories.map((c) => ({ code: c.code, nameId: c.name, nameEn: c.name_en, group: c.group, field: c.field ?? null, level: c.default_level, sla: c.sla_policy, priority: c.priority, afterPhoto: c.requires_after_photo, keywords: c.keywords.join(',') })),
      true,
    );
    await upsertRoutingRules(trx, d.routing_rules.map((r) => ({ categoryCode: r.category, areaCode: r.area, agencyId: r.agency })), true);
    await appendEvent(trx, { caseId: null, action: 'catalog.imported', actor, after: { agencies: d.agencies.length, categories: d.categories.length, routing_rules: d.routing_rules.length }, at: ctx.clock() });
  });
  return { agencies: d.agencies.length, categories: d.categories.length, routing_rules: d.routing_rules.length };
}
