import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { validationFailed } from '../../domain/errors.js';

/**
 * Account Activity API events (v1.1 payload shape, which the v2 webhooks still deliver) for the city
 * account. Complaints come from two event kinds:
 * - `tweet_create_events`: posts that mention the city, reply to it or quote it. The same array also carries
 *   the city's own posts and retweets, which are skipped.
 * - `direct_message_events` (`type: message_create`): DMs to the city. Our own sent DMs come back here too
 *   and are skipped.
 * Likes, follows, typing indicators, read receipts and deletions are ignored.
 */
export interface TwitterMention {
  kind: 'mention';
  tweetId: string;
  authorId: string;
  authorScreenName?: string;
  authorName?: string;
  /** The text without the leading @-mentions and trailing media links. */
  text: string;
  createdAt?: Date;
  /** Exact point when the author attached one (`coordinates`, GeoJSON order lng, lat). */
  point?: { lat: number; lng: number };
  /** Tagged place (`place.full_name`); an area, not a point. */
  placeName?: string;
  mediaUrls: string[];
  /** The post this one answers (one of our replies, when the citizen answers us). */
  inReplyToTweetId?: string;
  raw: unknown;
}

export interface TwitterDirectMessage {
  kind: 'dm';
  eventId: string;
  senderId: string;
  senderScreenName?: string;
  senderName?: string;
  text: string;
  createdAt?: Date;
  point?: { lat: number; lng: number };
  mediaUrls: string[];
  raw: unknown;
}

export type TwitterInbound = TwitterMention | TwitterDirectMessage;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function parseEvents(body: unknown, cityAccountId: string): TwitterInbound[] {
  if (!isObj(body)) throw validationFailed([{ message: 'not an Account Activity event body' }]);
  // One webhook may serve several subscribed accounts: only events for the city account are ours.
  const forUser = str(body.for_user_id);
  if (forUser !== undefined && forUser !== cityAccountId) return [];
  const out: TwitterInbound[] = [];
  for (const tweet of arr(body.tweet_create_events)) {
    const m = parseTweet(tweet, cityAccountId);
    if (m) out.push(m);
  }
  const users = isObj(body.users) ? body.users : {};
  for (const event of arr(body.direct_message_events)) {
    const dm = parseDirectMessage(event, cityAccountId, users);
    if (dm) out.push(dm);
  }
  return out;
}

function parseTweet(tweet: unknown, city: string): TwitterMention | undefined {
  if (!isObj(tweet) || !isObj(tweet.user)) return undefined;
  const tweetId = str(tweet.id_str) ?? str(tweet.id);
  const authorId = str(tweet.user.id_str) ?? str(tweet.user.id);
  if (!tweetId || !authorId || authorId === city) return undefined;
  if (tweet.retweeted_status !== undefined) return undefined;
  const ext = isObj(tweet.extended_tweet) ? tweet.extended_tweet : undefined;
  const entities = (ext && isObj(ext.entities) ? ext.entities : isObj(tweet.entities) ? tweet.entities : {}) as Json;
  const mentionsCity = arr(entities.user_mentions).some((u) => isObj(u) && (str(u.id_str) ?? str(u.id)) === city);
  const repliesToCity = str(tweet.in_reply_to_user_id_str) === city;
  const quotesCity = isObj(tweet.quoted_status) && isObj(tweet.quoted_status.user) && str(tweet.quoted_status.user.id_str) === city;
  if (!mentionsCity && !repliesToCity && !quotesCity) return undefined;

  const fullText = str(ext?.full_text) ?? str(tweet.full_text) ?? str(tweet.text) ?? '';
  const extEntities = (ext && isObj(ext.extended_entities) ? ext.extended_entities : isObj(tweet.extended_entities) ? tweet.extended_entities : entities) as Json;
  const media = arr(extEntities.media).filter(isObj);
  const mediaUrls = media.filter((m) => m.type === 'photo').map((m) => str(m.media_url_https) ?? str(m.media_url)).filter((u): u is string => !!u);
  let text = fullText;
  for (const m of media) if (str(m.url)) text = text.split(str(m.url)!).join('');
  text = decodeEntities(text).replace(/^(\s*@\w{1,15})+\s*/, '').trim();

  const place = isObj(tweet.place) ? tweet.place : undefined;
  return {
    kind: 'mention',
    tweetId,
    authorId,
    authorScreenName: str(tweet.user.screen_name),
    authorName: str(tweet.user.name),
    text,
    createdAt: parseDate(tweet.timestamp_ms, tweet.created_at),
    point: pointFrom(tweet.coordinates),
    placeName: place ? (str(place.full_name) ?? str(place.name)) : undefined,
    mediaUrls,
    inReplyToTweetId: str(tweet.in_reply_to_status_id_str) ?? undefined,
    raw: tweet,
  };
}

