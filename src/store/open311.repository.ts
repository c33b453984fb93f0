import { type ExpressionBuilder, sql } from 'kysely';
import { OPEN_STATUSES } from '../domain/case/status.js';
import type { DB } from './schema.js';
import type { Executor } from './transaction.js';

/**
 * The SQL behind Open311: services from the category catalogue, public requests and their public facts
 * (first public photo, officers' replies, status events). Only cases with `is_public = 1` are ever read for
 * public output, and no reporter table is touched.
 */
export const UNCATEGORIZED_SERVICE = 'belum-dikategorikan';

export interface ServiceRow {
  code: string;
  name_id: string;
  name_en: string;
  description: string;
  group_name: string;
  keywords: string;
}

export async function listActiveServices(db: Executor): Promise<ServiceRow[]> {
  return db
    .selectFrom('categories')
    .select(['code', 'name_id', 'name_en', 'description', 'group_name', 'keywords'])
    .where('active', '=', 1)
    .orderBy('group_name')
    .orderBy('code')
    .execute();
}

export async function findActiveService(db: Executor, code: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('categories').select(['code', 'name_id', 'name_en', 'description', 'group_name', 'keywords']).where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

export interface RequestFilter {
  tickets?: string[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  /** ISO UTC bounds on the recorded time (inclusive). */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface PublicRequestRow {
  id: number;
  ticket: string;
  status: string;
  reject_reason: string | null;
  reject_note: string | null;
  forwarded_to: string | null;
  merged_into_id: number | null;
  category_code: string | null;
  service_name: string | null;
  title: string | null;
  description: string;
  agency_name: string | null;
  address: string | null;
  area_code: string | null;
  lat: number | null;
  lng: number | null;
  channel: string;
  report_type: string;
  support_count: number;
  created_at: string;
  updated_at: string;
  resolution_due_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
}

/** Public requests, newest first. A ticket list overrides the other filters (as the standard says). */
export async function listPublicRequests(db: Executor, f: RequestFilter): Promise<PublicRequestRow[]> {
  let q = db
    .selectFrom('cases')
    .leftJoin('categories', 'categories.code', 'cases.category_code')
    .leftJoin('agencies', 'agencies.id', 'cases.agency_id')
    .select([
      'cases.id', 'cases.ticket', 'cases.status', 'cases.reject_reason', 'cases.reject_note', 'cases.forwarded_to', 'cases.merged_into_id',
      'cases.category_code', 'categories.name_id as service_name', 'cases.title', 'cases.description', 'agencies.name as agency_name',
      'cases.address', 'cases.area_code', 'cases.lat', 'cases.lng', 'cases.channel', 'cases.report_type', 'cases.support_count',
      'cases.created_at', 'cases.updated_at', 'cases.resolution_due_at', 'cases.resolved_at', 'cases.closed_at',
    ])
    .where('cases.is_public', '=', 1);
  if (f.tickets) {
    q = q.where('cases.ticket', 'in', f.tickets.length ? f.tickets : ['']);
  } else {
    if (f.serviceCodes) {
      const codes = f.serviceCodes.filter((c) => c !== UNCATEGORIZED_SERVICE);
      const uncategorized = codes.length !== f.serviceCodes.length;
      q = q.where((eb) => eb.or([eb('cases.category_code', 'in', codes.length ? codes : ['']), ...(uncategorized ? [eb('cases.category_code', 'is', null)] : [])]));
    }
    if (f.statuses && f.statuses.length === 1) {
      q = q.where('cases.status', f.statuses[0] === 'open' ? 'in' : 'not in', [...OPEN_STATUSES]);
    }
    if (f.from) q = q.where('cases.created_at', '>=', f.from);
    if (f.to) q = q.where('cases.created_at', '<=', f.to);
  }
  const rows = await q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => ({ ...r, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng), support_count: Number(r.support_count) }));
}

/**
 * Which attachments may be published (as their metadata-free copy): the citizen's evidence of the problem, and
 * files attached to an officer's public reply (the "after" photo of a resolution). Not documents attached to an
 * internal step (a transfer's memo, a scan of an identity card), whatever their type.
 */
const publishable = (eb: ExpressionBuilder<DB, 'attachments'>) =>
  eb.or([
    eb('attachments.role', '=', 'evidence'),
    eb.exists(
      eb
        .selectFrom('comments')
        .select(sql<number>`1`.as('one'))
        .whereRef('comments.id', '=', 'attachments.comment_id')
        .where('comments.visibility', '=', 'public')
        .where((c) => c.or([c('comments.author', 'like', 'user:%'), c('comments.author', 'like', 'system:%')])),
    ),
  ]);

/** The first public photo (metadata-free copy) of each case. */
export async function firstPublicPhotos(db: Executor, caseIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('attachments')
    .select(['case_id', 'public_sha256'])
    .where('case_id', 'in', caseIds)
    .where('public_sha256', 'is not', null)
    .where('content_type', 'like', 'image/%')
    .where(publishable)
    .orderBy('id')
    .execute();
  for (const r of rows) if (!out.has(r.case_id) && r.public_sha256) out.set(r.case_id, r.public_sha256);
  return out;
}

/** The latest public reply of an officer (or a job) per case: the request's `status_notes`. */
export async function latestStaffReplies(db: Executor, caseIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('comments')
    .select(['case_id', 'body'])
    .where('case_id', 'in', caseIds)
    .where('visibility', '=', 'public')
    .where((eb) => eb.or([eb('author', 'like', 'user:%'), eb('author', 'like', 'system:%')]))
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) if (!out.has(r.case_id)) out.set(r.case_id, r.body);
  return out;
}

