import type { FastifyRequest } from 'fastify';
import type { SignatureCheck } from '../../../channels/partners/webhook-signature.js';
import { DomainError } from '../../../domain/errors.js';

/**
 * What every webhook does before touching its body: refuse when the channel is off (404 `channel_disabled`,
 * so a probe cannot tell a disabled channel from a missing route's purpose), then check the signature over
 * the exact bytes received (401 `invalid_signature`; nothing is parsed into a case, nothing is stored).
 */
export function channelDisabled(channel: string): DomainError {
  return new DomainError('channel_disabled', `Kanal '${channel}' tidak aktif`, `Channel '${channel}' is not enabled`);
}

export function assertSigned(check: SignatureCheck, header: string): void {
  if (check.ok) return;
  const why: Record<typeof check.reason, [string, string]> = {
    signature_missing: [`Header tanda tangan '${header}' tidak ada`, `Signature header '${header}' is missing`],
    signature_malformed: [`Header tanda tangan '${header}' tidak berformat benar`, `Signature header '${header}' is malformed`],
    signature_mismatch: ['Tanda tangan tidak cocok dengan isi permintaan', 'The signature does not match the request body'],
    secret_missing: ['Rahasia webhook belum dikonfigurasi', 'The webhook secret is not configured'],
  };
  const [id, en] = why[check.reason];
  throw new DomainError('invalid_signature', id, en, [{ field: header, message: check.reason }]);
}

/** The exact bytes of the body (set by our content-type parsers); empty when there was none. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return request.rawBody ?? Buffer.alloc(0);
}

export function headerOf(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * A signed message we cannot take (a validation error of our own intake): providers that retry on any
 * non-2xx (Facebook for a day and a half, X) get 200 and the message is listed as ignored, since a retry
 * would be refused the same way; the log keeps the reason.
 */
export function isRefusal(err: unknown): err is DomainError {
  return err instanceof DomainError && err.code !== 'channel_disabled' && err.code !== 'invalid_signature';
}
