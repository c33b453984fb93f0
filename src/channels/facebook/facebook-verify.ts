import { verifyHmacSignature, secretsEqual, type SignatureCheck, type HmacSpec } from '../partners/webhook-signature.js';

/**
 * Authenticating Facebook webhooks: the GET subscription handshake and the signature on every POST.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 */

export type HandshakeResult =
  | { ok: true; challenge: string }
  | { ok: false; reason: 'wrong_mode' | 'wrong_token' | 'missing_challenge' | 'token_not_configured' };

/**
 * The GET `hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` handshake. On success the route answers 200
 * with the challenge as the plain-text body; otherwise 403 (Facebook only shows the failure in its dashboard).
 * `query` is the parsed query string; frameworks differ on whether `hub.mode` arrives flat or nested, so both
 * `{'hub.mode': …}` and `{hub: {mode: …}}` are read.
 */
export function verifyHandshake(query: Record<string, unknown>, verifyToken: string | undefined): HandshakeResult {
  if (!verifyToken) return { ok: false, reason: 'token_not_configured' };
  const mode = hubParam(query, 'mode');
  const token = hubParam(query, 'verify_token');
  const challenge = hubParam(query, 'challenge');
  if (mode !== 'subscribe') return { ok: false, reason: 'wrong_mode' };
  if (!secretsEqual(token, verifyToken)) return { ok: false, reason: 'wrong_token' };
  if (!challenge) return { ok: false, reason: 'missing_challenge' };
  return { ok: true, challenge };
}

function hubParam(query: Record<string, unknown>, name: string): string | undefined {
  const flat = query[`hub.${name}`];
  const nested = typeof query.hub === 'object' && query.hub !== null ? (query.hub as Record<string, unknown>)[name] : undefined;
  const value = flat ?? nested;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. */
export const FACEBOOK_SIGNATURE: HmacSpec = { algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' };
export const FACEBOOK_SIGNATURE_HEADER = 'x-hub-signature-256';

/** Checks the POST body. Must receive the raw bytes: Facebook escapes non-ASCII as \uXXXX in what it signs. */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string | undefined): SignatureCheck {
  return verifyHmacSignature(FACEBOOK_SIGNATURE, rawBody, header, appSecret);
}
