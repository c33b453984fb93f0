import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError, ErrorCode } from '../../../domain/errors.js';
import { toDomainError } from '../../errors.js';
import { formatOfUrl, sendDocument } from './format.js';

/**
 * Open311's error rules, for the Open311 routes only: 404 for a missing resource, 403 for a bad or missing key,
 * 400 for everything else; the body is a list of `{code, description}`, one per problem.
 */
export interface Open311Error {
  code: number;
  description: string;
}

const NOT_FOUND: ReadonlySet<ErrorCode> = new Set(['not_found', 'case_not_found', 'invalid_access_code', 'channel_disabled']);
const FORBIDDEN: ReadonlySet<ErrorCode> = new Set(['forbidden', 'unauthenticated', 'invalid_signature']);

export function open311Status(code: ErrorCode): 400 | 403 | 404 {
  if (NOT_FOUND.has(code)) return 404;
  if (FORBIDDEN.has(code)) return 403;
  return 400;
}

/** One error per detail (every problem of a request at once), else the error's own message. */
export function open311Errors(err: DomainError): { status: number; errors: Open311Error[] } {
  const status = open311Status(err.code);
  const errors = err.details.length
    ? err.details.map((d) => ({ code: status, description: d.field ? `${d.field}: ${d.message}` : d.message }))
    : [{ code: status, description: err.messageEn }];
  return { status, errors };
}

export function sendErrors(reply: FastifyReply, url: string, status: number, errors: Open311Error[]): FastifyReply {
  return sendDocument(reply, formatOfUrl(url), { root: 'errors', body: errors.map((e) => ({ code: e.code, description: e.description })) }, status);
}

export function open311ErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const domain = toDomainError(err);
  if (domain) {
    const { status, errors } = open311Errors(domain);
    return sendErrors(reply, request.url, status, errors);
  }
  request.log.error({ err, cat: 'open311' }, 'unhandled error');
  return sendErrors(reply, request.url, 500, [{ code: 500, description: 'Internal server error' }]);
}

export function open311NotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrors(reply, request.url, 404, [{ code: 404, description: `No Open311 resource at ${request.url.split('?')[0]}` }]);
}
