import { WORKFLOW } from '../../domain/case/workflow.js';
import { transitionCase } from '../cases/transition-case.js';
import type { AppContext } from '../context.js';
import type { IntakeResult } from '../intake/submit-complaint.js';

/**
 * After intake has committed: a new case the engine found to be the same incident as an open case
 * (`duplicate_of:<id>` flag, above the auto-link threshold) is merged into it, so it keeps every reporter
 * and each is told on their own channel when it is resolved. The merge runs as the system actor
 * `{kind:'system', job:'triage'}`; while the workflow does not allow a system actor to merge, the link stays
 * recorded as the flag for an officer to confirm ('flagged').
 */
export const TRIAGE_ACTOR = { kind: 'system', job: 'triage' } as const;

export function autoLinkTarget(flags: readonly string[]): number | null {
  const flag = flags.find((f) => f.startsWith('duplicate_of:'));
  const id = flag ? Number(flag.slice('duplicate_of:'.length)) : Number.NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function linkAutoDuplicate(ctx: AppContext, result: IntakeResult): Promise<'merged' | 'flagged' | 'none'> {
  if (!result.created) return 'none';
  const target = autoLinkTarget(result.triage?.flags ?? []) ?? (await lateTarget(ctx, result));
  if (!target || target === result.case.id) return 'none';
  if (WORKFLOW.merge.system !== true) return 'flagged';
  try {
    await transitionCase(ctx, { caseRef: result.case.id, action: 'merge', input: { targetCaseId: target, reason: 'duplikat otomatis (triase)' }, actor: TRIAGE_ACTOR });
  } catch (err) {
    // The case is already committed and acknowledged; if the original closed in between, an officer decides.
    ctx.log.warn({ cat: 'triage', caseId: result.case.id, target, err: (err as Error).message }, 'automatic duplicate link failed');
    return 'flagged';
  }
  (ctx.triage as { duplicates?: { remove(id: number): void } }).duplicates?.remove(result.case.id);
  return 'merged';
}

/**
 * Two reports of one incident that arrive together are each assessed before the other is committed, so neither
 * search sees the other. The later one (higher id) looks again among the cases committed in between.
 */
async function lateTarget(ctx: AppContext, result: IntakeResult): Promise<number | null> {
  const watermark = result.triage?.duplicateWatermark;
  if (watermark === undefined || !ctx.triage.lateDuplicate || result.case.id - watermark < 2) return null;
  const k = result.case;
  return ctx.triage.lateDuplicate(
    {
      id: k.id,
      categoryCode: k.category_code ?? result.triage?.suggestions[0]?.code,
      text: `${k.title ?? ''} ${k.description}`,
      lat: k.lat ?? undefined,
      lng: k.lng ?? undefined,
      areaCode: k.area_code ?? undefined,
      createdAt: new Date(k.created_at),
    },
    watermark,
  );
}
