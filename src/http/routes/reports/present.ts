import type { Selectable } from 'kysely';
import type { CaseSlaDetail } from '../../../services/sla/case-sla-detail.js';
import type { TkdAppealTable } from '../../../store/schema.js';

/** Presenters: rows and clock objects become the API's JSON (snake_case, ISO instants with the local offset where people read them). */
export function presentAppeal(a: Selectable<TkdAppealTable> & { ticket?: string }) {
  return {
    id: a.id,
    case_id: a.case_id,
    ticket: a.ticket ?? null,
    agency_id: a.agency_id,
    remedy: a.remedy,
    to_agency_id: a.to_agency_id,
    reason: a.reason,
    status: a.status,
    filed_by: a.filed_by,
    filed_at: a.filed_at,
    decided_by: a.decided_by,
    decided_at: a.decided_at,
    decision_note: a.decision_note,
  };
}

export function presentNotification(n: { id: number; kind: string; title: string; body: string; data: string | null; case_id: number | null; ticket: string | null; agency_id: string | null; user_id: number | null; created_at: string; read_at: string | null }) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    case_id: n.case_id,
    ticket: n.ticket,
    for: n.user_id !== null ? 'user' : 'agency',
    agency_id: n.agency_id,
    data: n.data ? (JSON.parse(n.data) as unknown) : null,
    created_at: n.created_at,
    read: n.read_at !== null,
    read_at: n.read_at,
  };
}

export function presentSlaDetail(d: CaseSlaDetail) {
  const local = (x: Date | null | undefined) => (x ? d.formatLocal(x) : null);
  const c = d.clock;
  return {
    case_id: d.caseId,
    ticket: d.ticket,
    as_of: local(c.asOf),
    state: c.state,
    paused: c.paused,
    received_at: local(c.receivedAt),
    due: Object.fromEntries(Object.entries(c.dueTimes).map(([k, v]) => [k, local(v)])),
    holdings: c.holdings.map((h) => ({
      index: h.index,
      agency_id: h.agencyId,
      from: local(h.from),
      to: local(h.to),
      opened_by: h.openedBy,
      ended_by: h.endedBy,
      routed_by: h.routedBy,
      misrouted: h.misrouted,
      counted: h.counted,
      charged_to: h.chargedTo,
      policy: h.policyId,
      active_working_hours: Math.round((h.activeWorkingMs / 3_600_000) * 100) / 100,
      paused_hours: Math.round((h.pausedMs / 3_600_000) * 100) / 100,
      targets: h.targets.map((t) => ({ target: t.target, allowance: t.allowance, due_at: local(t.dueAt), status: t.status, met_at: local(t.metAt), elapsed_working_hours: Math.round((t.elapsedWorkingMs / 3_600_000) * 100) / 100 })),
      red_flag_at: local(h.redFlag?.at),
      red_flag_due_at: local(h.redFlagDueAt),
    })),
    case_targets: c.caseTargets.map((t) => ({ target: t.target, due_at: local(t.dueAt), status: t.status, met_at: local(t.metAt) })),
    pauses: c.pauses.map((p) => ({ from: local(p.from), to: local(p.to) })),
    red_flags: c.redFlags.map((f) => ({ holding: f.holdingIndex, agency_id: f.agencyId, charged_to: f.chargedTo, at: local(f.at) })),
    charged: c.charged.map((x) => ({ agency_id: x.agencyId, active_working_hours: Math.round((x.activeWorkingMs / 3_600_000) * 100) / 100 })),
    auto_close_at: local(c.autoCloseAt),
    events: d.events.map((e) => ({ action: e.action, actor: e.actor, at: e.at, before: e.before ? (JSON.parse(e.before) as unknown) : null, after: e.after ? (JSON.parse(e.after) as unknown) : null })),
  };
}
