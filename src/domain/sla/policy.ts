/**
 * SLA policies: how long each step of handling a complaint may take, chosen per category, priority and
 * agency level. Quirks of a city or a channel are policies (data), never branches in the clock.
 */

export const TARGET_KINDS = ['verification', 'first_response', 'follow_up', 'resolution'] as const;
/**
 * - `verification`: intake decides the report is valid and routable (LAPOR! "verifikasi").
 * - `first_response`: the holding agency's first message to the citizen.
 * - `follow_up`: the holding agency's first action on the substance ("tindak lanjut": field visit, work
 *   order, or handing the case to the unit that can act).
 * - `resolution`: the holding agency marks the case done ("selesai").
 * timeline.ts lists which events stop each clock.
 */
export type TargetKind = (typeof TARGET_KINDS)[number];

export const DURATION_UNITS = ['calendar_hours', 'working_hours', 'working_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A time allowance; working units follow the calendar's rules (working-calendar.ts). */
export interface SlaDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Which cases a policy applies to; an absent field matches anything. */
export interface PolicyMatch {
  readonly category?: string;
  readonly priority?: string;
  /** e.g. `kelurahan`, `kecamatan`, `kota`, `dinas`, `suku_dinas`, `badan`, `biro`. */
  readonly agencyLevel?: string;
}

export interface SlaPolicy {
  readonly id: string;
  readonly name: string;
  readonly match: PolicyMatch;
  /** Targets this policy sets; an absent target is not measured. */
  readonly targets: Readonly<Partial<Record<TargetKind, SlaDuration>>>;
  /** Red flag: raised when `target` is still not met after `after` (counted like a target, pauses included). */
  readonly redFlag?: { readonly target: TargetKind; readonly after: SlaDuration };
  /** A resolved case with no citizen answer is closed this long after resolution (LAPOR!: 10 working days). */
  readonly autoCloseAfterResolution?: SlaDuration;
  /** The rule or decree the values come from, shown to people who contest a deadline. */
  readonly source?: string;
}

export interface PolicyCriteria {
  readonly category?: string;
  readonly priority?: string;
  readonly agencyLevel?: string;
}

export class SlaConfigError extends Error {
  readonly code = 'invalid_sla_config';
}

// Category outranks priority, which outranks agency level: a rule written for "banjir" cases is more
// specific than one for a whole level of government. The weights make every combination rank distinctly.
const FIELD_WEIGHT = { category: 4, priority: 2, agencyLevel: 1 } as const;

function specificity(match: PolicyMatch): number {
  let score = 0;
  for (const field of Object.keys(FIELD_WEIGHT) as (keyof PolicyMatch)[]) {
    if (match[field] !== undefined) score += FIELD_WEIGHT[field];
  }
  return score;
}

/**
 * The policy for a case: among policies whose every given match field equals the case's, the most specific
 * (see FIELD_WEIGHT); on a tie the one listed first. Throws when nothing matches, so ship a catch-all (`{}`).
 */
export function selectPolicy(policies: readonly SlaPolicy[], criteria: PolicyCriteria): SlaPolicy {
  let best: SlaPolicy | undefined;
  let bestScore = -1;
  for (const policy of policies) {
    const m = policy.match;
    const matches =
      (m.category === undefined || m.category === criteria.category) &&
      (m.priority === undefined || m.priority === criteria.priority) &&
      (m.agencyLevel === undefined || m.agencyLevel === criteria.agencyLevel);
    const score = specificity(m);
    if (matches && score > bestScore) {
      best = policy;
      bestScore = score;
    }
  }
  if (!best) throw new SlaConfigError(`no SLA policy matches ${JSON.stringify(criteria)}; add a catch-all policy`);
  return best;
}

/** Gives the policy that governs an agency's handling of this case (the clock asks once per holding). */
export type PolicyResolver = (agencyId: string | null) => SlaPolicy;

/**
 * A resolver for one case: its category and priority are fixed, the agency level depends on who holds it.
 * `agencyLevelOf` returns undefined for an unknown agency or the unassigned queue (`null`).
 */
export function createPolicyResolver(
  policies: readonly SlaPolicy[],
  caseCriteria: { readonly category?: string; readonly priority?: string },
  agencyLevelOf: (agencyId: string) => string | undefined,
): PolicyResolver {
  return (agencyId) =>
    selectPolicy(policies, { ...caseCriteria, agencyLevel: agencyId === null ? undefined : agencyLevelOf(agencyId) });
}

/** Lists every problem of a policy set at once (for config loading); empty when valid. */
export function validatePolicies(policies: readonly SlaPolicy[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const checkDuration = (where: string, d: SlaDuration) => {
    if (!(DURATION_UNITS as readonly string[]).includes(d.unit)) problems.push(`${where}: unknown unit ${d.unit}`);
    if (!(d.amount > 0) || !Number.isFinite(d.amount)) problems.push(`${where}: amount must be > 0`);
    if (d.unit === 'working_days' && !Number.isInteger(d.amount)) problems.push(`${where}: working days must be whole`);
  };
  for (const p of policies) {
    if (ids.has(p.id)) problems.push(`duplicate policy id ${p.id}`);
    ids.add(p.id);
    for (const [kind, d] of Object.entries(p.targets)) {
      if (!(TARGET_KINDS as readonly string[]).includes(kind)) problems.push(`${p.id}: unknown target ${kind}`);
      if (d) checkDuration(`${p.id}.${kind}`, d);
    }
    if (p.redFlag) checkDuration(`${p.id}.redFlag`, p.redFlag.after);
    if (p.autoCloseAfterResolution) checkDuration(`${p.id}.autoCloseAfterResolution`, p.autoCloseAfterResolution);
  }
  if (!policies.some((p) => specificity(p.match) === 0)) problems.push('no catch-all policy (match {})');
  return problems;
}
