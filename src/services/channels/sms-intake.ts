import type { ChannelConfig } from '../../channels/config/channel-config.js';
import { ConcatBuffer } from '../../channels/sms/concat-buffer.js';
import { parseKeywordMessage } from '../../channels/sms/keyword-format.js';
import { toNormalizedComplaint, type InboundSms } from '../../channels/sms/sms-inbound.js';
import { findCategory } from '../../store/reference.repository.js';
import { isUniqueViolation } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { channelDb, insertSmsPart, openSmsParts, releaseSmsGroup, smsPartSeen, staleSmsGroups, type SmsPartRow } from './channel-store.js';
import { receiveChannelMessage, type ChannelMessageResult } from './receive-channel-message.js';

/**
 * Inbound SMS after authentication and parsing. Parts of a concatenated SMS are kept in `sms_parts` until
 * their siblings arrive (durable: a restart or a second server process loses nothing), then joined and taken
 * as one message. A group whose parts stop coming is released after `CEPAT_SMS_CONCAT_TIMEOUT_MINUTES` with a
 * gap marker, by the next SMS or by the channel job. A part repeated by the gateway is stored once.
 */
export type SmsTakeResult =
  | { status: 'taken'; result: ChannelMessageResult }
  | { status: 'pending'; received: number; total: number }
  | { status: 'duplicate_part' };

export async function takeInboundSms(ctx: AppContext, channels: ChannelConfig, sms: InboundSms, meta: RequestMeta = {}): Promise<SmsTakeResult> {
  // Any arrival is a good moment to release groups that waited too long (cheap: an indexed range).
  await releaseStaleSms(ctx, channels, meta);
  if (!sms.concat || sms.concat.total <= 1) return { status: 'taken', result: await intake(ctx, channels, sms, meta) };

  const db = channelDb(ctx.database);
  const now = ctx.clock();
  const group = groupKey(sms);
  const recentSince = new Date(now.getTime() - channels.sms.concatTimeoutMs).toISOString();
  const open = await openSmsParts(db, group);
  if (!open.some((p) => p.part === sms.concat!.part)) {
    // Not held now but released recently: a late retry of a message already taken.
    if (await smsPartSeen(db, group, sms.concat.part, recentSince)) return { status: 'duplicate_part' };
    try {
      await insertSmsPart(db, { group_key: group, part: sms.concat.part, total: sms.concat.total, message_id: sms.messageId ?? null, payload: serialize(sms), received_at: now.toISOString() });
    } catch (err) {
      // The same part raced in on another request; whoever completes the group takes it.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  const parts = await openSmsParts(db, group);
  const numbers = new Set(parts.map((p) => p.part));
  if (numbers.size < sms.concat.total) return { status: 'pending', received: numbers.size, total: sms.concat.total };
  // Complete. Taken before the group is marked released: a crash in between replays the same id (idempotent).
  const joined = join(parts, channels, now);
  const result = await intake(ctx, channels, joined, meta);
  await releaseSmsGroup(db, group, ctx.clock());
  return { status: 'taken', result };
}

/** Releases every group older than the timeout, joined with a marker where parts are missing. */
export async function releaseStaleSms(ctx: AppContext, channels: ChannelConfig, meta: RequestMeta = {}): Promise<number> {
  const db = channelDb(ctx.database);
  const now = ctx.clock();
  const groups = await staleSmsGroups(db, new Date(now.getTime() - channels.sms.concatTimeoutMs).toISOString());
  let released = 0;
  for (const group of groups) {
    const parts = await openSmsParts(db, group);
    if (!parts.length) continue;
    await intake(ctx, channels, join(parts, channels, now), meta);
    await releaseSmsGroup(db, group, ctx.clock());
    released++;
  }
  return released;
}

async function intake(ctx: AppContext, channels: ChannelConfig, sms: InboundSms, meta: RequestMeta): Promise<ChannelMessageResult> {
  const keyword = parseKeywordMessage(sms.text, { keywords: channels.sms.keywords });
  const word = keyword?.categoryText?.toLowerCase();
  const code = word ? await categoryFor(ctx, channels, word) : undefined;
  let complaint = toNormalizedComplaint(sms, { now: ctx.clock(), keyword: { keywords: channels.sms.keywords }, categoryCodes: word && code ? { [word]: code } : {} });
  // A category word we cannot map stays in the text, for triage to read.
  if (keyword?.categoryText && !code) complaint = { ...complaint, text: `${keyword.categoryText}: ${complaint.text}` };
  return receiveChannelMessage(
    ctx,
    {
      complaint,
      conversationWindowMinutes: channels.conversationWindowMinutes,
      thread: sms.fromIsMsisdn ? { contact: sms.from, mode: 'sms', ref: complaint.externalId } : undefined,
    },
    meta,
  );
}

/** The configured word, else the word as a catalogue code ("jalan rusak" → jalan-rusak) when it exists. */
async function categoryFor(ctx: AppContext, channels: ChannelConfig, word: string): Promise<string | undefined> {
  const candidates = [channels.sms.categoryWords[word], word.trim().replace(/\s+/g, '-')].filter((c): c is string => !!c);
  for (const code of candidates) {
    const row = await findCategory(ctx.database.db, code);
    if (row && row.active === 1) return code;
  }
  return undefined;
}

function groupKey(sms: InboundSms): string {
  return `${sms.from}|${sms.concat!.ref}|${sms.concat!.total}`.slice(0, 300);
}

function serialize(sms: InboundSms): string {
  return JSON.stringify({ ...sms, sentAt: sms.sentAt?.toISOString() });
}

function deserialize(text: string): InboundSms {
  const o = JSON.parse(text) as InboundSms & { sentAt?: string };
  return { ...o, sentAt: o.sentAt ? new Date(o.sentAt) : undefined };
}

/** The pure ConcatBuffer does the joining, so durable and in-memory reassembly give the same text and id. */
function join(parts: SmsPartRow[], channels: ChannelConfig, now: Date): InboundSms {
  const buffer = new ConcatBuffer({ timeoutMs: channels.sms.concatTimeoutMs });
  for (const p of parts) {
    const r = buffer.add(deserialize(p.payload), now);
    if (r.status === 'complete') return r.message;
  }
  // Parts are missing: let the buffer time the group out, which joins what came with a gap marker.
  const [released] = buffer.expire(new Date(now.getTime() + channels.sms.concatTimeoutMs));
  return released;
}
