import type { FastifyInstance } from 'fastify';
import type { ChannelConfig } from '../../../channels/config/channel-config.js';
import { channelsOf } from '../../../channels/config/channel-registry.js';
import { verifySmsRequest } from '../../../channels/sms/sms-auth.js';
import { decodeGatewayBody, parseInboundSms } from '../../../channels/sms/sms-inbound.js';
import { parseDeliveryReceipt } from '../../../channels/sms/sms-send.js';
import { recordSmsReceipt } from '../../../services/channels/sms-receipts.js';
import { takeInboundSms } from '../../../services/channels/sms-intake.js';
import type { AppContext } from '../../../services/context.js';
import { assertSigned, channelDisabled, rawBodyOf } from './guard.js';

/**
 * `/webhooks/sms` (inbound SMS) and `/webhooks/sms/receipts` (delivery receipts) from the SMS gateway,
 * form-encoded or JSON, authenticated with `CEPAT_SMS_SECRET` (HMAC of the body, or the secret itself in a
 * header). Gateways do not retry 4xx, so a malformed message gets a clear 400; anything accepted gets 200 —
 * also a part waiting for its siblings and a repeated part. An SMS is at most a few KB: bodies over 64 KiB
 * are refused with 413.
 */
const SMS_BODY_LIMIT = 64 * 1024;

function smsChannel(ctx: AppContext): ChannelConfig['sms'] & { secret: string } {
  const sms = channelsOf(ctx).sms;
  if (!sms.secret) throw channelDisabled('sms');
  return sms as ChannelConfig['sms'] & { secret: string };
}

export async function smsWebhook(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/webhooks/sms', { bodyLimit: SMS_BODY_LIMIT, schema: { tags: ['webhooks'], summary: 'Inbound SMS from the gateway (form or JSON)' } }, async (request, reply) => {
    const sms = smsChannel(ctx);
    const raw = rawBodyOf(request);
    assertSigned(verifySmsRequest(sms.auth, { headers: request.headers, rawBody: raw }, sms.secret), sms.auth.header);
    const parsed = parseInboundSms(raw, request.headers['content-type'], { naiveTimeOffset: sms.naiveTimeOffset });
    const taken = await takeInboundSms(ctx, channelsOf(ctx), parsed, { requestId: request.id });
    if (taken.status === 'taken') return reply.status(200).send({ status: 'ok', disposition: taken.result.disposition, ticket: taken.result.case.ticket });
    if (taken.status === 'pending') return reply.status(200).send({ status: 'ok', disposition: 'part_pending', received: taken.received, total: taken.total });
    return reply.status(200).send({ status: 'ok', disposition: 'duplicate_part' });
  });

  app.post('/webhooks/sms/receipts', { bodyLimit: SMS_BODY_LIMIT, schema: { tags: ['webhooks'], summary: 'SMS delivery receipts from the gateway' } }, async (request, reply) => {
    const sms = smsChannel(ctx);
    const raw = rawBodyOf(request);
    assertSigned(verifySmsRequest(sms.auth, { headers: request.headers, rawBody: raw }, sms.secret), sms.auth.header);
    const fields = decodeGatewayBody(raw.toString('utf8'), request.headers['content-type']);
    const outcome = await recordSmsReceipt(ctx, parseDeliveryReceipt(fields, sms.naiveTimeOffset), { requestId: request.id });
    // An unknown receipt is still answered 200: the gateway cannot do better by sending it again.
    return reply.status(200).send({ status: 'ok', receipt: outcome });
  });
}
