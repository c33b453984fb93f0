import type { FastifyReply, FastifyRequest } from 'fastify';
import { attributesFor } from '../../../channels/open311/attributes.js';
import { readRequestQuery, type RequestQuery } from '../../../channels/open311/query.js';
import { readIdempotencyKey, readRequestForm } from '../../../channels/open311/request-form.js';
import { buildUpdates, type UpdateItem } from '../../../channels/open311/updates.js';
import { DomainError, notFound, validationFailed } from '../../../domain/errors.js';
import type { AppContext } from '../../../services/context.js';
import { submitComplaint } from '../../../services/intake/submit-complaint.js';
import {
  findActiveService,
  firstPublicPhotos,
  latestStaffReplies,
  listPublicRequests,
  publicCaseEvents,
  publicStaffReplies,
  ticketsByIds,
  type PublicRequestRow,
} from '../../../store/open311.repository.js';
import { sendDocument, type Format } from './format.js';
import { checkJurisdiction, one, paramsOf, requirePartner } from './params.js';
import { presentOptions, presentRequest, serviceNotice, type RequestExtras } from './present.js';

/**
 * POST /requests (create, synchronously: the answer carries the ticket as `service_request_id`), GET /requests
 * (public cases only) and GET /requests/{id}.
 */
export async function postRequest(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) {
  const params = paramsOf(request);
  checkJurisdiction(ctx, params);
  const partner = await requirePartner(ctx, request, params, 'create_request');
  const idempotencyKey = readIdempotencyKey(request.headers['idempotency-key']);
  const code = one(params, 'service_code');
  const service = code ? await findActiveService(ctx.database.db, code) : undefined;
  const complaint = readRequestForm(params, {
    service: service ? { code: service.code, name: service.name_id } : null,
    attributeDefs: service ? attributesFor(service.code) : [],
    apiKeyId: partner.apiKeyId,
    idempotencyKey,
    receivedAt: ctx.clock(),
  });
  const result = await submitComplaint(ctx, complaint, { requestId: request.id }).catch((err: unknown) => {
    // The intake names its own field; an Open311 client sent `address_id`.
    if (err instanceof DomainError && err.code === 'unknown_area') throw validationFailed([{ field: 'address_id', message: `unknown area code '${complaint.location?.areaCode}'` }]);
    throw err;
  });
  const body = [{ service_request_id: result.case.ticket, service_notice: serviceNotice(presentOptions(ctx), result.case.ticket), account_id: one(params, 'account_id') ?? null }];
  // A replay of the same Idempotency-Key answers 200 with the first request's id; a new request 201.
  return sendDocument(reply, format, { root: 'service_requests', body }, result.created ? 201 : 200);
}

async function loadExtras(ctx: AppContext, rows: PublicRequestRow[], extensions: boolean): Promise<RequestExtras> {
  const db = ctx.database.db;
  const ids = rows.map((r) => r.id);
  const mergedIds = [...new Set(rows.map((r) => r.merged_into_id).filter((x): x is number => x !== null))];
  const [photos, staffReplies, mergedTickets] = await Promise.all([firstPublicPhotos(db, ids), latestStaffReplies(db, ids), ticketsByIds(db, mergedIds)]);
  const extras: RequestExtras = { photos, staffReplies, mergedTickets };
  if (extensions && ids.length) {
    const [events, replies] = await Promise.all([publicCaseEvents(db, { caseIds: ids }), publicStaffReplies(db, { caseIds: ids })]);
    const notes = new Map<number, UpdateItem[]>();
    for (const item of buildUpdates(events, replies, events)) {
      const list = notes.get(item.caseId) ?? [];
      list.push(item);
      notes.set(item.caseId, list);
    }
    extras.notes = notes;
  }
  return extras;
}

async function findRequests(ctx: AppContext, q: RequestQuery): Promise<ReturnType<typeof presentRequest>[]> {
  const rows = await listPublicRequests(ctx.database.db, {
    tickets: q.ids,
    serviceCodes: q.serviceCodes,
    statuses: q.statuses,
    from: q.window?.from.toISOString(),
    to: q.window?.to.toISOString(),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const extras = await loadExtras(ctx, rows, q.extensions);
  return rows.map((r) => presentRequest(r, extras, presentOptions(ctx), q.extensions));
}

export async function getRequests(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) {
  const params = paramsOf(request);
  checkJurisdiction(ctx, params);
  const q = readRequestQuery(params, ctx.clock(), ctx.config.timezone);
  return sendDocument(reply, format, { root: 'service_requests', body: await findRequests(ctx, q) });
}

export async function getRequest(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, id: string) {
  const params = paramsOf(request);
  checkJurisdiction(ctx, params);
  const extensions = one(params, 'extensions') === 'true';
  const found = id.length <= 40 ? await findRequests(ctx, { ids: [id.toUpperCase()], page: 1, pageSize: 1, extensions }) : [];
  // Non-public (confidential) cases do not exist for Open311.
  if (!found.length) throw notFound('service_request_id', id);
  return sendDocument(reply, format, { root: 'service_requests', body: found });
}