export async function ticketsByIds(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'ticket']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.ticket]));
}

export async function findTokenRequest(db: Executor, token: string): Promise<{ ticket: string; token: string } | undefined> {
  const row = await db.selectFrom('cases').select(['ticket', 'open311_token']).where('open311_token', '=', token).executeTakeFirst();
  return row?.open311_token ? { ticket: row.ticket, token: row.open311_token } : undefined;
}

/** For POST servicerequestupdates: the case of a ticket and which API key submitted it. */
export async function findCaseOwner(db: Executor, ticket: string): Promise<{ id: number; ticket: string; partnerApiKeyId: number | null } | undefined> {
  const row = await db.selectFrom('cases').select(['id', 'ticket', 'partner_api_key_id']).where('ticket', '=', ticket.toUpperCase()).executeTakeFirst();
  return row ? { id: row.id, ticket: row.ticket, partnerApiKeyId: row.partner_api_key_id } : undefined;
}

/** The content type of a public file, if it is the public copy of an attachment of a public case. */
export async function findPublicMedia(db: Executor, sha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('attachments')
    .innerJoin('cases', 'cases.id', 'attachments.case_id')
    .select('attachments.content_type')
    .where('attachments.public_sha256', '=', sha256)
    .where('cases.is_public', '=', 1)
    .where(publishable)
    .executeTakeFirst();
  return row?.content_type;
}

export interface UpdateSourceFilter {
  tickets?: string[];
  caseIds?: number[];
  from?: string;
  to?: string;
  /** At most this many, the oldest first (paging merges two lists sorted by time). */
  limit?: number;
}

/** Status events (`case.*`) of public cases, oldest first. */
export async function publicCaseEvents(db: Executor, f: UpdateSourceFilter) {
  let q = db
    .selectFrom('events')
    .innerJoin('cases', 'cases.id', 'events.case_id')
    .select(['events.id', 'events.case_id as caseId', 'cases.ticket', 'events.action', 'events.actor', 'events.after', 'events.at'])
    .where('cases.is_public', '=', 1)
    .where('events.action', 'like', 'case.%');
  if (f.tickets) q = q.where('cases.ticket', 'in', f.tickets.length ? f.tickets : ['']);
  if (f.caseIds) q = q.where('events.case_id', 'in', f.caseIds.length ? f.caseIds : [0]);
  if (f.from) q = q.where('events.at', '>=', f.from);
  if (f.to) q = q.where('events.at', '<=', f.to);
  // With a limit: the oldest first across cases; without: each case's chain in order (a status history).
  const rows = f.limit !== undefined ? await q.orderBy('events.at').orderBy('events.id').limit(f.limit).execute() : await q.orderBy('events.case_id').orderBy('events.seq').execute();
  return rows.map((r) => ({ ...r, caseId: Number(r.caseId) }));
}

/** Public replies of officers (and jobs) on public cases, with the first public photo attached to each. */
export async function publicStaffReplies(db: Executor, f: UpdateSourceFilter) {
  let q = db
    .selectFrom('comments')
    .innerJoin('cases', 'cases.id', 'comments.case_id')
    .select(['comments.id', 'comments.case_id as caseId', 'cases.ticket', 'comments.author', 'comments.body', 'comments.created_at as createdAt'])
    .where('cases.is_public', '=', 1)
    .where('comments.visibility', '=', 'public')
    .where((eb) => eb.or([eb('comments.author', 'like', 'user:%'), eb('comments.author', 'like', 'system:%')]));
  if (f.tickets) q = q.where('cases.ticket', 'in', f.tickets.length ? f.tickets : ['']);
  if (f.caseIds) q = q.where('comments.case_id', 'in', f.caseIds.length ? f.caseIds : [0]);
  if (f.from) q = q.where('comments.created_at', '>=', f.from);
  if (f.to) q = q.where('comments.created_at', '<=', f.to);
  let ordered = q.orderBy('comments.created_at').orderBy('comments.id');
  if (f.limit !== undefined) ordered = ordered.limit(f.limit);
  const rows = await ordered.execute();
  const photos = new Map<number, string>();
  if (rows.length) {
    const atts = await db
      .selectFrom('attachments')
      .select(['comment_id', 'public_sha256'])
      .where('comment_id', 'in', rows.map((r) => r.id))
      .where('public_sha256', 'is not', null)
      .where('content_type', 'like', 'image/%')
      .orderBy('id')
      .execute();
    for (const a of atts) if (a.comment_id !== null && a.public_sha256 && !photos.has(a.comment_id)) photos.set(a.comment_id, a.public_sha256);
  }
  return rows.map((r) => ({ ...r, caseId: Number(r.caseId), photoSha: photos.get(r.id) ?? null }));
}
