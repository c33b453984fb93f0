import type { FastifyInstance } from 'fastify';
import { channelsOf } from '../../../channels/config/channel-registry.js';
import { FACEBOOK_SIGNATURE_HEADER, verifyHandshake, verifySignature } from '../../../channels/facebook/facebook-verify.js';
import { parseWebhook, toNormalizedComplaint } from '../../../channels/facebook/facebook-webhook.js';
import { DomainError } from '../../../domain/errors.js';
import { caseOfSentMessage, receiveChannelMessage } from '../../../services/channels/receive-channel-message.js';
import type { AppContext } from '../../../services/context.js';
import { assertSigned, channelDisabled, headerOf, isRefusal, rawBodyOf } from './guard.js';

/**
 * `/webhooks/facebook`: the subscription handshake (GET) and Page messaging events (POST). Facebook retries
 * a POST that is not answered 200 for up to 36 hours and then disables the subscription, so once the
 * signature is good the answer is 200 even for events we skip or a message our intake refuses (listed as
 * `ignored`); a server error (500) is the one case where its retry is wanted.
 */
export async function facebookWebhook(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/webhooks/facebook', { schema: { tags: ['webhooks'], summary: 'Facebook subscription handshake (hub.challenge echo)' } }, async (request, reply) => {
    const fb = channelsOf(ctx).facebook;
    if (!fb) throw channelDisabled('facebook');
    const r = verifyHandshake(request.query as Record<string, unknown>, fb.verifyToken);
    if (!r.ok) throw new DomainError('forbidden', `Verifikasi webhook gagal (${r.reason})`, `Webhook verification failed (${r.reason})`);
    return reply.type('text/plain; charset=utf-8').send(r.challenge);
  });

  app.post('/webhooks/facebook', { schema: { tags: ['webhooks'], summary: 'Facebook Page messaging events (X-Hub-Signature-256)' } }, async (request, reply) => {
    const channels = channelsOf(ctx);
    const fb = channels.facebook;
    if (!fb) throw channelDisabled('facebook');
    assertSigned(verifySignature(rawBodyOf(request), headerOf(request, FACEBOOK_SIGNATURE_HEADER), fb.appSecret), FACEBOOK_SIGNATURE_HEADER);
    const messages = parseWebhook(request.body).filter((m) => !fb.pageId || m.pageId === fb.pageId);
    const results: { id: string; disposition: string }[] = [];
    const ignored: { id: string; reason: string }[] = [];
    for (const m of messages) {
      try {
        const threadCaseRef = m.replyToMid ? await caseOfSentMessage(ctx, m.replyToMid) : undefined;
        const r = await receiveChannelMessage(
          ctx,
          {
            complaint: toNormalizedComplaint(m, { now: ctx.clock() }),
            mediaUrls: m.imageUrls,
            media: { hosts: fb.mediaHosts, timeoutMs: channels.media.timeoutMs, maxCount: channels.media.maxPerMessage },
            conversationWindowMinutes: channels.conversationWindowMinutes,
            threadCaseRef,
            thread: { contact: m.psid, mode: 'chat', ref: m.mid },
          },
          { requestId: request.id },
        );
        results.push({ id: m.mid, disposition: r.disposition });
      } catch (err) {
        if (!isRefusal(err)) throw err;
        request.log.warn({ cat: 'channels', channel: 'facebook', mid: m.mid, code: err.code, details: err.details }, 'message refused by intake');
        ignored.push({ id: m.mid, reason: err.code });
      }
    }
    return reply.status(200).send({ status: 'ok', messages: results, ignored });
  });
}
