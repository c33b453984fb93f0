import type { FastifyReply, FastifyRequest } from 'fastify';
import { attributesFor } from '../../../channels/open311/attributes.js';
import { notFound } from '../../../domain/errors.js';
import type { AppContext } from '../../../services/context.js';
import { findActiveService, findTokenRequest, listActiveServices } from '../../../store/open311.repository.js';
import { sendDocument, type Format } from './format.js';
import { checkJurisdiction, paramsOf } from './params.js';
import { presentDefinition, presentDiscovery, presentOptions, presentService } from './present.js';

/** Discovery, the service list (the active categories), service definitions and token lookups. */

export async function getDiscovery(ctx: AppContext, _request: FastifyRequest, reply: FastifyReply, format: Format) {
  return sendDocument(reply, format, { root: 'discovery', body: presentDiscovery(presentOptions(ctx), ctx.config.jurisdictionId) });
}

export async function getServices(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format) {
  checkJurisdiction(ctx, paramsOf(request));
  const services = await listActiveServices(ctx.database.db);
  return sendDocument(reply, format, { root: 'services', body: services.map((s) => presentService(s, attributesFor(s.code))) });
}

export async function getServiceDefinition(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, code: string) {
  checkJurisdiction(ctx, paramsOf(request));
  const service = await findActiveService(ctx.database.db, code);
  if (!service) throw notFound('service_code', code);
  return sendDocument(reply, format, { root: 'service_definition', body: presentDefinition(service.code, attributesFor(service.code)) });
}

export async function getToken(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, format: Format, token: string) {
  checkJurisdiction(ctx, paramsOf(request));
  const found = /^[0-9a-f]{8,40}$/i.test(token) ? await findTokenRequest(ctx.database.db, token.toLowerCase()) : undefined;
  if (!found) throw notFound('token', token);
  return sendDocument(reply, format, { root: 'service_requests', body: [{ service_request_id: found.ticket, token: found.token }] });
}
