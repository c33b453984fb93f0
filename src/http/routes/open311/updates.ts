import type { FastifyReply, FastifyRequest } from 'fastify';
import { readUpdatesQuery } from '../../../channels/open311/query.js';
import { MAX_DESCRIPTION, single } from '../../../channels/open311/request-form.js';
import { buildUpdates } from '../../../channels/open311/updates.js';
import { forbidden, notFound, validationFailed, type ErrorDetail } from '../../../domain/errors.js';
import { addCaseComment } from '../../../services/cases/add-comment.js';
import type { AppContext } from '../../../services/context.js';
import { findCaseOwner, publicCaseEvents, publicStaffReplies } from '../../../store/open311.repository.js';
import { sendDocument, type Format } from './format.js';
import { checkJurisdiction, paramsOf, requirePartner } from './params.js';
import { presentOptions, presentUpdate } from './present.js';

/**
 * The `servicerequestupdates` extension. GET lists status changes and officers' public replies on public
 * cases (citizens' and partners' own messages are left out: they may carry personal data, and a partner would
 * only get its own messages back). POST adds a citizen's update, relayed by the partner, as a public comment.
 */
export async function getUpdates(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) {
  const params = paramsOf(request);
  checkJurisdiction(ctx, params);
  const q = readUpdatesQuery(params, ctx.clock(), ctx.config.timezone);
  const db = ctx.database.db;
  // Both lists are sorted by time, so the first `offset + pageSize` of each hold the page of the merge.
  const limit = q.page * q.pageSize;
  const filter = { tickets: q.ids, from: q.window?.from.toISOString(), to: q.window?.to.toISOString(), limit };
  const [events, replies] = await Promise.all([publicCaseEvents(db, filter), publicStaffReplies(db, filter)]);
  const caseIds = [...new Set(replies.map((r) => r.caseId))];
  const history = caseIds.length ? await publicCaseEvents(db, { caseIds }) : [];
  const items = buildUpdates(events, replies, history).slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const o = presentOptions(ctx);
  return sendDocument(reply, format, { root: 'service_request_updates', body: items.map((u) => presentUpdate(u, o)) });
}

export async function postUpdate(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) {
  const params = paramsOf(request);
  checkJurisdiction(ctx, params);
  const partner = await requirePartner(ctx, request, params, 'create_update');
  const problems: ErrorDetail[] = [];
  const id = single(params, 'service_request_id', problems);
  const description = single(params, 'description', problems);
  const mediaUrl = single(params, 'media_url', problems);
  if (id === undefined) problems.push({ field: 'service_request_id', message: 'required' });
  if (description === undefined) problems.push({ field: 'description', message: 'required' });
  else if (description.length > MAX_DESCRIPTION) problems.push({ field: 'description', message: `at most ${MAX_DESCRIPTION} characters` });
  if (mediaUrl !== undefined && (mediaUrl.length > 2000 || !/^https?:\/\/\S+$/i.test(mediaUrl))) problems.push({ field: 'media_url', message: 'must be an http(s) URL' });
  if (problems.length) throw validationFailed(problems);
  const kase = id!.length <= 40 ? await findCaseOwner(ctx.database.db, id!) : undefined;
  if (!kase) throw notFound('service_request_id', id!);
  // A partner speaks for the citizens it brought in, not for other people's reports.
  if (kase.partnerApiKeyId !== partner.apiKeyId) throw forbidden('partners may add updates only to requests they submitted');
  // The photo is not fetched (no server-side requests to partner-given URLs); officers see its address.
  const body = mediaUrl ? `${description}\n\nFoto / photo: ${mediaUrl}` : description!;
  const commentId = await addCaseComment(ctx, { caseRef: kase.id, actor: partner, body, visibility: 'public', authorName: partner.partnerName }, { requestId: request.id });
  return sendDocument(reply, format, { root: 'service_request_updates', body: [{ update_id: `c${commentId}` }] }, 201);
}
