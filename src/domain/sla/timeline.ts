/**
 * The SLA clock's input: a case's history as a list of timestamped events. The store keeps its own event log;
 * the lead maps it onto these kinds (one stored event may become none or several timeline events).
 *
 * | kind              | meaning                                                    | fields used                  |
 * |-------------------|------------------------------------------------------------|------------------------------|
 * | `received`        | the case enters the system (must come first, exactly once)  | agencyId (intake unit, or none for a central queue), fromAgencyId (a router unit, if any) |
 * | `verified`        | intake accepts the report as valid                          |                              |
 * | `assigned`        | dispatched to an agency (disposisi / koordinasi)            | agencyId (receiver), fromAgencyId (sender; default: current holder), misrouted |
 * | `transferred`     | moved from one agency to another                            | same as `assigned`           |
 * | `status_changed`  | the workflow status changed                                 | status                       |
 * | `responded`       | the holder's message to the citizen                         |                              |
 * | `followed_up`     | the holder's first action on the substance (tindak lanjut)   |                              |
 * | `resolved`        | the holder marks the case done (selesai)                    |                              |
 * | `reopened`        | the case is opened again after resolution                   | agencyId (default: last holder) |
 * | `citizen_replied` | the citizen answered after resolution (stops auto-close)    |                              |
 * | `closed`          | final closure: rejected, archived, merged or auto-closed    |                              |
 *
 * Rules the clock applies:
 * - **Holdings.** A holding is the time one agency holds the case. `received` opens the first; `assigned` or
 *   `transferred` to a *different* agency ends the current one and opens the next (to the same agency it is
 *   an internal reassignment and changes nothing); `resolved` and `closed` end it; `reopened` opens a new one.
 * - **Misrouting.** `misrouted: true` on an `assigned`/`transferred` event declares that the holding it ends
 *   was a misroute (the case should never have gone there). That holding's time is charged to the unit that
 *   routed the case there (its `fromAgencyId`), its targets are not counted, and it raises no red flag.
 * - **Pauses.** A `status_changed` to a pause status (default `menunggu_pelapor`, waiting for the citizen)
 *   stops every clock; a `status_changed` to any other status, or `resolved`/`reopened`/`closed`, restarts it.
 * - **Stops.** verification: the first `verified`, else the end of the first holding (dispatching,
 *   resolving or rejecting a report is a verification decision). first_response: `responded` or `resolved`.
 *   follow_up: `followed_up`, `resolved`, or handing the case on (`assigned`/`transferred` out).
 *   resolution: `resolved`. Only events inside the holding count for that holding's targets.
 * - Events are ordered by `at`; events at the same instant keep their input order. Events after `asOf` are
 *   ignored, so the clock can be replayed "as of" any past instant.
 */
export const TIMELINE_EVENT_KINDS = [
  'received',
  'verified',
  'assigned',
  'transferred',
  'status_changed',
  'responded',
  'followed_up',
  'resolved',
  'reopened',
  'citizen_replied',
  'closed',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export interface TimelineEvent {
  readonly at: Date;
  readonly kind: TimelineEventKind;
  /** received: intake unit; assigned/transferred: the receiving agency; reopened: who gets the case back. */
  readonly agencyId?: string;
  /** assigned/transferred (and received): the unit that routed the case; default the current holder. */
  readonly fromAgencyId?: string;
  /** status_changed: the new workflow status. */
  readonly status?: string;
  /** assigned/transferred: the holding this event ends was a misroute. */
  readonly misrouted?: boolean;
}

export const DEFAULT_PAUSE_STATUSES: readonly string[] = Object.freeze(['menunggu_pelapor']);

export class SlaInputError extends Error {
  readonly code = 'invalid_timeline';
}

/** Sorted copy of the events up to `asOf`, checked for what the clock relies on. */
export function normalizeTimeline(events: readonly TimelineEvent[], asOf: Date): TimelineEvent[] {
  const limit = asOf.getTime();
  for (const event of events) {
    if (!(event.at instanceof Date) || Number.isNaN(event.at.getTime())) {
      throw new SlaInputError(`event ${event.kind} has an invalid date`);
    }
  }
  const sorted = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.at.getTime() <= limit)
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
  for (const event of sorted) {
    if (!(TIMELINE_EVENT_KINDS as readonly string[]).includes(event.kind)) {
      throw new SlaInputError(`unknown timeline event kind ${String(event.kind)}`);
    }
    if ((event.kind === 'assigned' || event.kind === 'transferred') && !event.agencyId) {
      throw new SlaInputError(`${event.kind} at ${event.at.toISOString()} needs the receiving agencyId`);
    }
  }
  if (sorted.length === 0 || sorted[0].kind !== 'received') {
    throw new SlaInputError('a timeline starts with its received event');
  }
  if (sorted.filter((e) => e.kind === 'received').length > 1) throw new SlaInputError('more than one received event');
  return sorted;
}
