import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.js';

/** The one place where error codes become HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 400,
  case_not_found: 404,
  not_found: 404,
  transition_not_allowed: 409,
  transition_requirement_missing: 422,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  unknown_service_code: 400,
  unknown_category: 400,
  unknown_agency: 400,
  unknown_area: 400,
  invalid_coordinates: 400,
  unsupported_media_type: 415,
  file_too_large: 413,
  payload_too_large: 413,
  invalid_signature: 401,
  reopen_window_passed: 409,
  invalid_access_code: 404,
  channel_disabled: 404,
};

export interface ErrorBody {
  error: { code: string; message: string; message_en: string; details?: { field?: string; message: string }[]; request_id?: string };
}

/**
 * Errors of the multipart parser (@fastify/busboy, and busboy's wording for the same faults) are plain `Error`s
 * with no code or status: a truncated body, a missing/empty/over-long boundary, a malformed part header. They are
 * the client's fault, so they become 400 validation_failed. Recognised by message; the needle errors of the
 * boundary search are generic enough that they must also come from busboy's code.
 */
const MULTIPART_PARSE_MESSAGES: readonly RegExp[] = [
  /^Unexpected end of (multipart data|form|file)$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^Malformed (part header|urlencoded form)$/,
];
const BOUNDARY_SEARCH_MESSAGES: readonly RegExp[] = [/^The needle cannot be an empty String\/Buffer\.$/, /^The needle cannot have a length bigger than 256\.$/];

export function isMultipartParseError(err: Error): boolean {
  const fe = err as Partial<FastifyError>;
  if (fe.code !== undefined || fe.statusCode !== undefined) return false;
  if (MULTIPART_PARSE_MESSAGES.some((re) => re.test(err.message))) return true;
  return BOUNDARY_SEARCH_MESSAGES.some((re) => re.test(err.message)) && /busboy|multipart/i.test(err.stack ?? '');
}

const malformedMultipart = (what: string) =>
  new DomainError(
    'validation_failed',
    `Data tidak valid: isi multipart rusak atau terpotong (${what})`,
    `Invalid input: the multipart body is malformed or truncated (${what})`,
    [{ field: 'body', message: what }],
  );

/** Maps fastify's own errors (schema validation, body size, content type, JSON syntax, multipart parsing) onto our codes. */
export function toDomainError(err: FastifyError | Error): DomainError | null {
  if (err instanceof DomainError) return err;
  if (isMultipartParseError(err)) return malformedMultipart(err.message);
  const fe = err as FastifyError & { validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[] };
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (v.params?.missingProperty as string | undefined) || undefined,
      message: v.message ?? 'invalid',
    }));
    return new DomainError('validation_failed', `Data tidak valid: ${details.map((d) => `${d.field ?? ''} ${d.message}`.trim()).join('; ')}`, `Invalid input: ${details.map((d) => `${d.field ?? ''} ${d.message}`.trim()).join('; ')}`, details);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('payload_too_large', 'Isi permintaan terlalu besar', 'Request body too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupported_media_type', 'Jenis konten tidak didukung', 'Unsupported content type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('validation_failed', 'Isi permintaan bukan JSON yang valid', 'The request body is not valid JSON');
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return malformedMultipart(fe.message);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('unsupported_media_type', 'Permintaan bukan multipart', 'The request is not multipart');
  }
  if (fe.statusCode === 400) return new DomainError('validation_failed', `Permintaan tidak valid: ${fe.message}`, `Bad request: ${fe.message}`);
  if (fe.statusCode === 413) return new DomainError('payload_too_large', 'Isi permintaan terlalu besar', 'Request body too large');
  if (fe.statusCode === 415) return new DomainError('unsupported_media_type', 'Jenis konten tidak didukung', 'Unsupported content type');
  return null;
}

export function errorBody(err: DomainError, requestId?: string): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      message_en: err.messageEn,
      ...(err.details.length ? { details: err.details } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    },
  };
}

export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const domain = toDomainError(err);
  if (domain) return reply.status(STATUS_OF[domain.code]).send(errorBody(domain, request.id));
  request.log.error({ err, cat: 'http' }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal_error', message: 'Terjadi kesalahan pada server', message_en: 'Internal server error', request_id: request.id } });
}
