import { type SlaClock, computeSlaClock, createPolicyResolver } from '../../domain/sla/index.js';
import { caseNotFound } from '../../domain/errors.js';
import { caseEventsForSla, loadCaseForSla } from '../../store/sla.repository.js';
import type { Executor } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { type StoredCaseEvent, timelineFromEvents } from './event-timeline.js';
import { getSlaRuntime } from './sla-runtime.js';

/**
 * A case's SLA clock replayed from its event log as of now, without storing anything: the drill-down behind
 * every figure (who held the case when, what each holder was charged, which targets were met, pauses, red
 * flags), next to the stored events it was derived from.
 */
export interface CaseSlaDetail {
  readonly caseId: number;
  readonly ticket: string;
  readonly clock: SlaClock;
  readonly events: readonly StoredCaseEvent[];
  readonly formatLocal: (d: Date) => string;
}

export async function caseSlaDetail(ctx: AppContext, caseId: number, db: Executor = ctx.database.db): Promise<CaseSlaDetail> {
  const rt = await getSlaRuntime(ctx, db);
  const kase = await loadCaseForSla(db, caseId);
  if (!kase) throw caseNotFound(String(caseId));
  const events = await caseEventsForSla(db, caseId);
  const policy = createPolicyResolver(
    rt.policySet(kase.sla_policy),
    { ...(kase.category_code ? { category: kase.category_code } : {}), priority: kase.priority },
    (id) => rt.agency(id)?.kind,
  );
  const clock = computeSlaClock({ timeline: timelineFromEvents(events, new Date(kase.received_at)), policy, calendar: rt.calendar, asOf: ctx.clock() });
  return { caseId, ticket: kase.ticket, clock, events, formatLocal: (d) => rt.calendar.formatLocal(d) };
}
