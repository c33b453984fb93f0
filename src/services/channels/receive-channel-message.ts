import type { NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { findCaseById, findInboundMessage } from '../../store/case.repository.js';
import type { AppContext, RequestMeta } from '../context.js';
import { receiveMessage, type ReceiveResult } from '../intake/receive-message.js';
import { channelDb, upsertThread } from './channel-store.js';
import { fetchMedia, type MediaOptions } from './fetch-media.js';

/**
 * One inbound message from Facebook, X, SMS or a partner, after its webhook was authenticated and parsed:
 * a replay changes nothing (and downloads nothing); photos given as URLs are fetched; the message goes
 * through `receiveMessage` (new case, or the sender's open conversation); and the thread is remembered so the
 * answer goes back the way the citizen wrote (a DM, a reply post, Messenger's 24-hour window).
 */
export interface ChannelMessageInput {
  complaint: NormalizedComplaint;
  mediaUrls?: readonly string[];
  media?: Omit<MediaOptions, 'maxBytes'>;
  conversationWindowMinutes?: number;
  /** The case this message answers, when the provider says it replies to one of our messages. */
  threadCaseRef?: number | string;
  /** How to answer: the contact on the channel, the mode (tweet, dm, chat, sms) and the id to reply to. */
  thread?: { contact: string; mode: string; ref: string };
}

export interface ChannelMessageResult extends ReceiveResult {
  mediaSkipped: { url: string; reason: string }[];
}

export async function receiveChannelMessage(ctx: AppContext, input: ChannelMessageInput, meta: RequestMeta = {}): Promise<ChannelMessageResult> {
  const c = input.complaint;
  const seen = await findInboundMessage(ctx.database.db, c.channel, c.externalId);
  if (seen?.case_id) {
    const kase = (await findCaseById(ctx.database.db, seen.case_id))!;
    await remember(ctx, kase.id, input);
    return { disposition: 'duplicate', created: false, case: kase, mediaSkipped: [] };
  }
  let complaint = c;
  let mediaSkipped: ChannelMessageResult['mediaSkipped'] = [];
  if (input.mediaUrls?.length && input.media) {
    const fetched = await fetchMedia(input.mediaUrls, { ...input.media, maxBytes: ctx.config.maxUploadBytes });
    mediaSkipped = fetched.skipped;
    if (fetched.skipped.length) {
      // The URLs stay in the raw message; the log says why a photo was not kept.
      ctx.log.warn({ cat: 'channels', channel: c.channel, externalId: c.externalId, skipped: fetched.skipped }, 'photo not downloaded');
    }
    complaint = { ...complaint, attachments: [...(complaint.attachments ?? []), ...fetched.attachments] };
  }
  if (!complaint.text.trim()) complaint = { ...complaint, text: placeholderText(complaint, input.mediaUrls?.length ?? 0) };
  const result = await receiveMessage(ctx, complaint, { conversationWindowMinutes: input.conversationWindowMinutes, threadCaseRef: input.threadCaseRef }, meta);
  await remember(ctx, result.case.id, input);
  return { ...result, mediaSkipped };
}

/** A photo or a shared location with no words still makes a case; officers see what it was. */
function placeholderText(c: NormalizedComplaint, photoUrls: number): string {
  if (c.attachments?.length || photoUrls) return '[Foto tanpa keterangan]';
  if (c.location?.lat !== undefined) return '[Lokasi dibagikan tanpa keterangan]';
  return '[Pesan tanpa teks]';
}

async function remember(ctx: AppContext, caseId: number, input: ChannelMessageInput): Promise<void> {
  if (!input.thread) return;
  await upsertThread(channelDb(ctx.database), {
    case_id: caseId,
    channel: input.complaint.channel,
    contact: input.thread.contact,
    mode: input.thread.mode,
    last_ref: input.thread.ref,
    last_at: input.complaint.receivedAt.toISOString(),
  });
}

/** The case one of our sent messages belongs to (a citizen replied to it): from the provider id we recorded. */
export async function caseOfSentMessage(ctx: AppContext, providerId: string): Promise<number | undefined> {
  const db = channelDb(ctx.database);
  const row = await db
    .selectFrom('channel_delivery_parts')
    .innerJoin('outbox', 'outbox.delivery_key', 'channel_delivery_parts.delivery_key')
    .select('outbox.case_id')
    .where('channel_delivery_parts.provider_id', '=', providerId)
    .executeTakeFirst();
  return row?.case_id ?? undefined;
}
