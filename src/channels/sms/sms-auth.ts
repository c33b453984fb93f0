import { secretsEqual, verifyHmacSignature, type HmacSpec, type SignatureCheck } from '../partners/webhook-signature.js';

/**
 * Authenticating the SMS gateway's callbacks with `CEPAT_SMS_SECRET`, in one of two ways the gateway can do:
 * - `shared-secret`: the secret itself in a header (simple gateways and Kannel's get-url can only do this;
 *   only safe over HTTPS);
 * - `hmac`: an HMAC of the raw body in a header (the secret never travels; default SHA-256, hex).
 */
export type SmsAuthConfig =
  | { mode: 'shared-secret'; header: string }
  | { mode: 'hmac'; header: string; spec: HmacSpec };

export const DEFAULT_SMS_AUTH: SmsAuthConfig = {
  mode: 'hmac',
  header: 'x-cepat-signature',
  spec: { algorithm: 'sha256', encoding: 'hex', prefix: '' },
};

export function verifySmsRequest(
  config: SmsAuthConfig,
  request: { headers: Record<string, string | string[] | undefined>; rawBody: Buffer | string },
  secret: string | undefined,
): SignatureCheck {
  const value = headerValue(request.headers, config.header);
  if (config.mode === 'hmac') return verifyHmacSignature(config.spec, request.rawBody, value, secret);
  if (!secret) return { ok: false, reason: 'secret_missing' };
  if (!value) return { ok: false, reason: 'signature_missing' };
  return secretsEqual(value.trim(), secret) ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}

/** Header lookup without caring how the framework cased the names. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === wanted) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}
