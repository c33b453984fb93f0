import type { FastifyInstance } from 'fastify';
import contentDisposition from 'content-disposition';
import { ACTION_NAMES, type ActionInput, type ActionName } from '../../../domain/case/workflow.js';
import type { AttachmentInput } from '../../../domain/intake/normalized-complaint.js';
import { addCaseComment } from '../../../services/cases/add-comment.js';
import { attachmentFile, getCaseDetail } from '../../../services/cases/get-case.js';
import { listCases } from '../../../services/cases/list-cases.js';
import { splitCase } from '../../../services/cases/split-case.js';
import { routingTableAgency } from '../../../services/routing/routing-table.js';
import { transitionCase } from '../../../services/cases/transition-case.js';
import { updateCaseDetails } from '../../../services/cases/update-case-details.js';
import type { AppContext } from '../../../services/context.js';
import { requireStaff, requireStaffOrPartner } from '../../auth.js';
import { readMultipart } from '../../multipart.js';
import { assertValid } from '../../validate.js';
import { presentCase } from './present.js';
import { presentDetail } from './present-detail.js';
import { actionBodySchema, detailsPatchSchema, listQuerySchema, splitBodySchema } from './schema.js';

const csv = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export async function caseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/cases', { schema: { tags: ['cases'], summary: 'Search and list cases', querystring: listQuerySchema }, preHandler: requireStaffOrPartner() }, async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const page = await listCases(ctx, request.actor!, {
      status: csv(q.status),
      agency: q.agency,
      area: q.area,
      category: csv(q.category),
      channel: csv(q.channel),
      from: q.from,
      to: q.to,
      overdue: q.overdue === 'true',
      q: q.q,
      cursor: q.cursor,
      limit: q.limit ? Number(q.limit) : undefined,
    });
    return { items: page.items.map((c) => presentCase(c, request.actor)), next_cursor: page.nextCursor };
  });

  app.get('/api/cases/:ref', { schema: { tags: ['cases'], summary: 'Case detail with its timeline' }, preHandler: requireStaffOrPartner() }, async (request) => {
    const { ref } = request.params as { ref: string };
    return presentDetail(await getCaseDetail(ctx, request.actor!, ref), request.actor!);
  });

  app.post(
    '/api/cases/:ref/actions/:action',
    {
      schema: { tags: ['cases'], summary: `Take a workflow action (${ACTION_NAMES.join(', ')})`, params: { type: 'object', properties: { ref: { type: 'string' }, action: { type: 'string', enum: ACTION_NAMES } } } },
      preValidation: async (request) => {
        if (!request.isMultipart()) assertValid(actionBodySchema, request.body ?? {});
      },
      preHandler: requireStaff(),
    },
    async (request) => {
      const { ref, action } = request.params as { ref: string; action: ActionName };
      let body: Record<string, unknown> = (request.body as Record<string, unknown>) ?? {};
      let files: AttachmentInput[] = [];
      if (request.isMultipart()) {
        const mp = await readMultipart(request);
        body = assertValid(actionBodySchema, coerceActionFields(mp.fields));
        // An officer's file is never the citizen's evidence (which is published): 'after' proof when resolving,
        // an internal document otherwise, whatever the form field was called.
        files = mp.files.map((f) => ({ ...f, role: action === 'resolve' ? 'after' : 'document' }));
      }
      const input: ActionInput = {
        targetAgencyId: body.target_agency as string | undefined,
        reason: body.reason as string | undefined,
        misrouted: body.misrouted as boolean | undefined,
        publicNote: body.public_note as string | undefined,
        rejectReason: body.reject_reason as string | undefined,
        forwardedTo: body.forwarded_to as string | undefined,
        targetCaseId: body.target_case as number | undefined,
      };
      const res = await transitionCase(ctx, { caseRef: ref, action, input, actor: request.actor!, attachments: files }, { requestId: request.id });
      return presentCase(res.case, request.actor);
    },
  );

  app.post(
    '/api/cases/:ref/split',
    {
      schema: { tags: ['cases'], summary: 'Split the extra problems of a report off into new cases (each routed on its own)', body: splitBodySchema },
      preHandler: requireStaff(),
    },
    async (request, reply) => {
      const { ref } = request.params as { ref: string };
      const b = request.body as { reason?: string; parts: { text: string; category?: string; area?: string; title?: string; address?: string }[] };
      const parts = b.parts.map((p) => ({ text: p.text, categoryCode: p.category, areaCode: p.area, title: p.title, address: p.address }));
      const res = await splitCase(ctx, { caseRef: ref, parts, reason: b.reason, actor: request.actor! }, { requestId: request.id });
      const created = res.created.map((c) => ({ id: c.id, ticket: c.ticket, status: c.status, category: c.category_code, area: c.area_code, agency: c.agency_id }));
      return reply.status(201).send({ case: presentDetail(await getCaseDetail(ctx, request.actor!, res.case.id), request.actor!), created });
    },
  );

  app.get('/api/cases/:ref/routing', { schema: { tags: ['cases'], summary: 'The agency the routing table names for this case (for dispatch)' }, preHandler: requireStaff() }, async (request) => {
    const { ref } = request.params as { ref: string };
    const detail = await getCaseDetail(ctx, request.actor!, ref);
    const c = detail.case;
    if (!c.category_code) return { agency: null, reason: 'no_category' };
    const agency = await routingTableAgency(ctx.database.db, c.category_code, c.area_code);
    return { agency, reason: agency ? 'routing_table' : 'no_rule_for_place' };
  });

  app.patch(
    '/api/cases/:ref',
    { schema: { tags: ['cases'], summary: 'Structure or correct a case: category, place, priority, title', body: detailsPatchSchema }, preHandler: requireStaff() },
    async (request) => {
      const { ref } = request.params as { ref: string };
      const b = request.body as Record<string, never>;
      const loc = b.location as { lat?: number; lng?: number } | null | undefined;
      const updated = await updateCaseDetails(
        ctx,
        ref,
        { categoryCode: b.category, areaCode: b.area, address: b.address, priority: b.priority, title: b.title, ...(loc === null ? { lat: null, lng: null } : loc ? { lat: loc.lat, lng: loc.lng } : {}) },
        request.actor!,
        { requestId: request.id },
      );
      return presentCase(updated, request.actor);
    },
  );

  app.post(
    '/api/cases/:ref/comments',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add a public reply or an internal note',
        body: { type: 'object', required: ['body', 'visibility'], additionalProperties: false, properties: { body: { type: 'string', minLength: 1, maxLength: 4000 }, visibility: { type: 'string', enum: ['public', 'internal'] } } },
      },
      preHandler: requireStaff(),
    },
    async (request, reply) => {
      const { ref } = request.params as { ref: string };
      const b = request.body as { body: string; visibility: 'public' | 'internal' };
      const id = await addCaseComment(ctx, { caseRef: ref, actor: request.actor!, body: b.body, visibility: b.visibility }, { requestId: request.id });
      return reply.status(201).send({ id });
    },
  );

  app.get('/api/cases/:ref/attachments/:id', { schema: { tags: ['cases'], summary: 'Download an attachment (original, for officers)' }, preHandler: requireStaffOrPartner() }, async (request, reply) => {
    const { ref, id } = request.params as { ref: string; id: string };
    const detail = await getCaseDetail(ctx, request.actor!, ref);
    const att = /^\d+$/.test(id) ? await ctx.database.db.selectFrom('attachments').select('sha256').where('case_id', '=', detail.case.id).where('id', '=', Number(id)).executeTakeFirst() : undefined;
    const file = att && attachmentFile(detail, request.actor!, Number(id), att.sha256);
    if (!file) return reply.status(404).send({ error: { code: 'not_found', message: 'Lampiran tidak ditemukan', message_en: 'Attachment not found' } });
    return reply.type(file.content_type).header('content-disposition', contentDisposition(file.filename, { type: 'inline' })).send(await ctx.files.get(file.sha256));
  });
}

function coerceActionFields(f: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === '') continue;
    out[k] = k === 'misrouted' ? v === 'true' || v === '1' : k === 'target_case' ? Number(v) : v;
  }
  return out;
}
