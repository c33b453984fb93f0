import { buildGatewaySendRequest } from '../../channels/sms/sms-send.js';
import { renderPayload } from '../../channels/templates/render-payload.js';
import { channelDb, markSmsSubmitted, recordSentPart, recordSmsSubmission, sentParts } from '../../services/channels/channel-store.js';
import { PermanentDeliveryError, type Sender } from '../outbox-worker.js';
import { callProvider } from './http-call.js';
import { notificationOf, permanentOnBuildError, type SenderDeps } from './sender-deps.js';
import { TokenBucket } from './token-bucket.js';

/**
 * SMS through the gateway's HTTP API (`CEPAT_SMS_GATEWAY_URL`). The text is rendered with the SMS templates
 * (GSM-7 friendly, fitted to `CEPAT_SMS_MAX_SEGMENTS` by shortening free text, never the ticket or link) and
 * sent in one request; the gateway concatenates the segments. The delivery key goes along as the reference
 * (receipts are matched by it; gateways that deduplicate by client reference drop a resend) and as an
 * Idempotency-Key header. Receipts come back to `/webhooks/sms/receipts`.
 */
export function smsSender(deps: SenderDeps): Sender {
  const sms = deps.channels.sms;
  const gateway = sms.gateway;
  if (!gateway) throw new Error('SMS gateway is not configured (CEPAT_SMS_GATEWAY_URL)');
  const db = channelDb(deps.database);
  const bucket = new TokenBucket('sms', { ratePerSecond: sms.ratePerSecond });
  const clock = deps.clock ?? (() => new Date());
  const callbackUrl = sms.secret ? `${deps.publicUrl}/webhooks/sms/receipts` : undefined;

  return async (msg) => {
    const p = notificationOf(msg.payload, 'phone');
    // The gateway took it on an earlier attempt and only our bookkeeping failed: never send it twice.
    if ((await sentParts(db, msg.deliveryKey)).has(0)) return;
    const rendered = permanentOnBuildError(() => renderPayload(p, { orgName: deps.channels.orgName, style: 'sms', maxSmsSegments: gateway.maxSegments }));
    const { request, segments } = permanentOnBuildError(() => buildGatewaySendRequest(gateway, { to: p.to.value, text: rendered.text, reference: msg.deliveryKey, callbackUrl }, sms.secret));
    await recordSmsSubmission(db, {
      delivery_key: msg.deliveryKey,
      case_id: msg.caseId,
      gateway_message_id: null,
      segments: segments.segments.length,
      encoding: segments.encoding,
      status: 'sending',
      submitted_at: clock().toISOString(),
    });
    const answer = await callProvider('sms', request, { timeoutMs: deps.channels.httpTimeoutMs, bucket, idempotencyKey: msg.deliveryKey });
    if (gatewayRefused(answer.body)) throw new PermanentDeliveryError(`sms: gateway refused: ${JSON.stringify(answer.body).slice(0, 200)}`);
    const gatewayId = gatewayMessageId(answer.body);
    await recordSentPart(db, msg.deliveryKey, 0, gatewayId, clock());
    await markSmsSubmitted(db, msg.deliveryKey, gatewayId);
  };
}

/** Gateways answer their id in different places: `message_id`, `id`, `data.id`, Vonage's `messages[0]["message-id"]`. */
export function gatewayMessageId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  const pick = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const first = Array.isArray(o.messages) && o.messages[0] && typeof o.messages[0] === 'object' ? (o.messages[0] as Record<string, unknown>) : {};
  const data = o.data && typeof o.data === 'object' ? (o.data as Record<string, unknown>) : {};
  return pick(o.message_id) ?? pick(o.messageId) ?? pick(o.id) ?? pick(data.id) ?? pick(data.message_id) ?? pick(first['message-id']) ?? null;
}

/** A 200 that says no (`{"status":"error"}`, Vonage's non-zero per-message status). */
function gatewayRefused(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const o = body as Record<string, unknown>;
  if (o.status === 'error' || o.success === false) return true;
  const first = Array.isArray(o.messages) ? (o.messages[0] as Record<string, unknown> | undefined) : undefined;
  return first?.status !== undefined && String(first.status) !== '0';
}
