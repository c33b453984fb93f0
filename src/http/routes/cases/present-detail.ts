import type { Actor } from '../../../domain/case/roles.js';
import type { CaseDetail } from '../../../services/cases/get-case.js';
import { maySplit } from '../../../domain/case/split.js';
import type { Status } from '../../../domain/case/status.js';
import { presentCase } from './present.js';

/** Officer detail: the case, its reporters (identity per anonymity rules), and one timeline. */
export function presentDetail(d: CaseDetail, actor: Actor) {
  return {
    ...presentCase(d.case, actor),
    reporters: d.reporters.map((r) => ({
      anonymous: r.anonymous === 1,
      confidential: r.confidential === 1,
      name: r.name,
      channel: r.channel,
      contacts: r.contacts,
    })),
    assignments: d.assignments.map((a) => ({ agency: a.agency_id, kind: a.kind, assigned_at: a.assigned_at, ended_at: a.ended_at, misrouted: a.misrouted === 1, reason: a.reason })),
    comments: d.comments,
    attachments: d.attachments.map((a) => ({ id: a.id, filename: a.filename, content_type: a.content_type, size: a.size, role: a.role, created_at: a.created_at })),
    rating: d.rating,
    splitFrom: d.splitFrom,
    splitInto: d.splitInto,
    /** For the UI's "split" panel, like `allowed_actions` for the workflow buttons. */
    can_split: maySplit(d.case.status as Status, actor),
    timeline: d.events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      actor: e.actor,
      before: e.before ? JSON.parse(e.before) : null,
      after: e.after ? JSON.parse(e.after) : null,
    })),
  };
}
