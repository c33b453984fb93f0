import { joinUrl, type OutboundRequest } from '../partners/outbound-request.js';
import { splitText } from '../templates/text-split.js';

/**
 * Replies on X through API v2, as a reply post (`POST /2/tweets` with `reply.in_reply_to_tweet_id`) or a DM
 * (`POST /2/dm_conversations/with/:participant_id/messages`). Both need a *user-context* OAuth 2.0 bearer
 * token of the city account (scopes tweet.write, dm.write); an app-only token is refused by X. The base URL is
 * configuration (`CEPAT_TWITTER_API_URL`, default https://api.x.com) so tests point it at a local stand-in.
 *
 * A reply post is public: templates must never put a reporter's contact or access code in it.
 */
export const TWEET_LIMIT = 280;
export const DM_LIMIT = 10_000;

/**
 * Weighted length as X counts it (twitter-text v3 configuration): code points in the Latin, general
 * punctuation and similar ranges weigh 1, everything else (CJK, emoji) 2, an emoji sequence counts once as 2,
 * and every URL counts 23 whatever its length. Bare domains (`jakarta.go.id`) are also linkified by X, so any
 * domain-like token counts at least 23: over-counting only makes a part shorter, under-counting gets refused.
 */
export function weightedLength(text: string): number {
  const s = text.normalize('NFC');
  const urlLike = /(?:https?:\/\/\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?)/gi;
  let total = 0;
  let last = 0;
  for (const m of s.matchAll(urlLike)) {
    total += weightOfPlain(s.slice(last, m.index));
    total += /^https?:\/\//i.test(m[0]) ? 23 : Math.max(23, m[0].length);
    last = m.index + m[0].length;
  }
  return total + weightOfPlain(s.slice(last));
}

const LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const MAY_HAVE_EMOJI = /[\u200d\ufe0f\u20e3\u00a9\u00ae\u203c-\u3299\ud83c-\ud83e]/;

function weightOfPlain(s: string): number {
  // Fast path, the usual case: no emoji, so each code point is weighed alone.
  if (!MAY_HAVE_EMOJI.test(s)) return weightOfCodePoints(s);
  let total = 0;
  for (const { segment } of segmenter.segment(s)) {
    total += /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment) ? 2 : weightOfCodePoints(segment);
  }
  return total;
}

function weightOfCodePoints(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      cp = s.codePointAt(i)!;
      i++;
    }
    total += LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
  }
  return total;
}

/**
 * Splits a reply into posts of at most 280 weighted characters, numbered " (1/3)" when there is more than
 * one so the thread reads in order. The caller posts part 1 in reply to the citizen's post, and each next part
 * in reply to the id X returned for the previous one (see `parseCreatedTweetId`).
 */
export function splitTweet(text: string, options: { limit?: number; numbered?: boolean } = {}): string[] {
  const limit = options.limit ?? TWEET_LIMIT;
  const numbered = options.numbered ?? true;
  if (weightedLength(text.trim()) <= limit) return text.trim() ? [text.trim()] : [];
  // Reserve room for " (NN/NN)"; recompute if the count passes 9 and the suffix grows.
  for (let reserve = 6; reserve <= 10; reserve += 2) {
    const parts = splitText(text, limit - (numbered ? reserve : 0), weightedLength);
    const suffix = (i: number) => (numbered ? ` (${i + 1}/${parts.length})` : '');
    if (parts.every((p, i) => weightedLength(p + suffix(i)) <= limit)) return parts.map((p, i) => p + suffix(i));
  }
  throw new RangeError('reply too long to number in a thread');
}

export interface TwitterAuth {
  /** `CEPAT_TWITTER_API_URL`, e.g. https://api.x.com */
  apiUrl: string;
  /** User-context OAuth 2.0 access token of the city account. */
  bearerToken: string;
}

const headers = (auth: TwitterAuth) => ({ 'content-type': 'application/json', authorization: `Bearer ${auth.bearerToken}` });

/** One reply post; `text` must already fit (use `splitTweet`). */
export function buildReplyPostRequest(auth: TwitterAuth, input: { inReplyToTweetId: string; text: string }): OutboundRequest {
  if (weightedLength(input.text) > TWEET_LIMIT) throw new RangeError('post over 280 weighted characters; use splitTweet');
  if (!/^\d+$/.test(input.inReplyToTweetId)) throw new RangeError('in_reply_to_tweet_id must be a numeric id');
  return {
    url: joinUrl(auth.apiUrl, '2/tweets'),
    method: 'POST',
    headers: headers(auth),
    body: JSON.stringify({ text: input.text, reply: { in_reply_to_tweet_id: input.inReplyToTweetId } }),
  };
}

/** DMs allow 10,000 characters; longer texts become several messages. */
export function buildDirectMessageRequests(auth: TwitterAuth, input: { participantId: string; text: string }): OutboundRequest[] {
  if (!/^\d+$/.test(input.participantId)) throw new RangeError('participant_id must be a numeric user id');
  return splitText(input.text, DM_LIMIT).map((text) => ({
    url: joinUrl(auth.apiUrl, `2/dm_conversations/with/${input.participantId}/messages`),
    method: 'POST' as const,
    headers: headers(auth),
    body: JSON.stringify({ text }),
  }));
}

/** `{"data":{"id":"…","text":"…"}}` from POST /2/tweets: the id the next part of a thread replies to. */
export function parseCreatedTweetId(responseBody: unknown): string | undefined {
  const data = typeof responseBody === 'object' && responseBody !== null ? (responseBody as { data?: { id?: unknown } }).data : undefined;
  return typeof data?.id === 'string' ? data.id : undefined;
}
