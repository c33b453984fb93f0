import { applyAppeals, scoreMonth, type TkdScore } from '../../domain/scoring/index.js';
import { TARGET_KINDS } from '../../domain/sla/index.js';
import {
  acceptedAppealsOfCases,
  appealedCaseIdsOfMonth,
  misroutesOfCases,
  outcomesOfCases,
  tallyCohort,
  tallyMisroutes,
  tallyRedFlags,
} from '../../store/report.repository.js';
import type { Executor } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { toCaseOutcome, toMisroute } from '../sla/outcome-rows.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { toAppeal } from './month-data.js';
import type { ReportScope } from './report-access.js';
import { type Tally, addTally, emptyTally, figuresFromTally, linesOf, talliesOfLines } from './tally.js';
import { type TkdConfig, eselonCovered } from './tkd-config.js';

/**
 * The fast path of the TKD report: per-agency tallies from SQL aggregation over the stored outcome rows (a few
 * grouped queries on the month's index), corrected for accepted appeals by replaying only the appealed cases
 * through the pure `applyAppeals`; then the pure `scoreMonth` per agency.
 */
export interface TkdAgencyResult {
  readonly agencyId: string;
  readonly name: string;
  readonly headTitle: string | null;
  readonly headEselon: string | null;
  /** The head is under the deduction rule (see tkd-config.ts). */
  readonly covered: boolean;
  readonly tally: Tally;
  readonly score: TkdScore;
  /** Percent of the head's TKD deducted; null when the rule does not cover the head's echelon. */
  readonly deductionPercent: number | null;
}

/** Per-agency tallies of the month as of `asOf`, appeals applied ('' = the unassigned queue). */
export async function liveTallies(db: Executor, month: string, asOf: Date, utcOffsetMinutes: number): Promise<Map<string, Tally>> {
  const asOfIso = asOf.toISOString();
  const out = new Map<string, Tally>();
  const of = (agencyId: string) => out.get(agencyId) ?? out.set(agencyId, emptyTally()).get(agencyId)!;
  const prefix = { verification: 'ver', first_response: 'resp', follow_up: 'fu', resolution: 'res' } as const;
  for (const r of await tallyCohort(db, month, asOfIso)) {
    const t = of(r.agency_id);
    t.received += r.received;
    for (const k of TARGET_KINDS) {
      t.decided[k] += r[`${prefix[k]}_decided`];
      t.met[k] += r[`${prefix[k]}_met`];
    }
    t.resolved += r.resolved;
    t.reopened += r.reopened;
    t.rated += r.rated;
    t.ratingSum += r.rating_sum ?? 0;
  }
  for (const r of await tallyRedFlags(db, month, asOfIso)) of(r.agency_id).redFlags += r.red_flags;
  for (const r of await tallyMisroutes(db, month)) of(r.charged_to).misrouted += r.misrouted;
  for (const [agencyId, delta] of await appealDelta(db, month, asOf, utcOffsetMinutes)) addTally(of(agencyId ?? ''), delta);
  return out;
}

/** What accepted appeals change in the month: the appealed cases' lines after minus before `applyAppeals`. */
async function appealDelta(db: Executor, month: string, asOf: Date, offset: number): Promise<Map<string | null, Tally>> {
  const ids = await appealedCaseIdsOfMonth(db, month);
  const delta = new Map<string | null, Tally>();
  if (ids.length === 0) return delta;
  const outcomes = (await outcomesOfCases(db, ids)).map((r) => toCaseOutcome(r, asOf));
  const misroutes = (await misroutesOfCases(db, ids)).map(toMisroute);
  const applied = applyAppeals(outcomes, misroutes, (await acceptedAppealsOfCases(db, ids)).map(toAppeal));
  const before = talliesOfLines(linesOf(outcomes, misroutes, month, offset));
  const after = talliesOfLines(linesOf(applied.outcomes, applied.misroutes, month, offset));
  for (const [k, t] of after) delta.set(k, addTally(emptyTally(), t));
  for (const [k, t] of before) delta.set(k, addTally(delta.get(k) ?? emptyTally(), t, -1));
  return delta;
}

/** Scores tallies for every agency in scope (agencies without a case this month score as "no data"). */
export async function scoreAgencies(ctx: AppContext, db: Executor, tallies: ReadonlyMap<string | null, Tally>, month: string, asOf: Date, config: TkdConfig, scope: ReportScope): Promise<TkdAgencyResult[]> {
  const rt = await getSlaRuntime(ctx, db);
  const ids = new Set(rt.agencies().filter((a) => a.active).map((a) => a.id));
  for (const k of tallies.keys()) if (k) ids.add(k);
  return [...ids]
    .filter((id) => scope.all || scope.agencyIds.includes(id))
    .sort()
    .map((id) => {
      const a = rt.agency(id);
      const tally = tallies.get(id) ?? emptyTally();
      const score = scoreMonth(figuresFromTally(id, month, tally, asOf), config.rule);
      const covered = eselonCovered(a?.headEselon ?? null, config.eselonScope);
      return {
        agencyId: id,
        name: a?.name ?? id,
        headTitle: a?.headTitle ?? null,
        headEselon: a?.headEselon ?? null,
        covered,
        tally,
        score,
        deductionPercent: covered ? score.deductionPercent : null,
      };
    });
}