function parseDirectMessage(event: unknown, city: string, users: Json): TwitterDirectMessage | undefined {
  if (!isObj(event) || event.type !== 'message_create' || !isObj(event.message_create)) return undefined;
  const mc = event.message_create;
  const eventId = str(event.id);
  const senderId = str(mc.sender_id);
  if (!eventId || !senderId || senderId === city) return undefined;
  const data = isObj(mc.message_data) ? mc.message_data : {};
  const attachment = isObj(data.attachment) ? data.attachment : undefined;
  const mediaUrls: string[] = [];
  let text = decodeEntities(str(data.text) ?? '');
  if (attachment?.type === 'media' && isObj(attachment.media)) {
    const url = str(attachment.media.media_url_https);
    if (url && attachment.media.type === 'photo') mediaUrls.push(url);
    const tco = str(attachment.media.url);
    if (tco) text = text.split(tco).join('');
  }
  const point =
    attachment?.type === 'location' && isObj(attachment.location) && isObj(attachment.location.shared_coordinate)
      ? pointFrom(attachment.location.shared_coordinate.coordinates)
      : undefined;
  const sender = isObj(users[senderId]) ? (users[senderId] as Json) : {};
  text = text.trim();
  if (!text && mediaUrls.length === 0 && !point) return undefined;
  return {
    kind: 'dm',
    eventId,
    senderId,
    senderScreenName: str(sender.screen_name),
    senderName: str(sender.name),
    text,
    createdAt: parseDate(event.created_timestamp),
    point,
    mediaUrls,
    raw: event,
  };
}

/** GeoJSON `{type:'Point', coordinates:[lng, lat]}`. */
function pointFrom(v: unknown): { lat: number; lng: number } | undefined {
  if (!isObj(v) || v.type !== 'Point' || !Array.isArray(v.coordinates)) return undefined;
  const [lng, lat] = v.coordinates.map(Number);
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : undefined;
}

function parseDate(ms: unknown, text?: unknown): Date | undefined {
  const n = Number(ms);
  if (Number.isFinite(n) && n > 0) return new Date(n);
  // v1.1 `created_at`: "Wed Jun 12 03:10:05 +0000 2024", which Date parses.
  const d = typeof text === 'string' ? new Date(text) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** v1.1 texts escape &, < and > as HTML entities. */
const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** `tweet:<id>` or `dm:<event id>`, so a post and a DM can never collide as idempotency keys. */
export function externalIdOf(inbound: TwitterInbound): string {
  return inbound.kind === 'mention' ? `tweet:${inbound.tweetId}` : `dm:${inbound.eventId}`;
}

export function toNormalizedComplaint(inbound: TwitterInbound, options: { now: Date; attachments?: AttachmentInput[] }): NormalizedComplaint {
  const userId = inbound.kind === 'mention' ? inbound.authorId : inbound.senderId;
  const screenName = inbound.kind === 'mention' ? inbound.authorScreenName : inbound.senderScreenName;
  const name = inbound.kind === 'mention' ? inbound.authorName : inbound.senderName;
  const replyContext: Record<string, string> = { mode: inbound.kind === 'mention' ? 'tweet' : 'dm', userId };
  if (inbound.kind === 'mention') replyContext.tweetId = inbound.tweetId;
  if (inbound.kind === 'mention' && inbound.inReplyToTweetId) replyContext.inReplyToTweetId = inbound.inReplyToTweetId;
  if (screenName) replyContext.screenName = screenName;
  if (inbound.mediaUrls.length) replyContext.mediaUrls = inbound.mediaUrls.join(' ');
  const placeName = inbound.kind === 'mention' ? inbound.placeName : undefined;
  const location =
    inbound.point || placeName ? { ...(inbound.point ?? {}), ...(placeName ? { address: placeName } : {}) } : undefined;
  return {
    channel: 'twitter',
    externalId: externalIdOf(inbound),
    receivedAt: inbound.createdAt ?? options.now,
    rawPayload: inbound.raw,
    text: inbound.text,
    location,
    reporter: { name, contactKind: 'twitter_user_id', contactValue: userId },
    attachments: options.attachments?.length ? options.attachments : undefined,
    replyContext,
  };
}
