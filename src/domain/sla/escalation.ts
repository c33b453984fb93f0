import type { WorkingCalendar } from '../calendar/index.js';
import { type Interval, allowanceFrom, instantAfterRunning } from './active-time.js';
import type { SlaClock, TargetResult } from './clock.js';
import type { TargetKind } from './policy.js';

/**
 * Escalation ladder: who is told what, and when, as a case nears or passes its deadlines. The scanner calls
 * `dueEscalations` for each case it looks at and sends each returned step whose `key` it has not sent before;
 * keys are stable across recomputations (they name the case, the holding, the target and the step, never a
 * time), so two scanners, or one scanner run twice, dedupe on the key.
 */
export type EscalationRecipient = 'assignee' | 'supervisor' | 'agency_head' | 'monitor';

export type EscalationStep =
  | {
      readonly id?: string;
      /** Fire when this share of a target's allowance has run (0.5 = half-way, 1 = at the due time). */
      readonly atFractionOfTarget: number;
      readonly notify: EscalationRecipient | readonly EscalationRecipient[];
      /** Limit the step to some targets; default all targets of the current holder. */
      readonly targets?: readonly TargetKind[];
    }
  | {
      readonly id?: string;
      /** Fire when a red flag goes up (charged to the unit the flag is charged to). */
      readonly onRedFlag: true;
      readonly notify: EscalationRecipient | readonly EscalationRecipient[];
    };

/** Reminder at half-time, the supervisor at the deadline, the head and the monitoring office on a red flag. */
export const DEFAULT_ESCALATION_LADDER: readonly EscalationStep[] = Object.freeze([
  { atFractionOfTarget: 0.5, notify: 'assignee' },
  { atFractionOfTarget: 1.0, notify: 'supervisor' },
  { onRedFlag: true, notify: ['agency_head', 'monitor'] },
]);

export interface DueEscalation {
  /** Dedupe key: `{caseId}:h{holdingIndex}:{target|red_flag}:{stepId}`. */
  readonly key: string;
  readonly caseId: string;
  readonly stepId: string;
  readonly holdingIndex: number;
  /** The agency whose people are notified (the holder, or for a red flag the unit it is charged to). */
  readonly agencyId: string | null;
  readonly target: TargetKind | 'red_flag';
  readonly notify: readonly EscalationRecipient[];
  /** When the step became due. */
  readonly dueAt: Date;
}

export interface EscalationInput {
  readonly caseId: string;
  readonly clock: SlaClock;
  readonly ladder: readonly EscalationStep[];
  readonly calendar: WorkingCalendar;
}

const UNMET = new Set(['pending', 'overdue', 'paused']);

function stepId(step: EscalationStep): string {
  if (step.id) return step.id;
  return 'onRedFlag' in step ? 'red_flag' : `at${Math.round(step.atFractionOfTarget * 100)}`;
}

const asList = (notify: EscalationStep['notify']): readonly EscalationRecipient[] =>
  typeof notify === 'string' ? [notify] : notify;

/** The instant a share of a target's allowance has run, pauses excluded; null if paused before it. */
function fractionInstant(
  t: TargetResult,
  fraction: number,
  pauses: readonly Interval[],
  calendar: WorkingCalendar,
): number | null {
  const start = t.startedAt.getTime();
  const { metric, ms } = allowanceFrom(t.allowance, start, calendar);
  return instantAfterRunning(start, Math.round(ms * fraction), pauses, metric, calendar);
}

/** Every step instant for the case, whether already due or not. */
function allSteps(input: EscalationInput): DueEscalation[] {
  const { caseId, clock, ladder, calendar } = input;
  const pauses: Interval[] = clock.pauses.map((p) => ({ from: p.from.getTime(), to: p.to?.getTime() ?? null }));
  const steps: DueEscalation[] = [];
  const push = (s: Omit<DueEscalation, 'key' | 'caseId'>) =>
    steps.push({ ...s, caseId, key: `${caseId}:h${s.holdingIndex}:${s.target}:${s.stepId}` });

  for (const step of ladder) {
    const base = { stepId: stepId(step), notify: asList(step.notify) };
    if ('onRedFlag' in step) {
      for (const h of clock.holdings) {
        // A raised flag on any holding, or the coming one of the current holder (for nextEscalationAt).
        const at = h.redFlag?.at ?? (h === clock.current ? h.redFlagDueAt : null);
        if (at) push({ ...base, holdingIndex: h.index, agencyId: h.chargedTo, target: 'red_flag', dueAt: at });
      }
      continue;
    }
    const h = clock.current;
    if (!h) continue;
    for (const t of h.targets) {
      if (!UNMET.has(t.status) || (step.targets && !step.targets.includes(t.target))) continue;
      const at = fractionInstant(t, step.atFractionOfTarget, pauses, calendar);
      if (at !== null) push({ ...base, holdingIndex: h.index, agencyId: h.agencyId, target: t.target, dueAt: new Date(at) });
    }
  }
  return steps;
}

/**
 * Steps due at the clock's `asOf`: fraction steps for the current holder's targets not yet met, and red-flag
 * steps for every red flag raised on the case. A step stays due (with the same key) until its condition
 * ends — the scanner's sent-key record, not this function, makes delivery happen once.
 */
export function dueEscalations(input: EscalationInput): DueEscalation[] {
  const now = input.clock.asOf.getTime();
  const flagged = new Set(input.clock.redFlags.map((f) => f.holdingIndex));
  return allSteps(input)
    .filter((s) => s.dueAt.getTime() <= now && (s.target !== 'red_flag' || flagged.has(s.holdingIndex)))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

/** The next instant after `asOf` at which a step becomes due (store it so the scanner can skip quiet cases). */
export function nextEscalationAt(input: EscalationInput): Date | null {
  const now = input.clock.asOf.getTime();
  const future = allSteps(input)
    .map((s) => s.dueAt.getTime())
    .filter((t) => t > now);
  return future.length === 0 ? null : new Date(Math.min(...future));
}
