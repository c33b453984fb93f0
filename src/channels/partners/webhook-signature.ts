import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC signatures of webhook bodies, shared by every adapter (Facebook's X-Hub-Signature-256, X's
 * x-twitter-webhooks-signature, the SMS gateway and partner posts all sign the raw body the same way and only
 * differ in algorithm, encoding and prefix). Always computed over the exact bytes received: re-serialising a
 * parsed body changes whitespace and key order and breaks the signature.
 */
export type HmacAlgorithm = 'sha256' | 'sha1' | 'sha512';
export type DigestEncoding = 'hex' | 'base64';

export interface HmacSpec {
  algorithm: HmacAlgorithm;
  encoding: DigestEncoding;
  /** Text before the digest in the header, e.g. `sha256=`; '' for a bare digest. */
  prefix: string;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'signature_missing' | 'signature_malformed' | 'signature_mismatch' | 'secret_missing' };

export function computeHmac(spec: Pick<HmacSpec, 'algorithm' | 'encoding'>, secret: string, rawBody: Buffer | string): string {
  return createHmac(spec.algorithm, secret).update(rawBody).digest(spec.encoding);
}

/** The header value a sender would put on this body (used by tests, the simulator and outbound partner calls). */
export function signatureHeaderValue(spec: HmacSpec, secret: string, rawBody: Buffer | string): string {
  return spec.prefix + computeHmac(spec, secret, rawBody);
}

const DIGEST_BYTES: Record<HmacAlgorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };

/**
 * Checks `header` against the HMAC of `rawBody`. The comparison is on decoded bytes with `timingSafeEqual`, so
 * neither the time taken nor hex letter case leaks how much of a forged digest was right.
 */
export function verifyHmacSignature(
  spec: HmacSpec,
  rawBody: Buffer | string,
  header: string | string[] | undefined,
  secret: string | undefined,
): SignatureCheck {
  // A deployment without a secret must not silently accept everything.
  if (!secret) return { ok: false, reason: 'secret_missing' };
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return { ok: false, reason: 'signature_missing' };
  const trimmed = value.trim();
  const prefix = spec.prefix.toLowerCase();
  if (!trimmed.toLowerCase().startsWith(prefix)) return { ok: false, reason: 'signature_malformed' };
  const given = decodeDigest(trimmed.slice(prefix.length), spec.encoding);
  if (!given || given.length !== DIGEST_BYTES[spec.algorithm]) return { ok: false, reason: 'signature_malformed' };
  const expected = createHmac(spec.algorithm, secret).update(rawBody).digest();
  return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}

function decodeDigest(text: string, encoding: DigestEncoding): Buffer | undefined {
  if (encoding === 'hex') return /^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined;
  // Accept URL-safe base64 too: some gateways send it.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Constant-time comparison of two secrets given as text (shared-secret headers, verify tokens). */
export function secretsEqual(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  // Hash both first so unequal lengths take the same time and do not throw.
  const a = createHmac('sha256', 'cepat-compare').update(given).digest();
  const b = createHmac('sha256', 'cepat-compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
