import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { validationFailed } from '../../domain/errors.js';

/**
 * Page messaging webhooks (`object: "page"`, `entry[].messaging[]`) turned into inbound messages.
 * Only messages written by a person count: echoes of what the page sent, delivery and read receipts,
 * reactions, postbacks and stickers are dropped. Facebook batches several events in one POST, so one call
 * can yield several messages, each with its own `mid` (the idempotency key).
 */
export interface FacebookInboundMessage {
  mid: string;
  /** Page-scoped id of the person: the only address we can answer to. */
  psid: string;
  pageId: string;
  /** Facebook's timestamp; absent when the event carried none. */
  sentAt?: Date;
  text: string;
  /** Image URLs on Facebook's CDN; they expire, so the caller downloads them soon after receipt. */
  imageUrls: string[];
  /** Video, audio and file attachments, kept for the officer (not downloaded as evidence photos). */
  otherAttachments: { type: string; url: string }[];
  location?: { lat: number; lng: number; title?: string };
  /** The mid this message replies to in the thread, when the person used "reply". */
  replyToMid?: string;
  /** The messaging event exactly as received. */
  raw: unknown;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseWebhook(body: unknown): FacebookInboundMessage[] {
  if (!isObj(body) || !Array.isArray(body.entry)) {
    throw validationFailed([{ field: 'entry', message: 'not a Facebook webhook body (entry[] missing)' }]);
  }
  // Instagram and other objects share the format but are not this channel.
  if (body.object !== 'page') return [];
  const out: FacebookInboundMessage[] = [];
  for (const entry of body.entry) {
    if (!isObj(entry) || !Array.isArray(entry.messaging)) continue; // feed `changes` are not messages
    for (const event of entry.messaging) {
      const message = parseMessagingEvent(event, str(entry.id));
      if (message) out.push(message);
    }
  }
  return out;
}

function parseMessagingEvent(event: unknown, entryPageId: string | undefined): FacebookInboundMessage | undefined {
  if (!isObj(event) || !isObj(event.message)) return undefined; // delivery, read, postback, reaction …
  const msg = event.message;
  if (msg.is_echo === true) return undefined;
  const mid = str(msg.mid);
  const psid = isObj(event.sender) ? str(event.sender.id) : undefined;
  const pageId = (isObj(event.recipient) ? str(event.recipient.id) : undefined) ?? entryPageId;
  if (!mid || !psid || !pageId) return undefined;

  const imageUrls: string[] = [];
  const otherAttachments: { type: string; url: string }[] = [];
  let location: FacebookInboundMessage['location'];
  for (const att of Array.isArray(msg.attachments) ? msg.attachments : []) {
    if (!isObj(att)) continue;
    const payload = isObj(att.payload) ? att.payload : {};
    const type = str(att.type) ?? 'unknown';
    if (type === 'location' || (type === 'fallback' && locationFromUrl(str(att.url)))) {
      location = locationFromPayload(payload, str(att.title)) ?? locationFromUrl(str(att.url) ?? str(payload.url), str(att.title));
      continue;
    }
    if (payload.sticker_id !== undefined) continue; // the thumbs-up sticker is not evidence
    const url = str(payload.url);
    if (!url) continue;
    if (type === 'image') imageUrls.push(url);
    else otherAttachments.push({ type, url });
  }
  const text = str(msg.text) ?? '';
  if (!text.trim() && imageUrls.length === 0 && otherAttachments.length === 0 && !location) return undefined;
  const ts = typeof event.timestamp === 'number' ? event.timestamp : Number(event.timestamp);
  return {
    mid,
    psid,
    pageId,
    sentAt: Number.isFinite(ts) && ts > 0 ? new Date(ts) : undefined,
    text,
    imageUrls,
    otherAttachments,
    location,
    replyToMid: isObj(msg.reply_to) ? str(msg.reply_to.mid) : undefined,
    raw: event,
  };
}

function locationFromPayload(payload: Json, title?: string): FacebookInboundMessage['location'] {
  const c = isObj(payload.coordinates) ? payload.coordinates : undefined;
  if (!c) return undefined;
  const lat = Number(c.lat);
  const lng = Number(c.long ?? c.lng);
  return validLatLng(lat, lng) ? { lat, lng, ...(title ? { title } : {}) } : undefined;
}

/** Newer clients send a map link instead of coordinates (`…?where1=-6.2%2C+106.8` or `…?q=-6.2,106.8`). */
function locationFromUrl(url: string | undefined, title?: string): FacebookInboundMessage['location'] {
  if (!url) return undefined;
  let target = url;
  try {
    // l.facebook.com wraps the real link in `u=`.
    const outer = new URL(url);
    target = outer.searchParams.get('u') ?? url;
    const inner = new URL(target);
    for (const key of ['where1', 'q', 'll', 'cp']) {
      const v = inner.searchParams.get(key);
      const m = v?.match(/^\s*(-?\d+(?:\.\d+)?)\s*[,~]\s*\+?(-?\d+(?:\.\d+)?)\s*$/);
      if (m) {
        const lat = Number(m[1]);
        const lng = Number(m[2]);
        if (validLatLng(lat, lng)) return { lat, lng, ...(title ? { title } : {}) };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const validLatLng = (lat: number, lng: number) =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0);

/**
 * The normalized complaint for one message. Attachments must already be downloaded (`attachments`): this
 * module does no I/O. `now` is the arrival time used when Facebook's timestamp is missing.
 */
export function toNormalizedComplaint(
  message: FacebookInboundMessage,
  options: { now: Date; attachments?: AttachmentInput[] },
): NormalizedComplaint {
  const receivedAt = message.sentAt ?? options.now;
  const replyContext: Record<string, string> = {
    psid: message.psid,
    pageId: message.pageId,
    mid: message.mid,
    // The Send API's 24-hour window starts at the person's last message.
    lastUserMessageAt: receivedAt.toISOString(),
  };
  if (message.replyToMid) replyContext.replyToMid = message.replyToMid;
  if (message.imageUrls.length) replyContext.imageUrls = message.imageUrls.join(' ');
  return {
    channel: 'facebook',
    externalId: message.mid,
    receivedAt,
    rawPayload: message.raw,
    text: message.text,
    location: message.location
      ? { lat: message.location.lat, lng: message.location.lng, ...(message.location.title ? { address: message.location.title } : {}) }
      : undefined,
    reporter: { contactKind: 'facebook_psid', contactValue: message.psid },
    attachments: options.attachments?.length ? options.attachments : undefined,
    replyContext,
  };
}
