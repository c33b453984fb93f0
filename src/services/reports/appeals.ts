import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { DomainError, forbidden, notFound } from '../../domain/errors.js';
import { findAgency } from '../../store/reference.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { decideAppeal as storeDecision, findAppeal, insertAppeal, listAppeals as storeList, openAppealFor } from '../../store/report.repository.js';
import { inTransaction } from '../../store/transaction.js';
import { loadCase } from '../cases/transition-case.js';
import type { AppContext } from '../context.js';
import type { ReportScope } from './report-access.js';

/**
 * TKD appeals: an agency head contests a case counted for the agency (misrouted, not its authority…), asking
 * to exclude it or to count it for another agency; a reviewer (admin or monitor) accepts or rejects. Accepted
 * appeals feed `applyAppeals` in every report, so the score recomputes; a finalized month shows the change as
 * an adjustment. Filing and deciding are recorded in the case's hash-chained event log.
 */
export interface FileAppealInput {
  readonly caseRef: number | string;
  /** The appealing agency; an agency head's own by default (admins file on behalf of one). */
  readonly agencyId?: string;
  readonly remedy: 'exclude' | 'reattribute';
  readonly toAgencyId?: string | null;
  readonly reason: string;
}

const REVIEWERS = new Set(['admin', 'monitor']);

export async function fileAppeal(ctx: AppContext, actor: Actor, input: FileAppealInput) {
  if (actor.kind !== 'user' || (actor.role !== 'agency_head' && actor.role !== 'admin')) throw forbidden('hanya kepala instansi yang dapat mengajukan banding');
  const agencyId = actor.role === 'agency_head' ? (actor.agencyId ?? '') : (input.agencyId ?? '');
  if (!agencyId) throw new DomainError('validation_failed', 'Instansi wajib diisi', 'The agency is required', [{ field: 'agency', message: 'required' }]);
  if (actor.role === 'agency_head' && input.agencyId && input.agencyId !== agencyId) throw forbidden('banding hanya untuk instansi Anda sendiri');
  if (!input.reason?.trim()) throw new DomainError('validation_failed', 'Alasan banding wajib diisi', 'A reason is required', [{ field: 'reason', message: 'required' }]);
  if (input.remedy !== 'exclude' && input.remedy !== 'reattribute') throw new DomainError('validation_failed', 'remedy: exclude atau reattribute', 'remedy: exclude or reattribute');
  const toAgencyId = input.remedy === 'reattribute' ? (input.toAgencyId ?? '') : null;
  if (input.remedy === 'reattribute' && (!toAgencyId || toAgencyId === agencyId || !(await findAgency(ctx.database.db, toAgencyId)))) {
    throw new DomainError('unknown_agency', 'Instansi tujuan tidak dikenal atau sama', 'Unknown or same target agency', [{ field: 'to_agency', message: 'unknown' }]);
  }
  return inTransaction(ctx.database, async (trx) => {
    const kase = await loadCase(trx, input.caseRef);
    await lockCaseRow(trx, ctx.database.dialect, kase.id);
    const counted = await trx.selectFrom('sla_outcomes').select('id').where('case_id', '=', kase.id).where('scope', '=', 'agency').where('agency_id', '=', agencyId).executeTakeFirst();
    const misrouted = await trx.selectFrom('sla_misroutes').select('id').where('case_id', '=', kase.id).where('charged_to', '=', agencyId).executeTakeFirst();
    if (!counted && !misrouted) {
      throw new DomainError('validation_failed', 'Laporan ini tidak diperhitungkan untuk instansi tersebut', 'This case does not count for that agency');
    }
    if (await openAppealFor(trx, kase.id, agencyId)) throw new DomainError('conflict', 'Banding untuk laporan ini sudah ada', 'An appeal for this case is already open or accepted');
    const now = ctx.clock();
    const appeal = await insertAppeal(trx, {
      case_id: kase.id, agency_id: agencyId, remedy: input.remedy, to_agency_id: toAgencyId, reason: input.reason.trim(), status: 'pending',
      filed_by: actorLabel(actor), filed_at: now.toISOString(), decided_by: null, decided_at: null, decision_note: null,
    });
    await appendEvent(trx, { caseId: kase.id, action: 'tkd.appeal_filed', actor: actorLabel(actor), after: { appeal_id: appeal.id, agency: agencyId, remedy: input.remedy, to_agency: toAgencyId, reason: appeal.reason }, at: now });
    return { ...appeal, ticket: kase.ticket };
  });
}

export async function decideAppeal(ctx: AppContext, actor: Actor, input: { appealId: number; decision: 'accepted' | 'rejected'; note?: string | null }) {
  if (actor.kind !== 'user' || !REVIEWERS.has(actor.role)) throw forbidden('hanya peninjau (admin, monitor) yang memutus banding');
  if (input.decision !== 'accepted' && input.decision !== 'rejected') throw new DomainError('validation_failed', 'decision: accepted atau rejected', 'decision: accepted or rejected');
  const found = await findAppeal(ctx.database.db, input.appealId);
  if (!found) throw notFound('Banding', String(input.appealId));
  if (found.filed_by === actorLabel(actor)) throw forbidden('pengaju tidak dapat memutus bandingnya sendiri');
  return inTransaction(ctx.database, async (trx) => {
    await lockCaseRow(trx, ctx.database.dialect, found.case_id);
    const now = ctx.clock();
    const decided = await storeDecision(trx, found.id, { status: input.decision, decided_by: actorLabel(actor), decided_at: now.toISOString(), decision_note: input.note?.trim() || null });
    if (!decided) throw new DomainError('conflict', 'Banding sudah diputus', 'The appeal has already been decided');
    await appendEvent(trx, { caseId: found.case_id, action: 'tkd.appeal_decided', actor: actorLabel(actor), before: { status: 'pending' }, after: { appeal_id: found.id, status: input.decision, note: decided.decision_note }, at: now });
    return decided;
  });
}

export async function listAppeals(ctx: AppContext, scope: ReportScope, filter: { status?: string; caseId?: number } = {}) {
  return storeList(ctx.database.db, { ...filter, agencyIds: scope.all ? undefined : scope.agencyIds });
}
