import { buildDirectMessageRequests, buildReplyPostRequest, parseCreatedTweetId, splitTweet, type TwitterAuth } from '../../channels/twitter/twitter-reply.js';
import { renderPayload, type NotificationPayloadLike } from '../../channels/templates/render-payload.js';
import { channelDb, findThread, recordSentPart, sentParts } from '../../services/channels/channel-store.js';
import { PermanentDeliveryError, type Sender } from '../outbox-worker.js';
import { callProvider, PermanentProviderError } from './http-call.js';
import { notificationOf, permanentOnBuildError, type SenderDeps } from './sender-deps.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Answers on X. A message goes by DM when the reporter is anonymous (always: a public reply would tie them
 * to the report), when it holds the access code (the acknowledgement), when the citizen wrote by DM, or when
 * the deployment says so (`CEPAT_TWITTER_REPLY_MODE=dm`); otherwise as a reply post under the citizen's post,
 * threaded when it needs several posts. X refuses DMs to people who do not accept them: the acknowledgement
 * then falls back to a public reply without the access code, except for anonymous reporters, who are never
 * answered in public. Parts already accepted are recorded, so a retry continues the thread where it stopped.
 */
const FALLBACK_PART = 100;

export function twitterSender(deps: SenderDeps): Sender {
  const tw = deps.channels.twitter;
  if (!tw) throw new Error('X/Twitter is not configured');
  const db = channelDb(deps.database);
  const bucket = new TokenBucket('twitter', { ratePerSecond: tw.ratePerSecond, burst: 5 });
  const auth: TwitterAuth = { apiUrl: tw.apiUrl, bearerToken: tw.bearerToken };
  const clock = deps.clock ?? (() => new Date());
  const call = (req: Parameters<typeof callProvider>[1]) => callProvider('twitter', req, { timeoutMs: deps.channels.httpTimeoutMs, bucket });

  async function sendDm(key: string, p: NotificationPayloadLike, done: Map<number, string | null>): Promise<void> {
    const text = permanentOnBuildError(() => renderPayload(p, { orgName: deps.channels.orgName, style: 'chat' })).text;
    const requests = permanentOnBuildError(() => buildDirectMessageRequests(auth, { participantId: p.to.value, text }));
    for (const [i, req] of requests.entries()) {
      if (done.has(i)) continue;
      const answer = await call(req);
      const data = (answer.body as { data?: { dm_event_id?: unknown } } | undefined)?.data;
      await recordSentPart(db, key, i, typeof data?.dm_event_id === 'string' ? data.dm_event_id : null, clock());
    }
  }

  async function sendPublic(key: string, p: NotificationPayloadLike, tweetId: string, done: Map<number, string | null>, offset: number): Promise<void> {
    // Guard in depth: whatever called, an anonymous reporter is never answered in public.
    if (p.anonymous) throw new PermanentDeliveryError('anonymous reporter: no public reply');
    const text = permanentOnBuildError(() => renderPayload(p, { orgName: deps.channels.orgName, style: 'public_post' })).text;
    const parts = permanentOnBuildError(() => splitTweet(text));
    let replyTo = tweetId;
    for (const [i, part] of parts.entries()) {
      const seen = done.get(offset + i);
      if (seen !== undefined) {
        if (seen) replyTo = seen;
        continue;
      }
      const answer = await call(permanentOnBuildError(() => buildReplyPostRequest(auth, { inReplyToTweetId: replyTo, text: part })));
      const id = parseCreatedTweetId(answer.body) ?? null;
      await recordSentPart(db, key, offset + i, id, clock());
      if (id) replyTo = id;
    }
  }

  return async (msg) => {
    const p = notificationOf(msg.payload, 'twitter_user_id');
    const thread = msg.caseId !== null ? await findThread(db, msg.caseId, 'twitter', p.to.value) : undefined;
    const tweetId = thread?.mode === 'tweet' ? thread.last_ref : undefined;
    const byDm = p.anonymous || p.template === 'ack' || p.vars.replyMode === 'dm' || tw.replyMode === 'dm' || !tweetId;
    const done = await sentParts(db, msg.deliveryKey);
    if (!byDm) return sendPublic(msg.deliveryKey, p, tweetId!, done, 0);
    if ([...done.keys()].some((k) => k >= FALLBACK_PART)) return sendPublic(msg.deliveryKey, p, tweetId!, done, FALLBACK_PART);
    try {
      await sendDm(msg.deliveryKey, p, done);
    } catch (err) {
      // X answers 403 when the person does not accept DMs from us.
      const refused = err instanceof PermanentProviderError && (err.status === 403 || err.status === 400);
      if (!refused || p.anonymous || !tweetId || done.size > 0) throw err;
      deps.log.info({ cat: 'outbox', kind: 'twitter', deliveryKey: msg.deliveryKey }, 'DM refused; answering with a public reply without the access code');
      await sendPublic(msg.deliveryKey, p, tweetId, done, FALLBACK_PART);
    }
  };
}
