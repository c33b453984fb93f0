import type { TimelineEvent } from './timeline.js';

/**
 * Splits a normalized timeline into holdings (who held the case when) and records, per holding and for the
 * whole case, the first instant of each milestone. The rules are documented in timeline.ts.
 */
export type Milestone = 'verified' | 'responded' | 'followed_up' | 'resolved';
export type HoldingOpenedBy = 'received' | 'assigned' | 'transferred' | 'reopened';
export type HoldingEndedBy = 'assigned' | 'transferred' | 'resolved' | 'closed';

export interface HoldingDraft {
  readonly index: number;
  readonly agencyId: string | null;
  readonly from: number;
  to: number | null;
  readonly openedBy: HoldingOpenedBy;
  endedBy: HoldingEndedBy | null;
  /** The unit that routed the case to this holder (null: nobody, e.g. the citizen chose the channel). */
  readonly routedBy: string | null;
  misrouted: boolean;
  /** First instant of each milestone inside this holding. */
  readonly milestones: Partial<Record<Milestone, number>>;
}

export interface CaseMilestones {
  readonly receivedAt: number;
  /** First instant of each milestone anywhere in the case. */
  readonly first: Partial<Record<Milestone, number>>;
  /** Last resolution, and whether the citizen answered, the case reopened or closed after it. */
  readonly lastResolvedAt: number | null;
  readonly answeredAfterResolution: boolean;
  readonly closedAt: number | null;
}

export function deriveHoldings(events: readonly TimelineEvent[]): { holdings: HoldingDraft[]; milestones: CaseMilestones } {
  const holdings: HoldingDraft[] = [];
  const first: Partial<Record<Milestone, number>> = {};
  let current = null as HoldingDraft | null; // the cast keeps TS from narrowing it to null across closures
  let lastResolvedAt: number | null = null;
  let answeredAfterResolution = false;
  let closedAt: number | null = null;

  const open = (agencyId: string | null, at: number, openedBy: HoldingOpenedBy, routedBy: string | null) => {
    current = {
      index: holdings.length,
      agencyId,
      from: at,
      to: null,
      openedBy,
      endedBy: null,
      routedBy,
      misrouted: false,
      milestones: {},
    };
    holdings.push(current);
    closedAt = null;
  };
  const mark = (milestone: Milestone, at: number) => {
    first[milestone] ??= at;
    if (current) current.milestones[milestone] ??= at;
  };
  const end = (holding: HoldingDraft, at: number, endedBy: HoldingEndedBy) => {
    holding.to = at;
    holding.endedBy = endedBy;
    current = null;
  };

  for (const e of events) {
    const at = e.at.getTime();
    const holder: HoldingDraft | null = current;
    switch (e.kind) {
      case 'received':
        open(e.agencyId ?? null, at, 'received', e.fromAgencyId ?? null);
        break;
      case 'assigned':
      case 'transferred': {
        const to = e.agencyId ?? null;
        if (holder && holder.agencyId === to) break; // reassignment inside the same agency
        const previous = holder ?? holdings[holdings.length - 1];
        if (holder) {
          end(holder, at, e.kind);
          holder.misrouted = e.misrouted === true;
        }
        open(to, at, e.kind, e.fromAgencyId ?? previous?.agencyId ?? null);
        break;
      }
      case 'verified':
      case 'responded':
      case 'followed_up':
        mark(e.kind, at);
        break;
      case 'resolved':
        mark('resolved', at);
        lastResolvedAt = at;
        answeredAfterResolution = false;
        if (holder) end(holder, at, 'resolved');
        break;
      case 'reopened':
        answeredAfterResolution = lastResolvedAt !== null;
        if (!holder) open(e.agencyId ?? holdings[holdings.length - 1].agencyId, at, 'reopened', null);
        break;
      case 'citizen_replied':
        if (lastResolvedAt !== null) answeredAfterResolution = true;
        break;
      case 'closed':
        closedAt = at;
        if (holder) end(holder, at, 'closed');
        break;
      case 'status_changed':
        break; // only pauses read statuses (active-time.ts)
    }
  }

  return {
    holdings,
    milestones: { receivedAt: events[0].at.getTime(), first, lastResolvedAt, answeredAfterResolution, closedAt },
  };
}
