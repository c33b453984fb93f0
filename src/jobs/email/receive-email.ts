import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { parseEmail } from '../../channels/email/email-inbound.js';
import type { AutomatedReason } from '../../channels/email/loop-protection.js';
import { maskContact } from '../../config/logger.js';
import { OPEN_STATUSES } from '../../domain/case/status.js';
import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { ALLOWED_TYPES } from '../../services/attachments/prepare-attachment.js';
import type { AppContext, RequestMeta } from '../../services/context.js';
import { receiveMessage } from '../../services/intake/receive-message.js';
import { findCaseById, findCaseByTicket } from '../../store/case.repository.js';
import type { Executor } from '../../store/transaction.js';
import { caseForMessageIds, recordEmailMessage } from './email-messages.repository.js';
import type { EmailSettings } from './email-settings.js';

/**
 * One inbound e-mail (from the SMTP listener or the IMAP poller) into the intake: automated mail is recorded
 * and dropped; a reply joins its case; anything else opens a case with its attachments. Returns only after
 * the commit, so the listener answers 250 (and the poller flags the message) only for mail that is stored.
 */
export type EmailIntakeOutcome =
  | { kind: 'ignored'; reason: AutomatedReason | 'empty'; messageId?: string }
  | { kind: 'new_case' | 'conversation' | 'duplicate'; caseId: number; ticket: string; messageId: string };

/** Evidence a case can hold; other attachments (office documents, archives) are named in the text instead. */
const MAX_ATTACHMENTS = 10;

export async function receiveEmail(ctx: AppContext, settings: EmailSettings, raw: Buffer, meta: RequestMeta & { source?: 'smtp' | 'imap' } = {}): Promise<EmailIntakeOutcome> {
  const now = ctx.clock();
  const parsed = await parseEmail(raw, {
    now,
    ticketPattern: settings.ticketPattern,
    messageIdDomain: settings.messageIdDomain,
    ownAddresses: [...settings.ownAddresses],
    maxAttachmentBytes: settings.maxAttachmentBytes,
  });
  const log = ctx.log.child({ cat: 'email', source: meta.source });
  if (parsed.kind === 'ignored') {
    const id = parsed.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`;
    await recordIgnored(ctx.database.db, id, { reason: parsed.reason, from: maskContact(parsed.from) }, now);
    log.info({ reason: parsed.reason, from: maskContact(parsed.from) }, 'automated mail ignored');
    return { kind: 'ignored', reason: parsed.reason, messageId: parsed.messageId };
  }
  const { complaint, threading } = parsed;
  const evidence = await keepStorableAttachments(complaint.attachments ?? []);
  const dropped = [...evidence.dropped, ...(complaint.replyContext?.droppedAttachments?.split(', ') ?? [])];
  const from = complaint.reporter.contactValue;
  const ids = [...threading.references, ...(threading.inReplyTo && !threading.references.includes(threading.inReplyTo) ? [threading.inReplyTo] : [])];
  const threadCaseRef = await threadCase(ctx.database.db, ids, threading.ticketNumber, from);
  // A reply may carry only a photo; a new case needs words (the subject stands in for an empty body).
  const text = composeText(complaint, evidence.kept.length, dropped, threadCaseRef === undefined);
  if (!text && !evidence.kept.length) {
    log.info({ from: maskContact(from) }, 'empty mail ignored');
    return { kind: 'ignored', reason: 'empty', messageId: complaint.externalId };
  }
  const message: NormalizedComplaint = { ...complaint, text, attachments: evidence.kept.length ? evidence.kept : undefined };

  const result = await receiveMessage(ctx, message, { threadCaseRef, conversationWindowMinutes: settings.conversationWindowMinutes }, meta);
  if (!complaint.externalId.startsWith('sha256:')) {
    await recordEmailMessage(ctx.database.db, { messageId: complaint.externalId, caseId: result.case.id, direction: 'in', address: from, subject: complaint.replyContext?.subject, references: ids, at: now });
  }
  log.info({ disposition: result.disposition, ticket: result.case.ticket, from: maskContact(from), attachments: evidence.kept.length, dropped: dropped.length }, 'mail received');
  return { kind: result.disposition, caseId: result.case.id, ticket: result.case.ticket, messageId: complaint.externalId };
}

/**
 * The open case this mail answers, if any: one whose Message-IDs it refers to, else the ticket in its subject
 * from a reporter of that case. A case closed for good takes no replies (the mail opens a new case), as in
 * receiveMessage.
 */
async function threadCase(db: Executor, ids: string[], ticket: string | undefined, from: string | undefined): Promise<number | undefined> {
  const byId = await caseForMessageIds(db, ids);
  const kase = byId !== undefined ? await findCaseById(db, byId) : ticket && from && (await isReporterOf(db, ticket, from)) ? await findCaseByTicket(db, ticket) : undefined;
  if (!kase) return undefined;
  return OPEN_STATUSES.includes(kase.status as never) || kase.status === 'selesai' ? kase.id : undefined;
}

/**
 * The subject tag alone is public (the ticket is on the tracking page), so it threads a reply only when it
 * comes from an address already reporting on that case; anyone else's mail about it opens a new case.
 */
async function isReporterOf(db: Executor, ticket: string, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('case_reporters', 'case_reporters.case_id', 'cases.id')
    .innerJoin('reporter_contacts', 'reporter_contacts.reporter_id', 'case_reporters.reporter_id')
    .select('cases.id')
    .where('cases.ticket', '=', ticket)
    .where('reporter_contacts.kind', '=', 'email')
    .where('reporter_contacts.value', '=', address.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Checks attachments by content so one unsupported file never refuses the whole complaint. */
async function keepStorableAttachments(list: AttachmentInput[]): Promise<{ kept: AttachmentInput[]; dropped: string[] }> {
  const kept: AttachmentInput[] = [];
  const dropped: string[] = [];
  for (const a of list) {
    const sniffed = await fileTypeFromBuffer(a.data).catch(() => undefined);
    if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime) || kept.length >= MAX_ATTACHMENTS) dropped.push(a.filename);
    else kept.push({ ...a, contentType: sniffed.mime, role: sniffed.mime.startsWith('image/') ? 'evidence' : 'document' });
  }
  return { kept, dropped };
}

/** The citizen's words (for a new case: the subject when the body is empty); a note naming attachments not kept. */
function composeText(c: NormalizedComplaint, keptAttachments: number, dropped: string[], newCase: boolean): string {
  let text = c.text.trim() || (newCase ? c.title?.trim() || (keptAttachments ? '(lampiran tanpa teks)' : '') : '');
  if (text && dropped.length) text += `\n\n[Lampiran tidak disimpan (jenis tidak didukung atau terlalu besar): ${dropped.join(', ')}]`;
  return text.slice(0, 20_000);
}

async function recordIgnored(db: Executor, externalId: string, payload: Record<string, unknown>, now: Date): Promise<void> {
  await db
    .insertInto('inbound_messages')
    .values({ channel: 'email', external_id: externalId.slice(0, 300), case_id: null, received_at: now.toISOString(), stored_at: now.toISOString(), payload: JSON.stringify(payload), disposition: 'ignored' })
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
    .execute();
}
