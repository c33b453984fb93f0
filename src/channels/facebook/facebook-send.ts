import { createHmac } from 'node:crypto';
import { joinUrl, type OutboundRequest } from '../partners/outbound-request.js';
import { splitText } from '../templates/text-split.js';

/**
 * Replies through the Messenger Send API (`POST {graph}/me/messages`).
 *
 * The 24-hour rule: a page may message a person freely (`messaging_type: RESPONSE`) only within 24 hours of
 * that person's last message. After that it needs a message tag: `HUMAN_AGENT` (up to 7 days, only for a
 * human officer's answer and only once the page has been granted the Human Agent permission) or one of the
 * narrow update tags. A complaint status change is sent with `ACCOUNT_UPDATE` by default ("a non-recurring
 * change to the person's application or account"); whether Meta's reviewers accept that for a city page is a
 * policy question, so the tag is configuration and `null` makes the adapter refuse instead of guessing.
 * Past every window the message cannot be delivered on Messenger at all: the outbox should not retry it and
 * should fall back to another contact of the reporter if there is one.
 */
export const STANDARD_WINDOW_MS = 24 * 3600 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Messenger's limit on a text message, in UTF-16 code units. */
export const MESSENGER_TEXT_LIMIT = 2000;

export type UpdateTag = 'ACCOUNT_UPDATE' | 'CONFIRMED_EVENT_UPDATE' | 'POST_PURCHASE_UPDATE';

export interface MessagingPolicy {
  /** The page holds the Human Agent permission. */
  humanAgent: boolean;
  /** Tag for automated notifications outside the 24-hour window; null to refuse them. */
  outsideWindowTag: UpdateTag | null;
}

export const DEFAULT_MESSAGING_POLICY: MessagingPolicy = { humanAgent: false, outsideWindowTag: 'ACCOUNT_UPDATE' };

export type MessagingChoice = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: UpdateTag | 'HUMAN_AGENT' };

export class MessagingWindowClosedError extends Error {
  readonly code = 'messaging_window_closed';
  constructor(readonly lastUserMessageAt: Date) {
    super(`Messenger window closed: last message from the person at ${lastUserMessageAt.toISOString()}`);
    this.name = 'MessagingWindowClosedError';
  }
}

export function chooseMessagingType(input: {
  lastUserMessageAt: Date;
  now: Date;
  /** Written by an officer (may use HUMAN_AGENT) rather than an automated notification. */
  sentByHuman?: boolean;
  policy?: MessagingPolicy;
}): MessagingChoice {
  const policy = input.policy ?? DEFAULT_MESSAGING_POLICY;
  const age = input.now.getTime() - input.lastUserMessageAt.getTime();
  if (age < STANDARD_WINDOW_MS) return { messaging_type: 'RESPONSE' };
  if (input.sentByHuman && policy.humanAgent && age < HUMAN_AGENT_WINDOW_MS) {
    return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  }
  if (policy.outsideWindowTag) return { messaging_type: 'MESSAGE_TAG', tag: policy.outsideWindowTag };
  throw new MessagingWindowClosedError(input.lastUserMessageAt);
}

export interface SendApiInput {
  /** Base Graph URL including the version, e.g. `https://graph.facebook.com/v21.0` (`CEPAT_FACEBOOK_GRAPH_URL`). */
  graphUrl: string;
  pageToken: string;
  psid: string;
  text: string;
  /** From the complaint's replyContext; without it the reply is assumed to be inside the window. */
  lastUserMessageAt?: Date;
  now?: Date;
  sentByHuman?: boolean;
  policy?: MessagingPolicy;
  /** When the app requires `appsecret_proof` on server calls (App Dashboard → Advanced). */
  appSecret?: string;
}

/**
 * One Send API request. The token travels in the Authorization header, not the query string, so request logs
 * and proxies never see it; `appsecret_proof` (an HMAC of the token, not a secret) goes in the query.
 */
export function buildSendApiRequest(input: SendApiInput): OutboundRequest {
  if (input.text.length > MESSENGER_TEXT_LIMIT) {
    throw new RangeError(`Messenger text over ${MESSENGER_TEXT_LIMIT} characters; use buildSendApiRequests`);
  }
  if (!input.text.trim()) throw new RangeError('Messenger text is empty');
  const choice: MessagingChoice =
    input.lastUserMessageAt && input.now
      ? chooseMessagingType({ lastUserMessageAt: input.lastUserMessageAt, now: input.now, sentByHuman: input.sentByHuman, policy: input.policy })
      : { messaging_type: 'RESPONSE' };
  let url = joinUrl(input.graphUrl, 'me/messages');
  if (input.appSecret) {
    url += `?appsecret_proof=${createHmac('sha256', input.appSecret).update(input.pageToken).digest('hex')}`;
  }
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${input.pageToken}` },
    body: JSON.stringify({ recipient: { id: input.psid }, ...choice, message: { text: input.text } }),
  };
}

/** Long texts become several messages, cut at paragraph, line or word boundaries. */
export function buildSendApiRequests(input: SendApiInput): OutboundRequest[] {
  return splitText(input.text, MESSENGER_TEXT_LIMIT).map((text) => buildSendApiRequest({ ...input, text }));
}
