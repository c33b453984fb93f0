import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { canChange, canRead } from '../../domain/case/scope.js';
import { forbidden } from '../../domain/errors.js';
import { findCaseById } from '../../store/case.repository.js';
import { lockCaseRow } from '../../store/dialect.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { trackingUrl } from '../intake/submit-complaint.js';
import { notifyReporters } from '../notify/notify-reporters.js';
import { recomputeCaseSla } from '../sla/recompute-case-sla.js';
import { actorReach, caseScope } from './reach.js';
import { loadCase } from './transition-case.js';

export interface AddCommentInput {
  caseRef: number | string;
  actor: Actor;
  body: string;
  visibility: 'public' | 'internal';
  authorName?: string | null;
}

/**
 * A public reply (the citizen is told on their channel; a first public reply counts as the first response)
 * or an internal note (never shown outside). Citizens' own messages are public comments too.
 */
export async function addCaseComment(ctx: AppContext, input: AddCommentInput, meta: RequestMeta = {}): Promise<number> {
  return inTransaction(ctx.database, async (trx) => {
    const found = await loadCase(trx, input.caseRef);
    await lockCaseRow(trx, ctx.database.dialect, found.id);
    const kase = (await findCaseById(trx, found.id))!;
    if (input.actor.kind === 'user' || input.actor.kind === 'partner') {
      const facts = caseScope(kase);
      const reach = await actorReach(trx, input.actor);
      // A partner may add public updates (Open311 servicerequestupdates) to the cases it submitted, nothing else.
      const allowed = input.actor.kind === 'partner' ? input.visibility === 'public' && canRead(input.actor, facts, reach) : canChange(input.actor, facts, reach);
      if (!allowed) throw forbidden('laporan di luar wewenang Anda');
    }
    const now = ctx.clock();
    const row = await trx
      .insertInto('comments')
      .values({ case_id: kase.id, visibility: input.visibility, author: actorLabel(input.actor), author_name: input.authorName ?? null, body: input.body.trim(), created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staffReply = input.actor.kind === 'user' && input.visibility === 'public';
    if (staffReply && !kase.first_response_at) await trx.updateTable('cases').set({ first_response_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', kase.id).execute();
    else await trx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', kase.id).execute();
    const event = await appendEvent(trx, { caseId: kase.id, action: `comment.${input.visibility}`, actor: actorLabel(input.actor), after: { comment_id: row.id, length: input.body.length }, at: now, requestId: meta.requestId });
    await recomputeCaseSla(trx, ctx, kase.id, now);
    if (staffReply) await notifyReporters(trx, kase, { template: 'comment', key: String(event.id), vars: { note: input.body.trim() } }, now, trackingUrl(ctx, kase.ticket));
    return row.id;
  });
}
