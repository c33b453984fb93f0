import type { WorkingCalendar } from '../calendar/index.js';
import { type Interval, activeTimeBetween, allowanceFrom, instantAfterRunning, pauseIntervals } from './active-time.js';
import { type HoldingDraft, type HoldingEndedBy, type HoldingOpenedBy, type Milestone, deriveHoldings } from './holdings.js';
import { type PolicyResolver, type SlaDuration, type SlaPolicy, type TargetKind, TARGET_KINDS } from './policy.js';
import { DEFAULT_PAUSE_STATUSES, type TimelineEvent, normalizeTimeline } from './timeline.js';

/**
 * The SLA clock: from a case's timeline, its policy and the calendar, computes every due time, whether each
 * target was met and when, pauses, red flags and how much time is charged to which agency. Pure: recompute
 * it on every change and store what you need (`dueTimes`, `redFlags`, `autoCloseAt`).
 */
export interface SlaClockInput {
  readonly timeline: readonly TimelineEvent[];
  /** One policy for the whole case, or a resolver picking one per holding agency (createPolicyResolver). */
  readonly policy: SlaPolicy | PolicyResolver;
  readonly calendar: WorkingCalendar;
  /** "Now" for the computation; later events are ignored. */
  readonly asOf: Date;
  /** Statuses that stop the clock (default `menunggu_pelapor`). */
  readonly pauseStatuses?: readonly string[];
}

/**
 * - `met`: stopped at or before the due time (or while the due time was not yet fixed).
 * - `missed`: stopped late, or the holding ended after the due time without stopping it.
 * - `overdue`: still running and past the due time.  - `pending`: running, not yet due.
 * - `paused`: waiting for the citizen before the allowance ran out; the due time is unknown.
 * - `handed_over`: the holder passed the case on before the due time (not counted for or against it).
 * - `cancelled`: the case was closed (rejected, merged…) before the due time.
 */
export type TargetStatus = 'met' | 'missed' | 'overdue' | 'pending' | 'paused' | 'handed_over' | 'cancelled';

export interface TargetResult {
  readonly target: TargetKind;
  readonly allowance: SlaDuration;
  readonly startedAt: Date;
  readonly dueAt: Date | null;
  readonly status: TargetStatus;
  readonly metAt: Date | null;
  /** Running time (pauses excluded) from the start to the stop, the end of the holding, or asOf. */
  readonly elapsedMs: number;
  readonly elapsedWorkingMs: number;
}

export interface RedFlag {
  readonly holdingIndex: number;
  readonly agencyId: string | null;
  /** When the flag went up: the instant the red-flag allowance ran out. */
  readonly at: Date;
  readonly chargedTo: string | null;
}

export interface Holding {
  readonly index: number;
  readonly agencyId: string | null;
  readonly from: Date;
  readonly to: Date | null;
  readonly openedBy: HoldingOpenedBy;
  readonly endedBy: HoldingEndedBy | null;
  readonly routedBy: string | null;
  readonly misrouted: boolean;
  /** False for a misrouted holding: its targets are reported but not counted for the holder. */
  readonly counted: boolean;
  /** Who answers for this holding's time: the holder, or for a misroute the unit that misrouted. */
  readonly chargedTo: string | null;
  readonly policyId: string;
  /** Running and paused time inside the holding (up to asOf while open). */
  readonly activeMs: number;
  readonly activeWorkingMs: number;
  readonly pausedMs: number;
  readonly targets: readonly TargetResult[];
  readonly redFlag: RedFlag | null;
  /**
   * When the red flag goes (or went) up if nothing happens; null without a rule, while paused before it, or
   * when its target was met (or the holding ended) in time.
   */
  readonly redFlagDueAt: Date | null;
  /** First instant of each milestone inside the holding, with the running time from the holding's start. */
  readonly milestones: Readonly<Partial<Record<Milestone, { at: Date; elapsedMs: number; elapsedWorkingMs: number }>>>;
}

export interface SlaClock {
  readonly asOf: Date;
  readonly receivedAt: Date;
  readonly state: 'open' | 'resolved' | 'closed';
  readonly holdings: readonly Holding[];
  readonly current: Holding | null;
  /** Due times of the current holder's targets not yet met (null while paused): store these on the case. */
  readonly dueTimes: Readonly<Partial<Record<TargetKind, Date | null>>>;
  /** The citizen-facing promise: targets counted from receipt across all holders (first holder's policy). */
  readonly caseTargets: readonly TargetResult[];
  /** First instant of each milestone in the whole case, with the running time since receipt. */
  readonly caseMilestones: Holding['milestones'];
  readonly pauses: readonly { from: Date; to: Date | null }[];
  readonly paused: boolean;
  readonly redFlags: readonly RedFlag[];
  /** Running time charged per unit (null: nobody, e.g. a misroute by the citizen's own choice). */
  readonly charged: readonly { agencyId: string | null; activeMs: number; activeWorkingMs: number }[];
  /** When a resolved case without the citizen's answer is to be closed automatically (policy permitting). */
  readonly autoCloseAt: Date | null;
}

