import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/db.js';
import type { DB } from '../../store/schema.js';
import type { Executor } from '../../store/transaction.js';

/**
 * The SQL of the channel tables (migration 20261128020000-channels). Row types are declared here rather than
 * in src/store/schema.ts so this module stays self-contained; `channelDb` views the shared Kysely instance
 * with them added. Times are ISO-8601 UTC text like everywhere else.
 */
export interface SmsPartTable {
  id: Generated<number>;
  group_key: string;
  part: number;
  total: number;
  message_id: string | null;
  /** The parsed InboundSms (JSON, `sentAt` as ISO text). */
  payload: string;
  received_at: string;
  released_at: string | null;
}

export interface SmsDeliveryTable {
  id: Generated<number>;
  delivery_key: string;
  case_id: number | null;
  gateway_message_id: string | null;
  segments: number;
  encoding: string;
  /** submitted | pending | delivered | failed */
  status: string;
  gateway_status: string | null;
  submitted_at: string;
  status_at: string | null;
  receipt: string | null;
}

export interface ChannelThreadTable {
  case_id: number;
  channel: string;
  contact: string;
  /** tweet | dm | chat | sms … : how the citizen last wrote */
  mode: string;
  last_ref: string;
  last_at: string;
}

export interface ChannelDeliveryPartTable {
  delivery_key: string;
  part: number;
  provider_id: string | null;
  sent_at: string;
}

export interface ChannelTables {
  sms_parts: SmsPartTable;
  sms_deliveries: SmsDeliveryTable;
  channel_threads: ChannelThreadTable;
  channel_delivery_parts: ChannelDeliveryPartTable;
}

export type ChannelDB = DB & ChannelTables;
export type SmsPartRow = Selectable<SmsPartTable>;
export type SmsDeliveryRow = Selectable<SmsDeliveryTable>;
export type ChannelThreadRow = Selectable<ChannelThreadTable>;

export function channelDb(database: Database | Executor): Kysely<ChannelDB> {
  // A Database wrapper has `close`; a Kysely instance or transaction has `destroy`.
  const db = 'close' in database ? database.db : database;
  return db as unknown as Kysely<ChannelDB>;
}

// ---- threads -------------------------------------------------------------------------------------------

/** Remembers the citizen's latest message on a case (keeps the newest when deliveries arrive out of order). */
export async function upsertThread(db: Kysely<ChannelDB>, t: ChannelThreadRow): Promise<void> {
  await db
    .insertInto('channel_threads')
    .values(t)
    .onConflict((oc) =>
      oc
        .columns(['case_id', 'channel', 'contact'])
        .doUpdateSet({ mode: t.mode, last_ref: t.last_ref, last_at: t.last_at })
        .where('channel_threads.last_at', '<=', t.last_at),
    )
    .execute();
}

export async function findThread(db: Kysely<ChannelDB>, caseId: number, channel: string, contact: string): Promise<ChannelThreadRow | undefined> {
  return db.selectFrom('channel_threads').selectAll().where('case_id', '=', caseId).where('channel', '=', channel).where('contact', '=', contact).executeTakeFirst();
}

/** The person's latest message on the channel, whatever case it went to (Messenger's window is per person). */
export async function lastMessageAt(db: Kysely<ChannelDB>, channel: string, contact: string): Promise<Date | undefined> {
  const row = await db.selectFrom('channel_threads').select('last_at').where('channel', '=', channel).where('contact', '=', contact).orderBy('last_at', 'desc').limit(1).executeTakeFirst();
  return row ? new Date(row.last_at) : undefined;
}

// ---- parts of outbound messages -------------------------------------------------------------------------

export async function sentParts(db: Kysely<ChannelDB>, deliveryKey: string): Promise<Map<number, string | null>> {
  const rows = await db.selectFrom('channel_delivery_parts').select(['part', 'provider_id']).where('delivery_key', '=', deliveryKey).execute();
  return new Map(rows.map((r) => [r.part, r.provider_id]));
}

