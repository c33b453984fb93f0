/**
 * SLA policies and the SLA clock: due times, pauses, attribution per agency, red flags and the escalation
 * ladder. Event semantics: timeline.ts. Shipped defaults: default-policies.ts.
 */
export {
  type DurationUnit,
  type PolicyCriteria,
  type PolicyMatch,
  type PolicyResolver,
  type SlaDuration,
  type SlaPolicy,
  type TargetKind,
  DURATION_UNITS,
  SlaConfigError,
  TARGET_KINDS,
  createPolicyResolver,
  selectPolicy,
  validatePolicies,
} from './policy.js';
export {
  DEFAULT_SLA_POLICY_SETS,
  EMERGENCY_POLICY,
  FALLBACK_SLA_POLICY_SET,
  JAKARTA_RED_FLAG,
  JAKARTA_SLA_POLICIES,
  JAKARTA_URGENT_POLICY,
  LAPOR_SLA_POLICIES,
  PERPRES_76_2013_RESOLUTION,
} from './default-policies.js';
export {
  type TimelineEvent,
  type TimelineEventKind,
  DEFAULT_PAUSE_STATUSES,
  SlaInputError,
  TIMELINE_EVENT_KINDS,
} from './timeline.js';
export {
  type Holding,
  type RedFlag,
  type SlaClock,
  type SlaClockInput,
  type TargetResult,
  type TargetStatus,
  computeSlaClock,
} from './clock.js';
export type { HoldingEndedBy, HoldingOpenedBy, Milestone } from './holdings.js';
export {
  type DueEscalation,
  type EscalationInput,
  type EscalationRecipient,
  type EscalationStep,
  DEFAULT_ESCALATION_LADDER,
  dueEscalations,
  nextEscalationAt,
} from './escalation.js';