interface Ctx {
  readonly calendar: WorkingCalendar;
  readonly pauses: readonly Interval[];
  readonly asOf: number;
}

function evaluate(
  ctx: Ctx,
  target: TargetKind,
  allowance: SlaDuration,
  start: number,
  stop: number | undefined,
  scopeEnd: number | null,
  endedBy: HoldingEndedBy | 'closed' | null,
): TargetResult {
  const { metric, ms } = allowanceFrom(allowance, start, ctx.calendar);
  const due = instantAfterRunning(start, ms, ctx.pauses, metric, ctx.calendar);
  const until = stop ?? scopeEnd ?? ctx.asOf;
  let status: TargetStatus;
  if (stop !== undefined) status = due === null || stop <= due ? 'met' : 'missed';
  else if (scopeEnd !== null && due !== null && due < scopeEnd) status = 'missed';
  else if (scopeEnd !== null) status = endedBy === 'closed' ? 'cancelled' : 'handed_over';
  else if (due === null) status = 'paused';
  else status = ctx.asOf > due ? 'overdue' : 'pending';
  return {
    target,
    allowance,
    startedAt: new Date(start),
    dueAt: due === null ? null : new Date(due),
    status,
    metAt: stop === undefined ? null : new Date(stop),
    elapsedMs: activeTimeBetween(start, until, ctx.pauses, 'calendar', ctx.calendar),
    elapsedWorkingMs: activeTimeBetween(start, until, ctx.pauses, 'working', ctx.calendar),
  };
}

/** The instant that stops a holding's target, per the rules in timeline.ts. */
function holdingStop(h: HoldingDraft, target: TargetKind): number | undefined {
  const m = h.milestones;
  const handedOn = h.endedBy === 'assigned' || h.endedBy === 'transferred' ? (h.to ?? undefined) : undefined;
  switch (target) {
    case 'verification':
      return m.verified ?? h.to ?? undefined;
    case 'first_response':
      return minDefined(m.responded, m.resolved);
    case 'follow_up':
      return minDefined(m.followed_up, m.resolved, handedOn);
    case 'resolution':
      return m.resolved;
  }
}

function minDefined(...values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : Math.min(...defined);
}

/** When the red flag goes (or went) up — null if met in time — and the flag itself if it is up at asOf. */
function redFlagOf(
  ctx: Ctx,
  h: HoldingDraft,
  policy: SlaPolicy,
  chargedTo: string | null,
): { dueAt: number | null; flag: RedFlag | null } {
  if (!policy.redFlag || h.misrouted) return { dueAt: null, flag: null };
  const { metric, ms } = allowanceFrom(policy.redFlag.after, h.from, ctx.calendar);
  const dueAt = instantAfterRunning(h.from, ms, ctx.pauses, metric, ctx.calendar);
  if (dueAt === null) return { dueAt: null, flag: null };
  const stop = holdingStop(h, policy.redFlag.target);
  const avoided = (stop !== undefined && stop <= dueAt) || (h.to !== null && h.to <= dueAt);
  if (avoided) return { dueAt: null, flag: null };
  if (dueAt >= ctx.asOf) return { dueAt, flag: null };
  return { dueAt, flag: { holdingIndex: h.index, agencyId: h.agencyId, at: new Date(dueAt), chargedTo } };
}

