import type { NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { OPEN_STATUSES } from '../../domain/case/status.js';
import { findCaseById, findCaseByTicket, findInboundMessage, type CaseRow } from '../../store/case.repository.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction, isUniqueViolation } from '../../store/transaction.js';
import { insertAttachmentRows, persistFiles } from '../attachments/store-attachments.js';
import { prepareAttachment } from '../attachments/prepare-attachment.js';
import type { AppContext, RequestMeta } from '../context.js';
import { transitionCase } from '../cases/transition-case.js';
import { submitComplaint, type IntakeResult } from './submit-complaint.js';

export interface ReceiveOptions {
  /** The case this message answers, when the channel threads it (ticket in an e-mail subject, a reply-to id). */
  threadCaseRef?: number | string;
  /** Join a further message from the same sender on the same channel to their open case within this window. */
  conversationWindowMinutes?: number;
}

export interface ReceiveResult extends Partial<IntakeResult> {
  disposition: 'new_case' | 'conversation' | 'duplicate';
  case: CaseRow;
}

/**
 * Every channel's inbound messages come here: a repeated message id changes nothing; a reply to one of our
 * messages, or a further message from the same sender within the conversation window, joins that case's
 * conversation; anything else becomes a new case through the one intake service.
 */
export async function receiveMessage(ctx: AppContext, msg: NormalizedComplaint, opts: ReceiveOptions = {}, meta: RequestMeta = {}): Promise<ReceiveResult> {
  const db = ctx.database.db;
  const seen = await findInboundMessage(db, msg.channel, msg.externalId);
  if (seen?.case_id) return { disposition: 'duplicate', created: false, case: (await findCaseById(db, seen.case_id))! };
  const target = await conversationCase(ctx, msg, opts);
  if (!target) {
    const r = await submitComplaint(ctx, msg, meta);
    return { ...r, disposition: r.created ? 'new_case' : 'duplicate' };
  }
  return appendToCase(ctx, target, msg, meta);
}

async function conversationCase(ctx: AppContext, msg: NormalizedComplaint, opts: ReceiveOptions): Promise<CaseRow | null> {
  const db = ctx.database.db;
  if (opts.threadCaseRef !== undefined) {
    const ref = opts.threadCaseRef;
    const c = typeof ref === 'number' ? await findCaseById(db, ref) : await findCaseByTicket(db, ref);
    // A reply to a case that is closed for good still deserves an answer: a resolved case can take it (it may
    // lead to a reopen); rejected, merged or closed cases start a new one.
    if (c && (OPEN_STATUSES.includes(c.status as never) || c.status === 'selesai')) return c;
  }
  const windowMin = opts.conversationWindowMinutes ?? 0;
  if (windowMin <= 0 || !msg.reporter.contactValue || msg.reporter.anonymous) return null;
  const since = new Date(msg.receivedAt.getTime() - windowMin * 60_000).toISOString();
  const row = await db
    .selectFrom('cases')
    .innerJoin('case_reporters', 'case_reporters.case_id', 'cases.id')
    .innerJoin('reporter_contacts', 'reporter_contacts.reporter_id', 'case_reporters.reporter_id')
    .selectAll('cases')
    .where('reporter_contacts.kind', '=', msg.reporter.contactKind)
    .where('reporter_contacts.value', '=', msg.reporter.contactValue)
    .where('case_reporters.channel', '=', msg.channel)
    .where('cases.status', 'in', [...OPEN_STATUSES])
    .where('cases.updated_at', '>=', since)
    .orderBy('cases.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

async function appendToCase(ctx: AppContext, kase: CaseRow, msg: NormalizedComplaint, meta: RequestMeta): Promise<ReceiveResult> {
  const prepared = await Promise.all((msg.attachments ?? []).map((a) => prepareAttachment(a, ctx.config.maxUploadBytes)));
  const stored = await persistFiles(ctx.files, prepared);
  try {
    await inTransaction(ctx.database, async (trx) => {
      const now = ctx.clock();
      await trx
        .insertInto('inbound_messages')
        .values({ channel: msg.channel, external_id: msg.externalId, case_id: kase.id, received_at: msg.receivedAt.toISOString(), stored_at: now.toISOString(), payload: JSON.stringify(msg.rawPayload ?? null), disposition: 'conversation' })
        .execute();
      const text = msg.text.trim();
      const comment = text
        ? await trx.insertInto('comments').values({ case_id: kase.id, visibility: 'public', author: `citizen:${kase.reporter_id ?? 0}`, author_name: msg.reporter.name ?? null, body: text, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()
        : null;
      await insertAttachmentRows(trx, kase.id, comment?.id ?? null, stored, now);
      await trx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', kase.id).execute();
      await appendEvent(trx, { caseId: kase.id, action: 'message.received', actor: `citizen:${kase.reporter_id ?? 0}`, after: { channel: msg.channel, externalId: msg.externalId, attachments: stored.length }, at: now, requestId: meta.requestId });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'inbound_messages_idem')) return { disposition: 'duplicate', case: kase };
    throw err;
  }
  // The citizen answered our question: the case resumes and its clocks restart.
  if (kase.status === 'menunggu_pelapor') {
    const res = await transitionCase(ctx, { caseRef: kase.id, action: 'citizen_reply', input: {}, actor: { kind: 'citizen', reporterId: kase.reporter_id ?? 0 } }, meta);
    return { disposition: 'conversation', case: res.case };
  }
  return { disposition: 'conversation', case: (await findCaseById(ctx.database.db, kase.id))! };
}
