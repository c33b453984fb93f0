import { canChange } from '../../domain/case/scope.js';
import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { decideSplit, type SplitPart } from '../../domain/case/split.js';
import { DomainError, forbidden } from '../../domain/errors.js';
import { toSearchText } from '../../domain/triage/text/index.js';
import { findCaseById, insertCase, updateCase, type CaseRow } from '../../store/case.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { findArea, findCategory } from '../../store/reference.repository.js';
import { inTransaction, type Trx } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { hashAccessCode } from '../intake/ticket.js';
import { issueTicket, recordRoutingDispatch, trackingUrl } from '../intake/submit-complaint.js';
import { notifyReporters } from '../notify/notify-reporters.js';
import { routingTableAgency } from '../routing/routing-table.js';
import { recomputeCaseSla } from '../sla/recompute-case-sla.js';
import { actorReach, caseScope } from './reach.js';
import { loadCase } from './transition-case.js';

export interface SplitRequest {
  caseRef: number | string;
  parts: SplitPart[];
  reason?: string | null;
  actor: Actor;
}

export interface SplitResult {
  case: CaseRow;
  created: CaseRow[];
}

/**
 * Splits the extra problems of a case off into new cases, in one transaction: each new case gets its own ticket
 * and access code, is routed by the routing table when its category and place are known (else it waits in the
 * triage queue), inherits every reporter (each told the new ticket on their own channel) and the citizen's
 * photos, and keeps the original receipt time: the citizen asked then, so the clocks run from then.
 */
export async function splitCase(ctx: AppContext, req: SplitRequest, meta: RequestMeta = {}): Promise<SplitResult> {
  return inTransaction(ctx.database, async (trx) => {
    const found = await loadCase(trx, req.caseRef);
    await lockCaseRow(trx, ctx.database.dialect, found.id);
    const parent = (await findCaseById(trx, found.id))!;
    if (req.actor.kind === 'user') {
      const reach = await actorReach(trx, req.actor);
      if (!canChange(req.actor, caseScope(parent), reach)) {
        throw forbidden('laporan di luar wewenang Anda');
      }
    }
    decideSplit(parent.status as never, req.actor, req.parts, req.reason);
    const now = ctx.clock();
    const created: CaseRow[] = [];
    for (const [i, part] of req.parts.entries()) created.push(await createPart(ctx, trx, parent, part, i, req.actor, now, meta));
    await appendEvent(trx, {
      caseId: parent.id,
      action: 'case.split',
      actor: actorLabel(req.actor),
      after: { into: created.map((c) => c.ticket), reason: req.reason?.trim() || null },
      at: now,
      requestId: meta.requestId,
    });
    const kase = await updateCase(trx, parent.id, { updated_at: now.toISOString() });
    return { case: kase, created };
  });
}

async function createPart(ctx: AppContext, trx: Trx, parent: CaseRow, part: SplitPart, index: number, actor: Actor, now: Date, meta: RequestMeta): Promise<CaseRow> {
  const field = (name: string) => [{ field: `parts.${index}.${name}`, message: 'unknown' }];
  const category = part.categoryCode ? await findCategory(trx, part.categoryCode) : undefined;
  if (part.categoryCode && !category) {
    throw new DomainError('unknown_category', `Kategori '${part.categoryCode}' tidak dikenal`, `Unknown category '${part.categoryCode}'`, field('category'));
  }
  const areaCode = part.areaCode ?? parent.area_code;
  if (part.areaCode && !(await findArea(trx, part.areaCode))) {
    throw new DomainError('unknown_area', `Wilayah '${part.areaCode}' tidak dikenal`, `Unknown area '${part.areaCode}'`, field('area'));
  }
  const agencyId = category ? await routingTableAgency(trx, category.code, areaCode) : null;
  const { ticket, accessCode } = await issueTicket(ctx, trx, now);
  // A part about another place does not inherit the original's pin or address.
  const samePlace = areaCode === parent.area_code;
  const address = part.address?.trim() || (samePlace ? parent.address : null);
  const title = part.title?.trim().slice(0, 200) || null;
  const kase = await insertCase(trx, {
    ticket,
    access_code_hash: hashAccessCode(accessCode),
    title,
    description: part.text.trim(),
    search_text: toSearchText(`${title ?? ''} ${part.text} ${address ?? ''}`),
    status: agencyId ? 'disposisi' : 'menunggu',
    report_type: parent.report_type,
    channel: parent.channel,
    category_code: category?.code ?? null,
    area_code: areaCode,
    lat: samePlace ? parent.lat : null,
    lng: samePlace ? parent.lng : null,
    address,
    agency_id: agencyId,
    priority: category?.priority ?? 'normal',
    reporter_id: parent.reporter_id,
    is_public: parent.is_public,
    partner_api_key_id: parent.partner_api_key_id,
    open311_token: null,
    post_id: parent.post_id,
    intake_officer_id: parent.intake_officer_id,
    support_count: 0,
    split_from_id: parent.id,
    received_at: parent.received_at,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  const reporters = await trx.selectFrom('case_reporters').select(['reporter_id', 'channel']).where('case_id', '=', parent.id).execute();
  if (reporters.length) {
    await trx
      .insertInto('case_reporters')
      .values(reporters.map((r) => ({ case_id: kase.id, reporter_id: r.reporter_id, channel: r.channel, joined_at: now.toISOString() })))
      .execute();
  }
  // The citizen's own photos describe every problem of the report; officers' files stay with their case.
  const evidence = await trx.selectFrom('attachments').selectAll().where('case_id', '=', parent.id).where('comment_id', 'is', null).where('role', '=', 'evidence').execute();
  if (evidence.length) {
    await trx
      .insertInto('attachments')
      .values(evidence.map(({ id: _id, ...a }) => ({ ...a, case_id: kase.id })))
      .execute();
  }
  await appendEvent(trx, {
    caseId: kase.id,
    action: 'case.created',
    actor: actorLabel(actor),
    after: { status: 'menunggu', channel: kase.channel, category: kase.category_code, area: areaCode, splitFrom: parent.ticket },
    at: now,
    requestId: meta.requestId,
  });
  if (agencyId) await recordRoutingDispatch(trx, kase.id, agencyId, now, meta);
  await recomputeCaseSla(trx, ctx, kase.id, now);
  await notifyReporters(trx, kase, { template: 'split', key: 'split', vars: { accessCode, splitFrom: parent.ticket } }, now, trackingUrl(ctx, kase.ticket));
  return kase;
}
