import { createHash } from 'node:crypto';
import { localMonthOf } from '../../domain/calendar/index.js';
import {
  type DueEscalation,
  type SlaClock,
  SlaConfigError,
  SlaInputError,
  computeSlaClock,
  createPolicyResolver,
  dueEscalations,
  nextEscalationAt,
} from '../../domain/sla/index.js';
import {
  type CaseForSla,
  caseEventsForSla,
  loadCaseForSla,
  replaceOutcomeRows,
  setCaseDueTimes,
  syncRedFlags,
  upsertCaseSla,
} from '../../store/sla.repository.js';
import type { Trx } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { timelineFromEvents } from './event-timeline.js';
import { outcomeRows } from './outcome-rows.js';
import { type SlaRuntime, agencyInfo, getSlaRuntime } from './sla-runtime.js';

export interface SlaRecomputation {
  readonly kase: CaseForSla;
  readonly clock: SlaClock;
  readonly runtime: SlaRuntime;
  /** Escalation steps due now (every one, also those handled before: delivery dedupes on their keys). */
  readonly due: readonly DueEscalation[];
}

export interface RecomputeOptions {
  /** The scanner handles every step due now: record it, and wake up only for later steps. */
  readonly escalatedAt?: Date;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const earliest = (...ds: (Date | null | undefined)[]) => {
  const ms = ds.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return ms.length === 0 ? null : new Date(Math.min(...ms));
};

/**
 * Recomputes a case's SLA clock from its event log, inside the transaction that changed the case, and stores
 * the due times on the case, the clock's state (`case_sla`), the outcome rows the reports read, and the red
 * flags. Cheap on the hot path: two reads (the case with its category and SLA state; its events), then only
 * the writes whose content changed — at intake: the due times, the SLA row and the outcome rows.
 *
 * On the case: `verify_due_at` (the intake unit's verification), `response_due_at` (the holder's next answer
 * owed: the earlier of its first-response and follow-up due times — Jakarta measures the response as the
 * follow-up, "tindak lanjut"), `resolution_due_at` (the holder's settlement). All null while the clock is
 * paused (the deadline is unknown until the citizen answers) and once met.
 */
export async function recomputeCaseSla(trx: Trx, ctx: AppContext, caseId: number, now: Date, options: RecomputeOptions = {}): Promise<SlaRecomputation | null> {
  const runtime = await getSlaRuntime(ctx, trx);
  const kase = await loadCaseForSla(trx, caseId);
  if (!kase) return null;
  const timeline = timelineFromEvents(await caseEventsForSla(trx, caseId), new Date(kase.received_at));
  if (timeline.length === 0) return null;
  for (const e of timeline) if (e.agencyId && !runtime.agency(e.agencyId)) await agencyInfo(ctx, trx, e.agencyId);
  const policy = createPolicyResolver(
    runtime.policySet(kase.sla_policy),
    { ...(kase.category_code ? { category: kase.category_code } : {}), priority: kase.priority },
    (id) => runtime.agency(id)?.kind,
  );
  let clock: SlaClock;
  try {
    clock = computeSlaClock({ timeline, policy, calendar: runtime.calendar, asOf: now });
  } catch (err) {
    // A log the clock cannot read, or a policy set without a match, must not stop intake or a workflow action:
    // the change is kept, the due times stay as they were, and the error is logged for the administrator.
    if (err instanceof SlaInputError || err instanceof SlaConfigError) {
      ctx.log.error({ cat: 'sla', caseId, err: err.message }, 'SLA clock not recomputed');
      return null;
    }
    throw err;
  }

  const due = {
    verify_due_at: iso(clock.dueTimes.verification),
    response_due_at: iso(earliest(clock.dueTimes.first_response, clock.dueTimes.follow_up)),
    resolution_due_at: iso(clock.dueTimes.resolution),
  };
  if (due.verify_due_at !== kase.verify_due_at || due.response_due_at !== kase.response_due_at || due.resolution_due_at !== kase.resolution_due_at) {
    await setCaseDueTimes(trx, caseId, due);
  }

  const rows = outcomeRows({ caseId, clock, channel: kase.channel, areaCode: kase.area_code, utcOffsetMinutes: runtime.utcOffsetMinutes, computedAt: now });
  const sig = createHash('sha256')
    .update(JSON.stringify([rows.outcomes.map(({ computed_at: _c, ...r }) => r), rows.misroutes]))
    .digest('hex');
  if (sig !== kase.outcome_sig) await replaceOutcomeRows(trx, caseId, rows.outcomes, rows.misroutes, kase.outcome_sig !== null);

  const flags = clock.redFlags.map((f) => ({
    holdingIndex: f.holdingIndex,
    agencyId: f.agencyId ?? '',
    chargedTo: f.chargedTo ?? '',
    raisedAt: f.at.toISOString(),
    month: localMonthOf(f.at.getTime(), runtime.utcOffsetMinutes),
  }));
  const flagKey = JSON.stringify(flags.map((f) => `${f.holdingIndex}:${f.raisedAt}:${f.chargedTo}`));
  if (flagKey !== (kase.red_flags ?? '[]')) await syncRedFlags(trx, caseId, flags, now);

  const escalation = { caseId: String(caseId), clock, ladder: runtime.ladder, calendar: runtime.calendar };
  const dueSteps = dueEscalations(escalation);
  const escalatedUntil = options.escalatedAt ? options.escalatedAt.toISOString() : kase.escalated_until;
  const unhandled = dueSteps.filter((s) => escalatedUntil === null || s.dueAt.toISOString() > escalatedUntil);
  const autoClose = clock.state === 'resolved' ? clock.autoCloseAt : null;
  const nextCheck = earliest(unhandled[0]?.dueAt, nextEscalationAt(escalation), autoClose);
  const current = clock.current;
  await upsertCaseSla(trx, {
    case_id: caseId,
    policy_id: (current ?? clock.holdings[clock.holdings.length - 1]).policyId,
    state: clock.state,
    paused: clock.paused ? 1 : 0,
    first_response_due_at: iso(clock.dueTimes.first_response),
    follow_up_due_at: iso(clock.dueTimes.follow_up),
    red_flag_due_at: iso(current?.redFlag ? null : current?.redFlagDueAt),
    auto_close_at: iso(autoClose),
    next_check_at: iso(nextCheck),
    escalated_until: escalatedUntil,
    holdings: JSON.stringify(
      clock.holdings.map((h) => ({
        index: h.index,
        agency: h.agencyId,
        from: h.from.toISOString(),
        to: iso(h.to),
        opened_by: h.openedBy,
        ended_by: h.endedBy,
        routed_by: h.routedBy,
        misrouted: h.misrouted,
        charged_to: h.chargedTo,
        policy: h.policyId,
        active_working_ms: h.activeWorkingMs,
        paused_ms: h.pausedMs,
        red_flag_at: iso(h.redFlag?.at),
      })),
    ),
    red_flags: flagKey,
    outcome_sig: sig,
    computed_at: now.toISOString(),
  });
  return { kase, clock, runtime, due: dueSteps };
}