export async function recordSentPart(db: Kysely<ChannelDB>, deliveryKey: string, part: number, providerId: string | null, now: Date): Promise<void> {
  await db
    .insertInto('channel_delivery_parts')
    .values({ delivery_key: deliveryKey, part, provider_id: providerId, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['delivery_key', 'part']).doNothing())
    .execute();
}

// ---- SMS parts ------------------------------------------------------------------------------------------

/** A part already held (open) or released less than `recentSince` ago: a gateway retry, not a new message. */
export async function smsPartSeen(db: Kysely<ChannelDB>, groupKey: string, part: number, recentSince: string): Promise<boolean> {
  const row = await db
    .selectFrom('sms_parts')
    .select('id')
    .where('group_key', '=', groupKey)
    .where('part', '=', part)
    .where((eb) => eb.or([eb('released_at', 'is', null), eb('released_at', '>=', recentSince)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSmsPart(db: Kysely<ChannelDB>, row: Omit<SmsPartRow, 'id' | 'released_at'>): Promise<void> {
  await db.insertInto('sms_parts').values({ ...row, released_at: null }).execute();
}

export async function openSmsParts(db: Kysely<ChannelDB>, groupKey: string): Promise<SmsPartRow[]> {
  return db.selectFrom('sms_parts').selectAll().where('group_key', '=', groupKey).where('released_at', 'is', null).orderBy('part').execute();
}

export async function releaseSmsGroup(db: Kysely<ChannelDB>, groupKey: string, now: Date): Promise<void> {
  await db.updateTable('sms_parts').set({ released_at: now.toISOString() }).where('group_key', '=', groupKey).where('released_at', 'is', null).execute();
}

/** Groups whose first open part arrived before `before`: their missing parts are not coming. */
export async function staleSmsGroups(db: Kysely<ChannelDB>, before: string, limit = 100): Promise<string[]> {
  const rows = await db.selectFrom('sms_parts').select('group_key').where('released_at', 'is', null).where('received_at', '<', before).groupBy('group_key').limit(limit).execute();
  return rows.map((r) => r.group_key);
}

// ---- SMS deliveries -------------------------------------------------------------------------------------

/** `sending` before the gateway call (so a fast receipt carrying our reference finds it), `submitted` after. */
export async function recordSmsSubmission(db: Kysely<ChannelDB>, row: Omit<SmsDeliveryRow, 'id' | 'status_at' | 'receipt' | 'gateway_status'>): Promise<void> {
  await db
    .insertInto('sms_deliveries')
    .values({ ...row, gateway_status: null, status_at: null, receipt: null })
    .onConflict((oc) =>
      oc.column('delivery_key').doUpdateSet({ gateway_message_id: row.gateway_message_id, segments: row.segments, encoding: row.encoding, submitted_at: row.submitted_at, status: row.status }),
    )
    .execute();
}

export async function findSmsDelivery(db: Kysely<ChannelDB>, ref: { reference?: string; messageId?: string }): Promise<SmsDeliveryRow | undefined> {
  if (ref.reference) {
    const byKey = await db.selectFrom('sms_deliveries').selectAll().where('delivery_key', '=', ref.reference).executeTakeFirst();
    if (byKey) return byKey;
  }
  if (ref.messageId) return db.selectFrom('sms_deliveries').selectAll().where('gateway_message_id', '=', ref.messageId).executeTakeFirst();
  return undefined;
}

export async function updateSmsDeliveryStatus(db: Kysely<ChannelDB>, id: number, patch: { status: string; gateway_status: string; status_at: string; receipt: string }): Promise<void> {
  await db.updateTable('sms_deliveries').set(patch).where('id', '=', id).execute();
}

/** After the gateway accepted it; a receipt that already came in keeps its status. */
export async function markSmsSubmitted(db: Kysely<ChannelDB>, deliveryKey: string, gatewayMessageId: string | null): Promise<void> {
  await db.updateTable('sms_deliveries').set({ gateway_message_id: gatewayMessageId }).where('delivery_key', '=', deliveryKey).execute();
  await db.updateTable('sms_deliveries').set({ status: 'submitted' }).where('delivery_key', '=', deliveryKey).where('status', '=', 'sending').execute();
}
