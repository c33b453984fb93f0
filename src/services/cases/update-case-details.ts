import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { canChange } from '../../domain/case/scope.js';
import { OPEN_STATUSES, type Status } from '../../domain/case/status.js';
import { DomainError, forbidden, validationFailed } from '../../domain/errors.js';
import { findCaseById, updateCase, type CaseRow } from '../../store/case.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { findArea, findCategory } from '../../store/reference.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { recomputeCaseSla } from '../sla/recompute-case-sla.js';
import { actorReach, caseScope } from './reach.js';
import { loadCase } from './transition-case.js';

export interface CaseDetailsPatch {
  categoryCode?: string | null;
  areaCode?: string | null;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  priority?: 'normal' | 'tinggi' | 'darurat';
  title?: string | null;
}

/**
 * An officer structures or corrects a case (category, place, priority) — the usual work on non-geotagged
 * channels. Each change is an audit event; a category change made over a model suggestion is the label the
 * triage engine learns from (`case.recategorized` with `from`, `to` and the model's suggestion).
 */
export async function updateCaseDetails(ctx: AppContext, caseRef: number | string, patch: CaseDetailsPatch, actor: Actor, meta: RequestMeta = {}): Promise<CaseRow> {
  if (actor.kind !== 'user' || actor.role === 'monitor' || actor.role === 'auditor') throw forbidden('hanya petugas');
  if ((patch.lat === undefined) !== (patch.lng === undefined)) throw validationFailed([{ field: 'location', message: 'lat and lng go together' }]);
  return inTransaction(ctx.database, async (trx) => {
    const found = await loadCase(trx, caseRef);
    await lockCaseRow(trx, ctx.database.dialect, found.id);
    const kase = (await findCaseById(trx, found.id))!;
    if (!canChange(actor, caseScope(kase), await actorReach(trx, actor))) throw forbidden('laporan di luar wewenang Anda');
    if (!OPEN_STATUSES.includes(kase.status as Status)) throw new DomainError('transition_not_allowed', 'Laporan yang sudah selesai tidak dapat diubah', 'A finished case cannot be changed');
    if (patch.categoryCode && !(await findCategory(trx, patch.categoryCode))) throw new DomainError('unknown_category', `Kategori '${patch.categoryCode}' tidak dikenal`, `Unknown category '${patch.categoryCode}'`);
    if (patch.areaCode && !(await findArea(trx, patch.areaCode))) throw new DomainError('unknown_area', `Wilayah '${patch.areaCode}' tidak dikenal`, `Unknown area '${patch.areaCode}'`);
    const now = ctx.clock();
    const set: Parameters<typeof updateCase>[2] = { updated_at: now.toISOString() };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const apply = <K extends keyof CaseDetailsPatch>(key: K, column: keyof CaseRow) => {
      const v = patch[key];
      if (v === undefined || v === kase[column]) return;
      before[column] = kase[column];
      after[column] = v;
      (set as Record<string, unknown>)[column] = v;
    };
    apply('categoryCode', 'category_code');
    apply('areaCode', 'area_code');
    apply('lat', 'lat');
    apply('lng', 'lng');
    apply('address', 'address');
    apply('priority', 'priority');
    apply('title', 'title');
    if (!Object.keys(after).length) return kase;
    const updated = await updateCase(trx, kase.id, set);
    const triage = kase.triage ? (JSON.parse(kase.triage) as { suggestions?: { code: string }[] }) : null;
    await appendEvent(trx, {
      caseId: kase.id,
      action: 'category_code' in after ? 'case.recategorized' : 'case.details_updated',
      actor: actorLabel(actor),
      before,
      after: { ...after, model_suggestion: triage?.suggestions?.[0]?.code ?? null },
      at: now,
      requestId: meta.requestId,
    });
    await recomputeCaseSla(trx, ctx, kase.id, now);
    return updated;
  });
}
