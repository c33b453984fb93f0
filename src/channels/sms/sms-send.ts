import type { OutboundRequest } from '../partners/outbound-request.js';
import { signatureHeaderValue } from '../partners/webhook-signature.js';
import { parseGatewayTime } from './sms-inbound.js';
import { segmentSms, type SmsSegments } from './sms-segment.js';
import { toGsmFriendly } from './gsm7.js';
import { normalizeIndonesianMsisdn } from './msisdn.js';
import type { SmsAuthConfig } from './sms-auth.js';

/**
 * Outgoing SMS through the gateway's HTTP API (`CEPAT_SMS_GATEWAY_URL`), and the delivery receipts it calls
 * back with. The whole text goes in one request: gateways split it into concatenated segments themselves; we
 * only count the segments first (billing, and a cap so a runaway template cannot send 20 SMS).
 */
export interface SmsGatewayConfig {
  url: string;
  format: 'json' | 'form';
  /** Field names of the gateway's send API. */
  fields?: { to?: string; text?: string; from?: string; reference?: string; callbackUrl?: string };
  /** Sender id/short code registered with the operators (e.g. 'JAKARTA' or '1708'); omitted when unset. */
  senderId?: string;
  /** Signs the body the same way inbound callbacks are signed, with the same secret. */
  auth?: SmsAuthConfig;
  /** Extra static headers, e.g. an API key header some gateways want. */
  headers?: Record<string, string>;
  maxSegments?: number;
  /** Replace curly quotes, dashes and ellipses by GSM-7 equivalents to keep 160-character segments. */
  gsmFriendly?: boolean;
}

export interface SmsSendInput {
  to: string;
  text: string;
  /** Our delivery key, echoed back in receipts so we can match them. */
  reference: string;
  callbackUrl?: string;
}

export function buildGatewaySendRequest(config: SmsGatewayConfig, input: SmsSendInput, secret?: string): { request: OutboundRequest; segments: SmsSegments } {
  const to = normalizeIndonesianMsisdn(input.to);
  const text = config.gsmFriendly === false ? input.text : toGsmFriendly(input.text);
  const segments = segmentSms(text);
  if (segments.segments.length === 0) throw new RangeError('SMS text is empty');
  const max = config.maxSegments ?? 6;
  if (segments.segments.length > max) throw new RangeError(`SMS needs ${segments.segments.length} segments, over the cap of ${max}`);
  const f = { to: 'to', text: 'text', from: 'from', reference: 'reference', callbackUrl: 'callback_url', ...config.fields };
  const payload: Record<string, string> = { [f.to]: to, [f.text]: text, [f.reference]: input.reference };
  if (config.senderId) payload[f.from] = config.senderId;
  if (input.callbackUrl) payload[f.callbackUrl] = input.callbackUrl;
  const body = config.format === 'json' ? JSON.stringify(payload) : new URLSearchParams(payload).toString();
  const headers: Record<string, string> = {
    'content-type': config.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    ...config.headers,
  };
  if (config.auth && secret) {
    headers[config.auth.header] = config.auth.mode === 'hmac' ? signatureHeaderValue(config.auth.spec, secret, body) : secret;
  }
  return { request: { url: config.url, method: 'POST', headers, body }, segments };
}

export interface DeliveryReceipt {
  /** The gateway's message id or our reference, whichever the receipt carries. */
  messageId?: string;
  reference?: string;
  status: 'delivered' | 'failed' | 'pending';
  at?: Date;
  /** The gateway's own status word or code, for the audit log. */
  gatewayStatus: string;
  raw: Record<string, unknown>;
}

/**
 * Receipts come in many dialects: SMPP `stat` words (DELIVRD, UNDELIV, EXPIRED, REJECTD, ACCEPTD, ENROUTE),
 * Kannel's numeric `type` (1 delivered, 2 failed, 4 buffered, 8 submitted, 16 rejected), Vonage-style
 * words (delivered, failed, rejected, expired, accepted, buffered).
 */
export function parseDeliveryReceipt(fields: Record<string, unknown>, naiveTimeOffset = '+07:00'): DeliveryReceipt {
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = fields[n];
      if (v !== undefined && v !== null && String(v) !== '') return String(v);
    }
    return undefined;
  };
  const statusText = get('status', 'stat', 'dlr_status', 'type', 'dlr') ?? '';
  const time = get('time', 'timestamp', 'done_date', 'delivered_at', 'message-timestamp', 'scts');
  return {
    messageId: get('id', 'message_id', 'messageId', 'message-id', 'msgid'),
    reference: get('reference', 'client_ref', 'client-ref', 'ref'),
    status: mapStatus(statusText),
    at: time ? parseGatewayTime(time, naiveTimeOffset) : undefined,
    gatewayStatus: statusText,
    raw: fields,
  };
}

const DELIVERED = new Set(['delivered', 'delivrd', 'deliverd', '1', 'success', 'sent_delivered']);
const FAILED = new Set(['failed', 'undeliv', 'undelivered', 'expired', 'rejected', 'rejectd', 'deleted', 'unknown', 'error', '2', '16']);

function mapStatus(s: string): DeliveryReceipt['status'] {
  const k = s.trim().toLowerCase();
  if (DELIVERED.has(k)) return 'delivered';
  if (FAILED.has(k)) return 'failed';
  return 'pending';
}
