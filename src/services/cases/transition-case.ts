import { canChange } from '../../domain/case/scope.js';
import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { decide, type ActionInput, type ActionName } from '../../domain/case/workflow.js';
import { caseNotFound, DomainError, forbidden } from '../../domain/errors.js';
import type { AttachmentInput } from '../../domain/intake/normalized-complaint.js';
import { findCaseById, findCaseByTicket, updateCase, type CaseRow } from '../../store/case.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { findCategory } from '../../store/reference.repository.js';
import { inTransaction, type Trx } from '../../store/transaction.js';
import { prepareAttachment } from '../attachments/prepare-attachment.js';
import { insertAttachmentRows, persistFiles } from '../attachments/store-attachments.js';
import type { AppContext, RequestMeta } from '../context.js';
import { trackingUrl } from '../intake/submit-complaint.js';
import { notifyReporters } from '../notify/notify-reporters.js';
import { recomputeCaseSla } from '../sla/recompute-case-sla.js';
import { applyEffects } from './transition-effects.js';
import { actorReach, caseScope } from './reach.js';

export interface TransitionRequest {
  /** Case id or ticket number. */
  caseRef: number | string;
  action: ActionName;
  input: ActionInput;
  actor: Actor;
  /** 'after' photos or documents sent with the action. */
  attachments?: AttachmentInput[];
}

export interface TransitionResult {
  case: CaseRow;
  eventId: number;
}

export async function loadCase(db: Parameters<typeof findCaseById>[0], ref: number | string): Promise<CaseRow> {
  const row = typeof ref === 'number' || /^\d+$/.test(ref) ? await findCaseById(db, Number(ref)) : await findCaseByTicket(db, ref);
  if (!row) throw caseNotFound(String(ref));
  return row;
}

/**
 * Every workflow action goes through here: scope check, the pure workflow decision, the state change, its
 * audit event and the citizen's notification, all in one transaction.
 */
export async function transitionCase(ctx: AppContext, req: TransitionRequest, meta: RequestMeta = {}): Promise<TransitionResult> {
  const prepared = await Promise.all((req.attachments ?? []).map((a) => prepareAttachment({ ...a, role: a.role ?? (req.action === 'resolve' ? 'after' : 'document') }, ctx.config.maxUploadBytes)));
  const stored = await persistFiles(ctx.files, prepared);
  return inTransaction(ctx.database, async (trx) => {
    const found = await loadCase(trx, req.caseRef);
    await lockCaseRow(trx, ctx.database.dialect, found.id);
    const kase = (await findCaseById(trx, found.id))!;
    const reach = await actorReach(trx, req.actor);
    if (req.actor.kind !== 'citizen' && req.actor.kind !== 'system' && !canChange(req.actor, caseScope(kase), reach)) {
      throw forbidden('laporan di luar wewenang Anda');
    }
    const now = ctx.clock();
    const category = kase.category_code ? await findCategory(trx, kase.category_code) : undefined;
    const afterPhotos = await countAfterPhotos(trx, kase.id);
    const decision = decide(
      {
        id: kase.id,
        status: kase.status as never,
        agencyId: kase.agency_id,
        resumeStatus: (kase.resume_status as never) ?? null,
        resolvedAt: kase.resolved_at ? new Date(kase.resolved_at) : null,
        categoryRequiresAfterPhoto: category ? category.requires_after_photo === 1 : false,
      },
      req.action,
      { ...req.input, afterPhotoCount: afterPhotos + stored.filter((s) => s.prepared.role === 'after' && s.prepared.contentType.startsWith('image/')).length },
      req.actor,
      { now, reopenWindowDays: ctx.config.reopenWindowDays },
    );
    if (req.action === 'dispatch' && req.actor.kind === 'user' && (req.actor.role === 'agency_officer' || req.actor.role === 'agency_head')) {
      // Disposisi goes down the hierarchy (Dinas → Suku Dinas); sideways moves are transfers or coordination.
      if (!reach.agencySubtree.has(req.input.targetAgencyId!)) throw forbidden('disposisi hanya ke unit di bawah instansi Anda');
    }
    if (req.action === 'merge' && req.actor.kind === 'user') {
      // Merging changes the target too (it takes the reporters and the support count): it must be in scope as well.
      const target = await findCaseById(trx, req.input.targetCaseId!);
      if (target && !canChange(req.actor, caseScope(target), reach)) {
        throw forbidden('laporan tujuan di luar wewenang Anda');
      }
    }
    const effects = await applyEffects(trx, ctx, kase, req.action, req.input, decision, req.actor, now);
    const updated = await updateCase(trx, kase.id, { ...effects.patch, status: decision.to, updated_at: now.toISOString() });
    const commentId = effects.commentId;
    await insertAttachmentRows(trx, kase.id, commentId, stored, now);
    const event = await appendEvent(trx, {
      caseId: kase.id,
      action: `case.${req.action}`,
      actor: actorLabel(req.actor),
      before: { status: kase.status, agency: kase.agency_id },
      after: { status: decision.to, agency: updated.agency_id, ...effects.eventData },
      at: now,
      requestId: meta.requestId,
    });
    await recomputeCaseSla(trx, ctx, kase.id, now);
    if (decision.from !== decision.to || effects.notify) {
      await notifyReporters(trx, updated, { template: 'status', key: String(event.id), vars: { note: req.input.publicNote ?? null, reason: req.input.rejectReason ?? null, forwardedTo: req.input.forwardedTo ?? null } }, now, trackingUrl(ctx, updated.ticket));
    }
    return { case: updated, eventId: event.id };
  });
}

async function countAfterPhotos(trx: Trx, caseId: number): Promise<number> {
  const r = await trx.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).where('role', '=', 'after').where('content_type', 'like', 'image/%').executeTakeFirstOrThrow();
  return Number(r.n);
}

export function assertNever(x: never): never {
  throw new DomainError('validation_failed', `tidak dikenal: ${String(x)}`, `unknown: ${String(x)}`);
}
