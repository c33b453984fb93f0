import type { Appeal, CaseOutcome, MisrouteOutcome } from '../../domain/scoring/index.js';
import {
  acceptedAppealsOfCases,
  appealedCaseIdsOfMonth,
  misroutesOfCases,
  misroutesOfMonth,
  type OutcomeReadRow,
  outcomesHeldAt,
  outcomesOfCases,
  outcomesOfMonth,
} from '../../store/report.repository.js';
import type { Executor } from '../../store/transaction.js';
import { toCaseOutcome, toMisroute } from '../sla/outcome-rows.js';

/**
 * Loads what the pure scoring functions need for a month, per agency: the month's cohort and red-flag rows
 * (and the backlog's when asked), misroutes noticed in the month, and — for every case with an accepted appeal
 * that counts in the month — all of its agency rows and misroutes, so that `applyAppeals` can see who else
 * already answers for it. Rows come back as domain outcomes as of `asOf`.
 */
export interface MonthData {
  readonly outcomes: CaseOutcome[];
  readonly misroutes: MisrouteOutcome[];
  readonly appeals: Appeal[];
}

export function toAppeal(a: { id: number; case_id: number; agency_id: string; status: string; remedy: string; to_agency_id: string | null }): Appeal {
  return {
    id: String(a.id),
    caseId: String(a.case_id),
    agencyId: a.agency_id,
    decision: a.status as Appeal['decision'],
    remedy: a.remedy === 'reattribute' && a.to_agency_id ? { kind: 'reattribute', toAgencyId: a.to_agency_id } : { kind: 'exclude' },
  };
}

export async function loadAgencyMonth(
  db: Executor,
  month: string,
  asOf: Date,
  opts: { agencyIds?: readonly string[]; backlogAt?: Date } = {},
): Promise<MonthData> {
  const rows = new Map<number, OutcomeReadRow>();
  const add = (list: OutcomeReadRow[]) => list.forEach((r) => rows.set(r.id, r));
  add(await outcomesOfMonth(db, 'agency', month, opts.agencyIds));
  if (opts.backlogAt) add(await outcomesHeldAt(db, 'agency', opts.backlogAt.toISOString(), opts.agencyIds));
  const appealed = await appealedCaseIdsOfMonth(db, month);
  add(await outcomesOfCases(db, appealed));
  const misroutes = new Map<string, MisrouteOutcome>();
  const addMisroutes = (list: Parameters<typeof toMisroute>[0][]) =>
    list.forEach((m) => misroutes.set(`${m.case_id}|${m.from_at}|${m.held_by}`, toMisroute(m)));
  const ofMonth = await misroutesOfMonth(db, month);
  addMisroutes(opts.agencyIds ? ofMonth.filter((m) => opts.agencyIds!.includes(m.charged_to)) : ofMonth);
  addMisroutes(await misroutesOfCases(db, appealed));
  return {
    outcomes: [...rows.values()].map((r) => toCaseOutcome(r, asOf)),
    misroutes: [...misroutes.values()],
    appeals: (await acceptedAppealsOfCases(db, appealed)).map(toAppeal),
  };
}

/** Case-scope rows (the case as the citizen saw it) of the month and, when asked, of the backlog. */
export async function loadCaseMonth(db: Executor, month: string, asOf: Date, backlogAt?: Date): Promise<CaseOutcome[]> {
  const rows = new Map<number, OutcomeReadRow>();
  for (const r of await outcomesOfMonth(db, 'case', month)) rows.set(r.id, r);
  if (backlogAt) for (const r of await outcomesHeldAt(db, 'case', backlogAt.toISOString())) rows.set(r.id, r);
  return [...rows.values()].map((r) => toCaseOutcome(r, asOf));
}
