import type { TimelineEvent } from '../../domain/sla/index.js';

/**
 * Maps a case's stored event log onto the SLA clock's timeline (see src/domain/sla/timeline.ts). Pure: the
 * clock's attribution is therefore derivable from the audit log alone.
 *
 * | stored action                         | timeline                                                          |
 * |---------------------------------------|-------------------------------------------------------------------|
 * | case.created                          | received (at the case's received_at: walk-in intake time counts)   |
 * | case.dispatch by system:routing at intake | folded into received: the routed unit is the intake unit that verifies |
 * | case.dispatch, case.coordinate        | assigned (to after.agency, from before.agency)                     |
 * | case.transfer                         | transferred (after.misrouted marks the holding it ends a misroute) |
 * | case.start                            | verified + responded + followed_up (the unit accepts and acts; the citizen is told "Proses") |
 * | case.request_info                     | responded (a question to the citizen), then the pause status       |
 * | case.resolve                          | resolved                                                           |
 * | case.confirm/auto_close/reject/merge  | closed                                                             |
 * | case.reopen                           | reopened (back to after.agency)                                    |
 * | comment.public by user:N              | responded (a staff reply)                                          |
 * | comment.public by citizen:N after `selesai` | citizen_replied (the citizen answered: no auto-close)        |
 * Every status change (after.status ≠ the status before) also becomes `status_changed`, which drives pauses.
 */
export interface StoredCaseEvent {
  readonly action: string;
  readonly actor: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly at: string;
}

interface Payload {
  status?: string;
  agency?: string | null;
  misrouted?: boolean;
}

const parse = (json: string | null): Payload => {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Payload) : {};
  } catch {
    return {};
  }
};

export function timelineFromEvents(events: readonly StoredCaseEvent[], receivedAt: Date): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  let status: string | undefined;
  let createdAt: string | null = null;
  for (const e of events) {
    const at = new Date(e.at);
    const before = parse(e.before);
    const after = parse(e.after);
    const push = (ev: Omit<TimelineEvent, 'at'>) => out.push({ at, ...ev });
    switch (e.action) {
      case 'case.created':
        createdAt = e.at;
        out.push({ at: receivedAt.getTime() < at.getTime() ? receivedAt : at, kind: 'received' });
        break;
      case 'case.dispatch':
      case 'case.coordinate': {
        if (!after.agency) break;
        const atIntake = e.action === 'case.dispatch' && e.actor === 'system:routing' && e.at === createdAt && out.length === 1 && !out[0].agencyId;
        if (atIntake) out[0] = { ...out[0], agencyId: after.agency };
        else push({ kind: 'assigned', agencyId: after.agency, ...(before.agency ? { fromAgencyId: before.agency } : {}) });
        break;
      }
      case 'case.transfer':
        if (after.agency) push({ kind: 'transferred', agencyId: after.agency, ...(before.agency ? { fromAgencyId: before.agency } : {}), misrouted: after.misrouted === true });
        break;
      case 'case.start':
        push({ kind: 'verified' });
        push({ kind: 'responded' });
        push({ kind: 'followed_up' });
        break;
      case 'case.request_info':
        push({ kind: 'responded' });
        break;
      case 'case.resolve':
        push({ kind: 'resolved' });
        break;
      case 'case.confirm':
      case 'case.auto_close':
      case 'case.reject':
      case 'case.merge':
        push({ kind: 'closed' });
        break;
      case 'case.reopen':
        push({ kind: 'reopened', ...(after.agency ? { agencyId: after.agency } : {}) });
        break;
      case 'comment.public':
        if (e.actor.startsWith('user:')) push({ kind: 'responded' });
        else if (e.actor.startsWith('citizen:') && status === 'selesai') push({ kind: 'citizen_replied' });
        break;
      default:
        break;
    }
    if (e.action.startsWith('case.') && after.status && after.status !== status) {
      if (status !== undefined) push({ kind: 'status_changed', status: after.status });
      status = after.status;
    }
  }
  return out;
}