export function computeSlaClock(input: SlaClockInput): SlaClock {
  const asOf = input.asOf.getTime();
  const events = normalizeTimeline(input.timeline, input.asOf);
  const resolve: PolicyResolver = typeof input.policy === 'function' ? input.policy : () => input.policy as SlaPolicy;
  const pauses = pauseIntervals(events, input.pauseStatuses ?? DEFAULT_PAUSE_STATUSES);
  const ctx: Ctx = { calendar: input.calendar, pauses, asOf };
  const { holdings: drafts, milestones } = deriveHoldings(events);
  const running = (a: number, b: number) => ({
    ms: activeTimeBetween(a, b, pauses, 'calendar', input.calendar),
    working: activeTimeBetween(a, b, pauses, 'working', input.calendar),
  });

  const reachedFrom = (from: number, reached: Partial<Record<Milestone, number>>): Holding['milestones'] =>
    Object.fromEntries(
      Object.entries(reached).map(([name, at]) => {
        const r = running(from, at);
        return [name, { at: new Date(at), elapsedMs: r.ms, elapsedWorkingMs: r.working }];
      }),
    );

  const holdings: Holding[] = drafts.map((h) => {
    const policy = resolve(h.agencyId);
    const chargedTo = h.misrouted ? h.routedBy : h.agencyId;
    const end = h.to ?? asOf;
    const total = running(h.from, end);
    const targets = TARGET_KINDS.flatMap((kind) => {
      const allowance = policy.targets[kind];
      if (!allowance || (kind === 'verification' && h.openedBy !== 'received')) return [];
      return [evaluate(ctx, kind, allowance, h.from, holdingStop(h, kind), h.to, h.endedBy)];
    });
    const red = redFlagOf(ctx, h, policy, chargedTo);
    const reached = reachedFrom(h.from, h.milestones);
    return {
      index: h.index,
      agencyId: h.agencyId,
      from: new Date(h.from),
      to: h.to === null ? null : new Date(h.to),
      openedBy: h.openedBy,
      endedBy: h.endedBy,
      routedBy: h.routedBy,
      misrouted: h.misrouted,
      counted: !h.misrouted,
      chargedTo,
      policyId: policy.id,
      activeMs: total.ms,
      activeWorkingMs: total.working,
      pausedMs: end - h.from - total.ms,
      targets,
      redFlag: red.flag,
      redFlagDueAt: red.dueAt === null ? null : new Date(red.dueAt),
      milestones: reached,
    };
  });

  const current = holdings.find((h) => h.to === null) ?? null;
  const dueTimes: Partial<Record<TargetKind, Date | null>> = {};
  for (const t of current?.targets ?? []) {
    if (t.status === 'pending' || t.status === 'overdue' || t.status === 'paused') dueTimes[t.target] = t.dueAt;
  }

  const charged = new Map<string | null, { agencyId: string | null; activeMs: number; activeWorkingMs: number }>();
  for (const h of holdings) {
    const row = charged.get(h.chargedTo) ?? { agencyId: h.chargedTo, activeMs: 0, activeWorkingMs: 0 };
    row.activeMs += h.activeMs;
    row.activeWorkingMs += h.activeWorkingMs;
    charged.set(h.chargedTo, row);
  }

  const state = current ? 'open' : milestones.closedAt !== null ? 'closed' : 'resolved';
  const casePolicy = resolve(drafts[0].agencyId);
  const caseStops: Record<TargetKind, number | undefined> = {
    verification: milestones.first.verified ?? drafts[0].to ?? undefined,
    first_response: minDefined(milestones.first.responded, milestones.first.resolved),
    follow_up: minDefined(milestones.first.followed_up, milestones.first.resolved),
    resolution: milestones.first.resolved,
  };
  const caseEnd = state === 'open' ? null : (holdings[holdings.length - 1].to?.getTime() ?? null);
  const caseTargets = TARGET_KINDS.flatMap((kind) => {
    const allowance = casePolicy.targets[kind];
    return allowance ? [evaluate(ctx, kind, allowance, milestones.receivedAt, caseStops[kind], caseEnd, 'closed')] : [];
  });

  const lastPolicy = resolve(drafts[drafts.length - 1].agencyId);
  const autoClose = lastPolicy.autoCloseAfterResolution;
  let autoCloseAt: Date | null = null;
  if (state === 'resolved' && autoClose && milestones.lastResolvedAt !== null && !milestones.answeredAfterResolution) {
    const { metric, ms } = allowanceFrom(autoClose, milestones.lastResolvedAt, input.calendar);
    autoCloseAt = new Date(instantAfterRunning(milestones.lastResolvedAt, ms, [], metric, input.calendar)!);
  }

  return {
    asOf: input.asOf,
    receivedAt: new Date(milestones.receivedAt),
    state,
    holdings,
    current,
    dueTimes,
    caseTargets,
    caseMilestones: reachedFrom(milestones.receivedAt, milestones.first),
    pauses: pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) })),
    paused: pauses.some((p) => p.to === null),
    redFlags: holdings.flatMap((h) => (h.redFlag ? [h.redFlag] : [])),
    charged: [...charged.values()],
    autoCloseAt,
  };
}
