import type { Holding, SlaClock, TargetKind, TargetStatus } from '../sla/index.js';

/**
 * What one agency did with one case: the input of monthly figures. One outcome per (case, agency) that held
 * the case in a counted (not misrouted) holding; the store can keep these rows so a monthly report is an
 * aggregation, not a replay of every timeline.
 *
 * The same shape also describes a whole case (`caseOutcome`: targets counted from receipt across holders,
 * `agencyId` = the last holder) for reports per channel or per area, where each case must count once.
 */
export interface CaseOutcome {
  readonly caseId: string;
  /** The agency that answers for this outcome (null: the unassigned intake queue). */
  readonly agencyId: string | null;
  /** When the agency received the case (start of its first counted holding). */
  readonly receivedAt: Date;
  /** Every interval the agency held the case (for the backlog on a given date). */
  readonly held: readonly { readonly from: Date; readonly to: Date | null }[];
  /** Targets of the agency's first holding. */
  readonly targets: Readonly<Partial<Record<TargetKind, { readonly status: TargetStatus; readonly dueAt: Date | null }>>>;
  /** Running working time from receipt to the first response (a reply or the resolution); null if none. */
  readonly responseWorkingMs: number | null;
  /** Running working time from receipt to resolution by this agency; null if it did not resolve it. */
  readonly resolutionWorkingMs: number | null;
  readonly resolvedAt: Date | null;
  /** First red flag raised on the agency's holdings. */
  readonly redFlagAt: Date | null;
  /** The agency resolved the case and it was reopened afterwards. */
  readonly reopened: boolean;
  /** Citizen rating (1–5) of the resolution, credited to the agency that resolved last. */
  readonly rating: number | null;
  /** Other grouping keys, e.g. `{ channel: 'jaki', kelurahan: '31.71.01.1001' }`. */
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** Time lost to a misroute, charged to the unit that misrouted (null: nobody routed it, e.g. the citizen). */
export interface MisrouteOutcome {
  readonly caseId: string;
  readonly chargedTo: string | null;
  readonly heldBy: string | null;
  readonly from: Date;
  /** When the misroute was noticed (the case moved on). */
  readonly to: Date;
  readonly workingMs: number;
}

export interface OutcomeInput {
  readonly caseId: string;
  readonly clock: SlaClock;
  readonly rating?: number | null;
  readonly dimensions?: Readonly<Record<string, string>>;
}

const firstOf = (...values: (number | undefined)[]) => {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? null : Math.min(...defined);
};

export interface Outcomes {
  /** One per agency that answers for the case (per-agency reports, TKD). */
  readonly outcomes: CaseOutcome[];
  /** The case as the citizen saw it (per-channel and per-area reports). */
  readonly caseOutcome: CaseOutcome;
  readonly misroutes: MisrouteOutcome[];
}

export function outcomesFromClock(input: OutcomeInput): Outcomes {
  const { caseId, clock } = input;
  const counted = clock.holdings.filter((h) => h.counted);
  const byAgency = new Map<string | null, Holding[]>();
  for (const h of counted) byAgency.set(h.agencyId, [...(byAgency.get(h.agencyId) ?? []), h]);
  const lastResolver = [...clock.holdings].reverse().find((h) => h.endedBy === 'resolved');

  const outcomes = [...byAgency.entries()].map(([agencyId, holdings]): CaseOutcome => {
    const first = holdings[0];
    const m = first.milestones;
    const resolvedBy = holdings.filter((h) => h.endedBy === 'resolved');
    const reopened = resolvedBy.some((r) => clock.holdings.some((h) => h.openedBy === 'reopened' && h.from >= r.to!));
    const flags = holdings.flatMap((h) => (h.redFlag ? [h.redFlag.at.getTime()] : []));
    return {
      caseId,
      agencyId,
      receivedAt: first.from,
      held: holdings.map((h) => ({ from: h.from, to: h.to })),
      targets: Object.fromEntries(first.targets.map((t) => [t.target, { status: t.status, dueAt: t.dueAt }])),
      responseWorkingMs: firstOf(m.responded?.elapsedWorkingMs, m.resolved?.elapsedWorkingMs),
      resolutionWorkingMs: m.resolved?.elapsedWorkingMs ?? null,
      resolvedAt: m.resolved?.at ?? null,
      redFlagAt: flags.length === 0 ? null : new Date(Math.min(...flags)),
      reopened,
      rating: lastResolver?.agencyId === agencyId && lastResolver.counted ? (input.rating ?? null) : null,
      ...(input.dimensions ? { dimensions: input.dimensions } : {}),
    };
  });

  const misroutes = clock.holdings
    .filter((h) => h.misrouted)
    .map((h): MisrouteOutcome => ({
      caseId,
      chargedTo: h.chargedTo,
      heldBy: h.agencyId,
      from: h.from,
      to: h.to!, // a holding is only known to be misrouted once the case has moved on
      workingMs: h.activeWorkingMs,
    }));
  const cm = clock.caseMilestones;
  const last = clock.holdings[clock.holdings.length - 1];
  const caseOutcome: CaseOutcome = {
    caseId,
    agencyId: last.agencyId,
    receivedAt: clock.receivedAt,
    held: clock.holdings.map((h) => ({ from: h.from, to: h.to })),
    targets: Object.fromEntries(clock.caseTargets.map((t) => [t.target, { status: t.status, dueAt: t.dueAt }])),
    responseWorkingMs: firstOf(cm.responded?.elapsedWorkingMs, cm.resolved?.elapsedWorkingMs),
    resolutionWorkingMs: cm.resolved?.elapsedWorkingMs ?? null,
    resolvedAt: cm.resolved?.at ?? null,
    redFlagAt: clock.redFlags.length === 0 ? null : new Date(Math.min(...clock.redFlags.map((f) => f.at.getTime()))),
    reopened: clock.holdings.some((h) => h.openedBy === 'reopened'),
    rating: lastResolver ? (input.rating ?? null) : null,
    ...(input.dimensions ? { dimensions: input.dimensions } : {}),
  };
  return { outcomes, caseOutcome, misroutes };
}
