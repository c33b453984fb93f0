import { computeHmac, verifyHmacSignature, type HmacSpec, type SignatureCheck } from '../partners/webhook-signature.js';

/**
 * Authenticating X (Twitter) Account Activity webhooks.
 * https://docs.x.com/x-api/webhooks/introduction — the CRC check and the `x-twitter-webhooks-signature` header
 * both use HMAC-SHA256 keyed with the app's consumer secret, base64-encoded, prefixed `sha256=`.
 */
export const TWITTER_SIGNATURE: HmacSpec = { algorithm: 'sha256', encoding: 'base64', prefix: 'sha256=' };
export const TWITTER_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

/**
 * Answer to the GET `?crc_token=…` challenge (sent at registration and then about hourly; a webhook that fails
 * it is disabled). The route answers 200 with this JSON.
 */
export function crcResponse(crcToken: string, consumerSecret: string): { response_token: string } {
  if (!crcToken) throw new RangeError('crc_token is empty');
  if (!consumerSecret) throw new RangeError('consumer secret is not configured');
  return { response_token: 'sha256=' + computeHmac(TWITTER_SIGNATURE, consumerSecret, crcToken) };
}

export function verifySignature(rawBody: Buffer, header: string | undefined, consumerSecret: string | undefined): SignatureCheck {
  return verifyHmacSignature(TWITTER_SIGNATURE, rawBody, header, consumerSecret);
}
