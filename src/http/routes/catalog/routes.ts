import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { exportCatalog, importCatalog, type CatalogDocument } from '../../../services/reference/catalog-io.js';
import { requireStaff } from '../../auth.js';

/** Reference data: readable by everyone (it is public), editable by admins. */
export async function catalogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  app.get('/api/categories', { schema: { tags: ['catalog'], summary: 'Complaint categories' } }, async () =>
    (await db.selectFrom('categories').selectAll().where('active', '=', 1).orderBy('group_name').orderBy('code').execute()).map((c) => ({
      code: c.code, name: c.name_id, name_en: c.name_en, group: c.group_name, keywords: c.keywords ? c.keywords.split(',') : [], default_level: c.default_level, field: c.field, sla_policy: c.sla_policy, priority: c.priority, requires_after_photo: c.requires_after_photo === 1,
    })),
  );
  app.get('/api/agencies', { schema: { tags: ['catalog'], summary: 'Agencies (Perangkat Daerah) as a hierarchy', querystring: { type: 'object', properties: { level: { type: 'string' }, kind: { type: 'string' } } } } }, async (request) => {
    const q = request.query as { level?: string; kind?: string };
    let query = db.selectFrom('agencies').selectAll().where('active', '=', 1);
    if (q.level) query = query.where('level', '=', q.level as never);
    if (q.kind) query = query.where('kind', '=', q.kind);
    return (await query.orderBy('id').execute()).map((a) => ({ id: a.id, name: a.name, kind: a.kind, level: a.level, parent: a.parent_id, area: a.area_code, field: a.field, head: { name: a.head_name, title: a.head_title, eselon: a.head_eselon } }));
  });
  app.get('/api/areas', { schema: { tags: ['catalog'], summary: 'Administrative areas', querystring: { type: 'object', properties: { parent: { type: 'string' }, level: { type: 'string' } } } } }, async (request) => {
    const q = request.query as { parent?: string; level?: string };
    let query = db.selectFrom('areas').select(['code', 'name', 'level', 'parent_code']);
    if (q.parent) query = query.where('parent_code', '=', q.parent);
    if (q.level) query = query.where('level', '=', q.level as never);
    return (await query.orderBy('code').execute()).map((a) => ({ code: a.code, name: a.name, level: a.level, parent: a.parent_code }));
  });
  app.get('/api/catalog', { schema: { tags: ['catalog'], summary: 'Export agencies, categories and routing rules' }, preHandler: requireStaff(['admin']) }, async () => exportCatalog(ctx));
  app.put('/api/catalog', { schema: { tags: ['catalog'], summary: 'Import (upsert) agencies, categories and routing rules' }, preHandler: requireStaff(['admin']) }, async (request) => importCatalog(ctx, request.body as CatalogDocument, `user:${request.user!.id}`));
}
