import { buildSendApiRequests, MessagingWindowClosedError } from '../../channels/facebook/facebook-send.js';
import { renderPayload } from '../../channels/templates/render-payload.js';
import { channelDb, lastMessageAt, recordSentPart, sentParts } from '../../services/channels/channel-store.js';
import { PermanentDeliveryError, type Sender } from '../outbox-worker.js';
import { callProvider, PermanentProviderError } from './http-call.js';
import { notificationOf, permanentOnBuildError, type SenderDeps } from './sender-deps.js';
import { RateLimitedError, TokenBucket } from './token-bucket.js';

/**
 * Messenger replies through the Send API with the page token. The 24-hour rule is applied from the person's
 * latest message to the page (any case: the window is per person): inside it a plain RESPONSE, after it the
 * configured tag, or no message at all (permanent failure, so the outbox stops retrying). Long texts go as
 * several messages; each accepted part is recorded with Facebook's message id, so a retry sends only the
 * parts not yet accepted, and a citizen's "reply" to one of them is threaded to the case.
 */
export function facebookSender(deps: SenderDeps): Sender {
  const fb = deps.channels.facebook;
  if (!fb) throw new Error('Facebook is not configured');
  const db = channelDb(deps.database);
  const bucket = new TokenBucket('facebook', { ratePerSecond: fb.ratePerSecond });
  const clock = deps.clock ?? (() => new Date());

  return async (msg) => {
    const p = notificationOf(msg.payload, 'facebook_psid');
    const rendered = permanentOnBuildError(() => renderPayload(p, { orgName: deps.channels.orgName, style: 'chat' }));
    const lastUserMessageAt = await lastMessageAt(db, 'facebook', p.to.value);
    let requests;
    try {
      requests = buildSendApiRequests({
        graphUrl: fb.graphUrl,
        pageToken: fb.pageToken,
        psid: p.to.value,
        text: rendered.text,
        lastUserMessageAt,
        now: clock(),
        sentByHuman: p.template === 'comment',
        policy: fb.policy,
        appSecret: fb.appSecretProof ? fb.appSecret : undefined,
      });
    } catch (err) {
      if (err instanceof MessagingWindowClosedError) throw new PermanentDeliveryError(err.message);
      throw new PermanentDeliveryError((err as Error).message);
    }
    const done = await sentParts(db, msg.deliveryKey);
    for (const [i, request] of requests.entries()) {
      if (done.has(i)) continue;
      const answer = await send(request);
      const mid = typeof (answer.body as { message_id?: unknown })?.message_id === 'string' ? (answer.body as { message_id: string }).message_id : null;
      await recordSentPart(db, msg.deliveryKey, i, mid, clock());
    }
  };

  /** Graph API errors come as HTTP 400 with a code: some mean "slow down" or "try again", not "never". */
  async function send(request: Parameters<typeof callProvider>[1]) {
    try {
      return await callProvider('facebook', request, { timeoutMs: deps.channels.httpTimeoutMs, bucket });
    } catch (err) {
      if (!(err instanceof PermanentProviderError)) throw err;
      const e = (err.body as { error?: { code?: number; is_transient?: boolean } } | undefined)?.error;
      if (e && [4, 17, 32, 613].includes(e.code ?? -1)) {
        bucket.pause(60_000);
        throw new RateLimitedError('facebook', 60_000);
      }
      if (e?.is_transient || e?.code === 2 || e?.code === 1200) throw new Error(err.message);
      throw err;
    }
  }
}
