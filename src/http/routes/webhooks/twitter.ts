import type { FastifyInstance } from 'fastify';
import { channelsOf } from '../../../channels/config/channel-registry.js';
import { externalIdOf, parseEvents, toNormalizedComplaint } from '../../../channels/twitter/twitter-events.js';
import { crcResponse, TWITTER_SIGNATURE_HEADER, verifySignature } from '../../../channels/twitter/twitter-verify.js';
import { validationFailed } from '../../../domain/errors.js';
import { caseOfSentMessage, receiveChannelMessage } from '../../../services/channels/receive-channel-message.js';
import type { AppContext } from '../../../services/context.js';
import { assertSigned, channelDisabled, headerOf, isRefusal, rawBodyOf } from './guard.js';

/**
 * `/webhooks/twitter`: X's CRC challenge (GET, at registration and about hourly; failing it disables the
 * webhook) and Account Activity events (POST). Mentions of the city account and DMs to it become messages;
 * the rest (likes, follows, our own posts) is skipped. Like Facebook, X retries non-2xx answers, so a signed
 * event our intake refuses is answered 200 and listed as ignored.
 */
export async function twitterWebhook(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/webhooks/twitter', { schema: { tags: ['webhooks'], summary: 'X CRC check (crc_token → response_token)' } }, async (request) => {
    const tw = channelsOf(ctx).twitter;
    if (!tw) throw channelDisabled('twitter');
    const token = (request.query as Record<string, unknown>).crc_token;
    if (typeof token !== 'string' || !token) throw validationFailed([{ field: 'crc_token', message: 'required' }]);
    return crcResponse(token, tw.consumerSecret);
  });

  app.post('/webhooks/twitter', { schema: { tags: ['webhooks'], summary: 'X Account Activity events (x-twitter-webhooks-signature)' } }, async (request, reply) => {
    const channels = channelsOf(ctx);
    const tw = channels.twitter;
    if (!tw) throw channelDisabled('twitter');
    assertSigned(verifySignature(rawBodyOf(request), headerOf(request, TWITTER_SIGNATURE_HEADER), tw.consumerSecret), TWITTER_SIGNATURE_HEADER);
    const events = parseEvents(request.body, tw.accountId);
    const results: { id: string; disposition: string }[] = [];
    const ignored: { id: string; reason: string }[] = [];
    for (const ev of events) {
      const id = externalIdOf(ev);
      try {
        const threadCaseRef = ev.kind === 'mention' && ev.inReplyToTweetId ? await caseOfSentMessage(ctx, ev.inReplyToTweetId) : undefined;
        const r = await receiveChannelMessage(
          ctx,
          {
            complaint: toNormalizedComplaint(ev, { now: ctx.clock() }),
            mediaUrls: ev.mediaUrls,
            media: { hosts: tw.mediaHosts, timeoutMs: channels.media.timeoutMs, maxCount: channels.media.maxPerMessage },
            conversationWindowMinutes: channels.conversationWindowMinutes,
            threadCaseRef,
            thread: ev.kind === 'mention' ? { contact: ev.authorId, mode: 'tweet', ref: ev.tweetId } : { contact: ev.senderId, mode: 'dm', ref: ev.eventId },
          },
          { requestId: request.id },
        );
        results.push({ id, disposition: r.disposition });
      } catch (err) {
        if (!isRefusal(err)) throw err;
        request.log.warn({ cat: 'channels', channel: 'twitter', id, code: err.code, details: err.details }, 'message refused by intake');
        ignored.push({ id, reason: err.code });
      }
    }
    return reply.status(200).send({ status: 'ok', messages: results, ignored });
  });
}
