import { randomBytes } from 'node:crypto';
import { DomainError, validationFailed, type ErrorDetail } from '../../domain/errors.js';
import type { NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { toSearchText } from '../../domain/triage/text/index.js';
import { findCaseById, findInboundMessage, insertCase, nextTicketSequence, type CaseRow } from '../../store/case.repository.js';
import { appendEvent } from '../../store/event.repository.js';
import { findArea, findCategory } from '../../store/reference.repository.js';
import { isUniqueViolation, type Trx } from '../../store/transaction.js';
import { insertAttachmentRows, persistFiles, type StoredFile } from '../attachments/store-attachments.js';
import { prepareAttachment } from '../attachments/prepare-attachment.js';
import type { AppContext, RequestMeta } from '../context.js';
import { notifyReporters } from '../notify/notify-reporters.js';
import { routingTableAgency } from '../routing/routing-table.js';
import { recomputeCaseSla } from '../sla/recompute-case-sla.js';
import { linkAutoDuplicate } from '../triage/link-duplicate.js';
import type { TriageAssessment } from '../triage/engine.js';
import { findOrCreateReporter } from './reporter.js';
import { deriveAccessCode, formatTicket, hashAccessCode, ticketPeriod } from './ticket.js';

export interface IntakeResult {
  /** False when the same (channel, externalId) had already been taken: the existing case is returned. */
  created: boolean;
  case: CaseRow;
  /** The code the citizen needs to track the case (only its hash is stored; derived, so a resend gets it too). */
  accessCode: string;
  triage?: TriageAssessment;
}

/**
 * The one intake used by every channel. In one transaction: the raw message, the reporter, the case (routed
 * when category and place are known, else left in the triage queue), its first events and the acknowledgement
 * in the outbox. A repeated idempotency key returns the existing case and changes nothing.
 */
export async function submitComplaint(ctx: AppContext, complaint: NormalizedComplaint, meta: RequestMeta = {}): Promise<IntakeResult> {
  const { db } = ctx.database;
  const seen = await findInboundMessage(db, complaint.channel, complaint.externalId);
  if (seen?.case_id) return existing(ctx, seen.case_id);

  validateComplaint(complaint);
  const prepared = await Promise.all((complaint.attachments ?? []).map((a) => prepareAttachment(a, ctx.config.maxUploadBytes)));
  const exifHint = prepared.find((p) => p.exif)?.exif;
  const location = { ...complaint.location };
  if (location.lat === undefined && exifHint) Object.assign(location, { lat: exifHint.lat, lng: exifHint.lng });
  const assessment = await ctx.triage.assess({ text: complaint.text, categoryCode: complaint.categoryCode, location, channel: complaint.channel, senderKey: complaint.reporter.contactValue });
  const stored = await persistFiles(ctx.files, prepared);

  try {
    const result = await ctx.intakeCommits.run((trx) => createInTransaction(ctx, trx, complaint, location, assessment, stored, meta));
    // After the commit: the new case exists, so a near-certain duplicate can be merged into the original.
    if ((await linkAutoDuplicate(ctx, result)) === 'merged') return { ...result, case: (await findCaseById(db, result.case.id))! };
    return result;
  } catch (err) {
    // Two deliveries of the same message raced: the loser returns the winner's case.
    if (isUniqueViolation(err, 'inbound_messages_idem')) {
      const again = await findInboundMessage(db, complaint.channel, complaint.externalId);
      if (again?.case_id) return existing(ctx, again.case_id);
    }
    throw err;
  }
}

async function existing(ctx: AppContext, caseId: number): Promise<IntakeResult> {
  const kase = (await findCaseById(ctx.database.db, caseId))!;
  return { created: false, case: kase, accessCode: deriveAccessCode(ctx.secret, kase.ticket) };
}

function validateComplaint(c: NormalizedComplaint): void {
  const problems: ErrorDetail[] = [];
  if (!c.externalId?.trim()) problems.push({ field: 'externalId', message: 'required' });
  if (!c.text?.trim()) problems.push({ field: 'text', message: 'required' });
  if (c.text && c.text.length > 20_000) problems.push({ field: 'text', message: 'at most 20000 characters' });
  const { lat, lng } = c.location ?? {};
  if ((lat === undefined) !== (lng === undefined)) problems.push({ field: 'location', message: 'lat and lng go together' });
  if (lat !== undefined && (!Number.isFinite(lat) || lat < -90 || lat > 90)) problems.push({ field: 'lat', message: 'must be between -90 and 90' });
  if (lng !== undefined && (!Number.isFinite(lng) || lng < -180 || lng > 180)) problems.push({ field: 'lng', message: 'must be between -180 and 180' });
  if (problems.some((p) => p.field === 'lat' || p.field === 'lng')) {
    throw new DomainError('invalid_coordinates', 'Koordinat di luar jangkauan', 'Coordinates out of range', problems);
  }
  if (problems.length) throw validationFailed(problems);
}

async function createInTransaction(
  ctx: AppContext,
  trx: Trx,
  c: NormalizedComplaint,
  location: NonNullable<NormalizedComplaint['location']>,
  triage: TriageAssessment,
  files: StoredFile[],
  meta: RequestMeta,
): Promise<IntakeResult> {
  const now = ctx.clock();
  const category = triage.categoryCode ? await findCategory(trx, triage.categoryCode) : undefined;
  if (triage.categoryCode && !category && c.categoryCode) {
    throw new DomainError('unknown_category', `Kategori '${c.categoryCode}' tidak dikenal`, `Unknown category '${c.categoryCode}'`, [{ field: 'categoryCode', message: 'unknown' }]);
  }
  const areaCode = triage.areaCode ?? null;
  if (areaCode && !(await findArea(trx, areaCode))) {
    throw new DomainError('unknown_area', `Wilayah '${areaCode}' tidak dikenal`, `Unknown area '${areaCode}'`, [{ field: 'areaCode', message: 'unknown' }]);
  }
  const reporterId = await findOrCreateReporter(trx, c.reporter, now);
  const { ticket, accessCode } = await issueTicket(ctx, trx, now);
  // Route only on a category the citizen/officer chose or the model is confident about, and a known place.
  const agencyId = category && triage.confident ? await routingTableAgency(trx, category.code, areaCode) : null;
  const confidential = c.reporter.confidential === true || c.reportType === 'wbs';
  const kase = await insertCase(trx, {
    ticket,
    access_code_hash: hashAccessCode(accessCode),
    title: c.title?.trim().slice(0, 200) || null,
    description: c.text.trim(),
    search_text: toSearchText(`${c.title ?? ''} ${c.text} ${location.address ?? ''}`),
    status: agencyId ? 'disposisi' : 'menunggu',
    resume_status: null,
    report_type: c.reportType ?? 'pengaduan',
    channel: c.channel,
    category_code: category?.code ?? null,
    area_code: areaCode,
    lat: location.lat ?? null,
    lng: location.lng ?? null,
    address: location.address?.trim() || null,
    agency_id: agencyId,
    priority: maxPriority(category?.priority, triage.priority),
    reporter_id: reporterId,
    is_public: confidential ? 0 : 1,
    merged_into_id: null,
    reject_reason: null,
    reject_note: null,
    forwarded_to: null,
    partner_api_key_id: c.partnerId && /^\d+$/.test(c.partnerId) ? Number(c.partnerId) : null,
    open311_token: c.channel === 'open311' ? randomBytes(12).toString('hex') : null,
    post_id: c.assisted?.postId ?? null,
    intake_officer_id: c.assisted?.officerUserId ? Number(c.assisted.officerUserId) : null,
    triage: JSON.stringify({ suggestions: triage.suggestions, confidence: triage.categoryConfidence ?? null, areaSource: triage.areaSource ?? null, model: triage.modelVersion ?? null }),
    flags: triage.flags.length ? JSON.stringify(triage.flags) : null,
    support_count: 0,
    received_at: c.receivedAt.toISOString(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    verify_due_at: null,
    response_due_at: null,
    resolution_due_at: null,
    sla_paused_at: null,
  });
  await trx.insertInto('case_reporters').values({ case_id: kase.id, reporter_id: reporterId, channel: c.channel, joined_at: now.toISOString() }).execute();
  await trx
    .insertInto('inbound_messages')
    .values({ channel: c.channel, external_id: c.externalId, case_id: kase.id, received_at: c.receivedAt.toISOString(), stored_at: now.toISOString(), payload: JSON.stringify(c.rawPayload ?? null), disposition: 'new_case' })
    .execute();
  await insertAttachmentRows(trx, kase.id, null, files, now);
  const actor = c.assisted?.officerUserId ? `user:${c.assisted.officerUserId}` : c.partnerId ? `partner:${c.partnerId}` : `citizen:${reporterId}`;
  await appendEvent(trx, {
    caseId: kase.id,
    action: 'case.created',
    actor,
    after: { status: 'menunggu', channel: c.channel, category: kase.category_code, area: areaCode, externalId: c.externalId, post: kase.post_id, triage: { confidence: triage.categoryConfidence ?? null, flags: triage.flags } },
    at: now,
    requestId: meta.requestId,
  });
  if (agencyId) await recordRoutingDispatch(trx, kase.id, agencyId, now, meta);
  await recomputeCaseSla(trx, ctx, kase.id, now);
  await notifyReporters(trx, kase, { template: 'ack', key: 'ack', vars: { accessCode, emergency: triage.flags.includes('emergency') ? 1 : 0 } }, now, trackingUrl(ctx, kase.ticket));
  return { created: true, case: kase, accessCode, triage };
}

/** The next ticket number of the month and its access code (only the code's hash is stored; intake, split). */
export async function issueTicket(ctx: AppContext, trx: Trx, now: Date): Promise<{ ticket: string; accessCode: string }> {
  const period = ticketPeriod(now, ctx.config.timezone);
  const ticket = formatTicket(ctx.config.ticketPrefix, period, await nextTicketSequence(trx, period));
  return { ticket, accessCode: deriveAccessCode(ctx.secret, ticket) };
}

/** The assignment and event of a new case the routing table sent straight to its agency (intake, split). */
export async function recordRoutingDispatch(trx: Trx, caseId: number, agencyId: string, now: Date, meta: RequestMeta): Promise<void> {
  await trx.insertInto('assignments').values({ case_id: caseId, agency_id: agencyId, kind: 'dispatch', assigned_at: now.toISOString(), assigned_by: 'system:routing', reason: 'routing table', ended_at: null, misrouted: 0 }).execute();
  await appendEvent(trx, { caseId, action: 'case.dispatch', actor: 'system:routing', before: { status: 'menunggu', agency: null }, after: { status: 'disposisi', agency: agencyId }, at: now, requestId: meta.requestId });
}

export function trackingUrl(ctx: AppContext, ticket: string): string {
  return `${ctx.config.publicUrl}/lacak/${encodeURIComponent(ticket)}`;
}

const PRIORITY_RANK = { normal: 0, tinggi: 1, darurat: 2 } as const;

function maxPriority(a?: string | null, b?: string | null): string {
  const ra = PRIORITY_RANK[(a ?? 'normal') as keyof typeof PRIORITY_RANK] ?? 0;
  const rb = PRIORITY_RANK[(b ?? 'normal') as keyof typeof PRIORITY_RANK] ?? 0;
  return ra >= rb ? (a ?? 'normal') : (b ?? 'normal');
}
