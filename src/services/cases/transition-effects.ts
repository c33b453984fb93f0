import type { Updateable } from 'kysely';
import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { OPEN_STATUSES, type Status } from '../../domain/case/status.js';
import type { ActionInput, ActionName, Decision } from '../../domain/case/workflow.js';
import { DomainError } from '../../domain/errors.js';
import { findCaseById, type CaseRow } from '../../store/case.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { findAgency } from '../../store/reference.repository.js';
import type { CaseTable } from '../../store/schema.js';
import type { Trx } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

export interface Effects {
  patch: Updateable<CaseTable>;
  commentId: number | null;
  eventData: Record<string, unknown>;
  /** Notify the citizen even when the status stays the same (e.g. a transfer). */
  notify: boolean;
}

/** The state changes each action makes besides the status: assignments, timestamps, notes, merges. */
export async function applyEffects(trx: Trx, ctx: AppContext, kase: CaseRow, action: ActionName, input: ActionInput, decision: Decision, actor: Actor, now: Date): Promise<Effects> {
  const at = now.toISOString();
  const fx: Effects = { patch: {}, commentId: null, eventData: {}, notify: false };
  const publicNote = input.publicNote?.trim() || null;
  if (publicNote) fx.commentId = await addComment(trx, kase.id, 'public', actor, publicNote, at);
  if (input.reason?.trim() && action !== 'reopen') await addComment(trx, kase.id, 'internal', actor, input.reason.trim(), at);
  switch (action) {
    case 'dispatch':
    case 'coordinate':
    case 'transfer': {
      const target = await findAgency(trx, input.targetAgencyId!);
      if (!target || target.active !== 1) throw new DomainError('unknown_agency', `Instansi '${input.targetAgencyId}' tidak dikenal`, `Unknown agency '${input.targetAgencyId}'`, [{ field: 'targetAgencyId', message: 'unknown' }]);
      await trx
        .updateTable('assignments')
        .set({ ended_at: at, misrouted: action === 'transfer' && input.misrouted ? 1 : 0 })
        .where('case_id', '=', kase.id)
        .where('ended_at', 'is', null)
        .execute();
      await trx.insertInto('assignments').values({ case_id: kase.id, agency_id: target.id, kind: action, assigned_at: at, assigned_by: actorLabel(actor), reason: input.reason ?? null, ended_at: null, misrouted: 0 }).execute();
      fx.patch.agency_id = target.id;
      fx.eventData = { from_agency: kase.agency_id, to_agency: target.id, misrouted: Boolean(input.misrouted), reason: input.reason ?? null };
      fx.notify = action === 'transfer';
      break;
    }
    case 'start':
      if (!kase.first_response_at) fx.patch.first_response_at = at;
      break;
    case 'request_info':
      fx.patch.resume_status = decision.from;
      fx.patch.sla_paused_at = at;
      if (!kase.first_response_at) fx.patch.first_response_at = at;
      break;
    case 'citizen_reply':
      fx.patch.resume_status = null;
      fx.patch.sla_paused_at = null;
      fx.eventData = { paused_since: kase.sla_paused_at };
      break;
    case 'resolve':
      fx.patch.resolved_at = at;
      if (!kase.first_response_at) fx.patch.first_response_at = at;
      break;
    case 'confirm':
    case 'auto_close':
      fx.patch.closed_at = at;
      break;
    case 'reopen':
      fx.patch.closed_at = null;
      fx.patch.resolved_at = null;
      if (input.reason?.trim()) await addComment(trx, kase.id, 'public', actor, input.reason.trim(), at);
      fx.eventData = { reason: input.reason ?? null, previously_resolved_at: kase.resolved_at };
      break;
    case 'reject':
      fx.patch.reject_reason = input.rejectReason!;
      fx.patch.reject_note = publicNote;
      fx.patch.forwarded_to = input.forwardedTo?.trim() || null;
      fx.patch.closed_at = at;
      fx.eventData = { reason: input.rejectReason, forwarded_to: input.forwardedTo ?? null };
      break;
    case 'merge':
      await mergeInto(trx, ctx, kase, input.targetCaseId!, actor, now);
      fx.patch.merged_into_id = input.targetCaseId!;
      fx.patch.closed_at = at;
      fx.eventData = { merged_into: input.targetCaseId };
      break;
    default:
      break;
  }
  return fx;
}

async function addComment(trx: Trx, caseId: number, visibility: 'public' | 'internal', actor: Actor, body: string, at: string): Promise<number> {
  const author = actorLabel(actor);
  const row = await trx.insertInto('comments').values({ case_id: caseId, visibility, author, author_name: null, body, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A merged case hands its reporters to the surviving case, so each is told on their own channel when it is resolved. */
async function mergeInto(trx: Trx, ctx: AppContext, source: CaseRow, targetId: number, actor: Actor, now: Date): Promise<void> {
  await lockCaseRow(trx, ctx.database.dialect, targetId);
  const target = await findCaseById(trx, targetId);
  if (!target) throw new DomainError('case_not_found', `Laporan tujuan '${targetId}' tidak ditemukan`, `Target case '${targetId}' not found`);
  if (!OPEN_STATUSES.includes(target.status as Status) && target.status !== 'selesai') {
    throw new DomainError('transition_not_allowed', 'Laporan tujuan sudah ditutup, ditolak atau digabung', 'The target case is closed, rejected or merged');
  }
  const reporters = await trx.selectFrom('case_reporters').selectAll().where('case_id', '=', source.id).execute();
  for (const r of reporters) {
    const has = await trx.selectFrom('case_reporters').select('case_id').where('case_id', '=', targetId).where('reporter_id', '=', r.reporter_id).executeTakeFirst();
    if (!has) await trx.insertInto('case_reporters').values({ case_id: targetId, reporter_id: r.reporter_id, channel: r.channel, joined_at: now.toISOString() }).execute();
  }
  await trx.updateTable('cases').set({ support_count: target.support_count + 1, updated_at: now.toISOString() }).where('id', '=', targetId).execute();
  await appendEvent(trx, { caseId: targetId, action: 'case.merged_in', actor: actorLabel(actor), after: { source_case: source.id, source_ticket: source.ticket, reporters: reporters.length }, at: now });
}
