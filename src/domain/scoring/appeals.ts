import type { CaseOutcome, MisrouteOutcome } from './case-outcome.js';

/**
 * An agency head's appeal against one case counted for the agency (e.g. misrouted, not its authority).
 * Only `accepted` appeals change anything; the reviewer's decision is an input, so a recomputation with the
 * same appeals gives the same score, and each applied appeal is listed beside the figures.
 */
export interface Appeal {
  readonly id: string;
  readonly caseId: string;
  /** The agency the case is counted for and that appealed. */
  readonly agencyId: string;
  readonly decision: 'pending' | 'accepted' | 'rejected';
  /** exclude: the case no longer counts for the agency; reattribute: it counts for another agency instead. */
  readonly remedy: { readonly kind: 'exclude' } | { readonly kind: 'reattribute'; readonly toAgencyId: string };
}

export interface AppliedAppeal {
  readonly appealId: string;
  readonly caseId: string;
  readonly agencyId: string;
  /** What happened: excluded, moved to another agency, or dropped because that agency already answers for it. */
  readonly effect: 'excluded' | 'reattributed' | 'excluded_target_already_counted';
  readonly toAgencyId?: string;
}

export function applyAppeals(
  outcomes: readonly CaseOutcome[],
  misroutes: readonly MisrouteOutcome[],
  appeals: readonly Appeal[],
): { outcomes: CaseOutcome[]; misroutes: MisrouteOutcome[]; applied: AppliedAppeal[] } {
  const accepted = appeals.filter((a) => a.decision === 'accepted');
  if (accepted.length === 0) return { outcomes: [...outcomes], misroutes: [...misroutes], applied: [] };
  const key = (caseId: string, agencyId: string | null) => `${caseId}\u0000${agencyId}`;
  const existing = new Set(outcomes.map((o) => key(o.caseId, o.agencyId)));
  const byKey = new Map(accepted.map((a) => [key(a.caseId, a.agencyId), a]));
  const applied: AppliedAppeal[] = [];

  const kept: CaseOutcome[] = [];
  for (const o of outcomes) {
    const appeal = byKey.get(key(o.caseId, o.agencyId));
    if (!appeal) {
      kept.push(o);
      continue;
    }
    const base = { appealId: appeal.id, caseId: o.caseId, agencyId: appeal.agencyId };
    if (appeal.remedy.kind === 'exclude') {
      applied.push({ ...base, effect: 'excluded' });
    } else if (existing.has(key(o.caseId, appeal.remedy.toAgencyId))) {
      // The other agency already answers for this case; counting it twice there would inflate its figures.
      applied.push({ ...base, effect: 'excluded_target_already_counted', toAgencyId: appeal.remedy.toAgencyId });
    } else {
      applied.push({ ...base, effect: 'reattributed', toAgencyId: appeal.remedy.toAgencyId });
      kept.push({ ...o, agencyId: appeal.remedy.toAgencyId });
    }
  }
  const keptMisroutes = misroutes.flatMap((m) => {
    const appeal = m.chargedTo === null ? undefined : byKey.get(key(m.caseId, m.chargedTo));
    if (!appeal) return [m];
    return appeal.remedy.kind === 'exclude' ? [] : [{ ...m, chargedTo: appeal.remedy.toAgencyId }];
  });
  return { outcomes: kept, misroutes: keptMisroutes, applied };
}
