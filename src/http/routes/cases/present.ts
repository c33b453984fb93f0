import type { Actor } from '../../../domain/case/roles.js';
import { redactContacts } from '../../../domain/privacy/redact.js';
import { open311Status, STATUS_LABELS, type Status } from '../../../domain/case/status.js';
import { availableActions } from '../../../domain/case/workflow.js';
import type { CaseRow } from '../../../store/case.repository.js';

/**
 * Officer view of a case (list and detail). A partner system sees the same fields except officers' working data:
 * triage scores, flags and the walk-in post.
 */
export function presentCase(c: CaseRow, actor?: Actor | null) {
  const partner = actor?.kind === 'partner';
  return {
    id: c.id,
    ticket: c.ticket,
    status: c.status,
    status_label: STATUS_LABELS[c.status as Status] ?? null,
    open311_status: open311Status(c.status as Status),
    title: c.title,
    description: c.description,
    report_type: c.report_type,
    channel: c.channel,
    category: c.category_code,
    area: c.area_code,
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    address: c.address,
    agency: c.agency_id,
    priority: c.priority,
    public: c.is_public === 1,
    merged_into: c.merged_into_id,
    reject_reason: c.reject_reason,
    reject_note: c.reject_note,
    forwarded_to: c.forwarded_to,
    post: partner ? null : c.post_id,
    support_count: c.support_count,
    flags: !partner && c.flags ? (JSON.parse(c.flags) as string[]) : [],
    triage: !partner && c.triage ? JSON.parse(c.triage) : null,
    received_at: c.received_at,
    created_at: c.created_at,
    updated_at: c.updated_at,
    first_response_at: c.first_response_at,
    resolved_at: c.resolved_at,
    closed_at: c.closed_at,
    due: { verify: c.verify_due_at, response: c.response_due_at, resolution: c.resolution_due_at },
    sla_paused_at: c.sla_paused_at,
    allowed_actions: actor
      ? availableActions(
          { id: c.id, status: c.status as Status, agencyId: c.agency_id, resumeStatus: null, resolvedAt: null, categoryRequiresAfterPhoto: false },
          actor,
        )
      : [],
  };
}

/** Public view (tracking): no personal data, no internal notes, no internal ids (a merge names the ticket). */
export function presentPublicCase(c: CaseRow) {
  return {
    ticket: c.ticket,
    status: c.status,
    status_label: STATUS_LABELS[c.status as Status] ?? null,
    title: redactContacts(c.title),
    description: c.is_public === 1 ? redactContacts(c.description) : null,
    category: c.category_code,
    area: c.area_code,
    agency: c.agency_id,
    channel: c.channel,
    reject_reason: c.reject_reason,
    reject_note: c.reject_note,
    forwarded_to: c.forwarded_to,
    support_count: c.support_count,
    created_at: c.created_at,
    updated_at: c.updated_at,
    resolved_at: c.resolved_at,
    due_at: c.resolution_due_at,
  };
}
