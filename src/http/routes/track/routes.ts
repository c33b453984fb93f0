import type { FastifyInstance } from 'fastify';
import { actorLabel } from '../../../domain/case/roles.js';
import { STATUS_LABELS, type Status } from '../../../domain/case/status.js';
import { DomainError } from '../../../domain/errors.js';
import { authenticateCitizen, citizenAddInfo, citizenRate } from '../../../services/cases/citizen-actions.js';
import { transitionCase } from '../../../services/cases/transition-case.js';
import type { AppContext } from '../../../services/context.js';
import { findCaseByTicket, findSplitLinks } from '../../../store/case.repository.js';
import { presentPublicCase } from '../cases/present.js';

const codeBody = (extra: Record<string, object> = {}, required: string[] = []) => ({
  type: 'object',
  required: ['code', ...required],
  additionalProperties: false,
  properties: { code: { type: 'string', minLength: 4, maxLength: 12 }, ...extra },
});

/** Citizen tracking: anyone sees a public case's progress by ticket; the access code unlocks the reporter's actions. */
export async function trackRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/track/:ticket', { schema: { tags: ['tracking'], summary: 'Track a case by ticket (code optional)', querystring: { type: 'object', properties: { code: { type: 'string', maxLength: 12 } } } } }, async (request) => {
    const { ticket } = request.params as { ticket: string };
    const { code } = request.query as { code?: string };
    const citizen = code ? await authenticateCitizen(ctx, ticket, code) : null;
    const kase = citizen ? citizen.kase : await findCaseByTicket(ctx.database.db, ticket);
    if (!kase || (!code && kase.is_public !== 1)) throw new DomainError('case_not_found', `Laporan '${ticket}' tidak ditemukan`, `Case '${ticket}' not found`);
    const db = ctx.database.db;
    // Officers' public replies are for everyone; what a citizen wrote (often a name, a phone, a house) only for
    // that citizen, and what a partner relayed (its own citizen's words) for nobody here.
    const own = citizen ? actorLabel(citizen.actor) : null;
    const comments = await db
      .selectFrom('comments')
      .select(['body', 'author', 'created_at'])
      .where('case_id', '=', kase.id)
      .where('visibility', '=', 'public')
      .where((eb) => eb.or([eb('author', 'like', 'user:%'), eb('author', 'like', 'system:%'), ...(own ? [eb('author', '=', own)] : [])]))
      .orderBy('id')
      .execute();
    const events = await db.selectFrom('events').select(['action', 'at', 'after']).where('case_id', '=', kase.id).where('action', 'like', 'case.%').orderBy('seq').execute();
    const pub = presentPublicCase(kase);
    // Citizens know tickets, not internal ids: a merged case points to the ticket that carries on.
    const mergedInto = kase.merged_into_id ? await db.selectFrom('cases').select('ticket').where('id', '=', kase.merged_into_id).executeTakeFirst() : undefined;
    // A report split into several cases links both ways, so the citizen finds each of their problems.
    const split = await findSplitLinks(db, kase);
    return {
      ...pub,
      merged_into_ticket: mergedInto?.ticket ?? null,
      split_from_ticket: split.splitFrom,
      split_into_tickets: split.splitInto.map((c) => c.ticket),
      title: code ? kase.title : pub.title,
      description: code ? kase.description : pub.description,
      replies: comments.map((c) => ({ from: c.author.startsWith('citizen') ? 'pelapor' : 'petugas', body: c.body, at: c.created_at })),
      history: events.map((e) => {
        const status = e.after ? ((JSON.parse(e.after) as { status?: string }).status ?? null) : null;
        return { at: e.at, action: e.action.replace(/^case\./, ''), status, status_label: status ? (STATUS_LABELS[status as Status] ?? null) : null };
      }),
      can: code ? { add_info: ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'].includes(kase.status), rate: ['selesai', 'ditutup'].includes(kase.status), confirm: kase.status === 'selesai', reopen: ['selesai', 'ditutup'].includes(kase.status) } : undefined,
    };
  });

  app.post('/api/track/:ticket/messages', { schema: { tags: ['tracking'], summary: 'Add information to my complaint', body: codeBody({ text: { type: 'string', minLength: 1, maxLength: 4000 } }, ['text']) } }, async (request, reply) => {
    const { ticket } = request.params as { ticket: string };
    const b = request.body as { code: string; text: string };
    const kase = await citizenAddInfo(ctx, ticket, b.code, b.text, request.id);
    return reply.status(201).send({ ticket: kase.ticket, status: kase.status });
  });

  app.post('/api/track/:ticket/rating', { schema: { tags: ['tracking'], summary: 'Rate the result (1–5)', body: codeBody({ score: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 1000 } }, ['score']) } }, async (request, reply) => {
    const { ticket } = request.params as { ticket: string };
    const b = request.body as { code: string; score: number; comment?: string };
    await citizenRate(ctx, ticket, b.code, b.score, b.comment, request.id);
    return reply.status(201).send({ ok: true });
  });

  for (const action of ['confirm', 'reopen'] as const) {
    app.post(
      `/api/track/:ticket/${action}`,
      { schema: { tags: ['tracking'], summary: action === 'confirm' ? 'Confirm the case is resolved' : 'Reopen a resolved case', body: codeBody({ reason: { type: 'string', maxLength: 2000 } }, action === 'reopen' ? ['reason'] : []) } },
      async (request) => {
        const { ticket } = request.params as { ticket: string };
        const b = request.body as { code: string; reason?: string };
        const { kase, actor } = await authenticateCitizen(ctx, ticket, b.code);
        const res = await transitionCase(ctx, { caseRef: kase.id, action, input: { reason: b.reason }, actor }, { requestId: request.id });
        return { ticket: res.case.ticket, status: res.case.status };
      },
    );
  }
}
