import { type MonthlyFigures, type TkdScore, applyAppeals, computeMonthlyFigures, scoreMonth } from '../../domain/scoring/index.js';
import type { TargetKind } from '../../domain/sla/index.js';
import { ticketsOf } from '../../store/report.repository.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { loadAgencyMonth } from './month-data.js';
import { type ReportScope, assertAgencyInScope, assertMonth } from './report-access.js';
import { type Line, emptyTally, figuresFromTally, linesOf } from './tally.js';
import { loadTkdConfig } from './tkd-config.js';

/**
 * Every case behind one agency's month, for the head who checks and contests them: the pure monthly figures
 * (each with the ids of its cases, so a count always equals its list), the score they give, and one entry
 * per case with what it counted for. The per-case timeline and attribution: case-sla-detail.ts.
 */
export interface DrilldownCase extends Line {
  readonly ticket: string | null;
  readonly dueAt: Readonly<Partial<Record<TargetKind, string | null>>>;
  readonly redFlagAt: string | null;
  readonly appealed: string | null;
}

export interface Drilldown {
  readonly month: string;
  readonly agencyId: string;
  readonly asOf: string;
  readonly figures: MonthlyFigures;
  readonly score: TkdScore;
  readonly cases: readonly DrilldownCase[];
}

export async function tkdDrilldown(ctx: AppContext, scope: ReportScope, input: { month: string; agencyId: string; asOf?: Date }): Promise<Drilldown> {
  const month = assertMonth(input.month);
  assertAgencyInScope(scope, input.agencyId);
  const db = ctx.database.db;
  const asOf = input.asOf ?? ctx.clock();
  const rt = await getSlaRuntime(ctx);
  const config = await loadTkdConfig(db);
  const data = await loadAgencyMonth(db, month, asOf, { agencyIds: [input.agencyId] });
  const all = computeMonthlyFigures(data.outcomes, { month, utcOffsetMinutes: rt.utcOffsetMinutes, asOf, misroutes: data.misroutes, appeals: data.appeals });
  const figures = all.find((f) => f.key === input.agencyId) ?? figuresFromTally(input.agencyId, month, emptyTally(), asOf);
  const applied = applyAppeals(data.outcomes, data.misroutes, data.appeals);
  const lines = linesOf(applied.outcomes, applied.misroutes, month, rt.utcOffsetMinutes).filter((l) => l.agencyId === input.agencyId);
  const byCase = new Map(applied.outcomes.filter((o) => o.agencyId === input.agencyId).map((o) => [o.caseId, o]));
  const appealOf = new Map(applied.applied.filter((a) => a.agencyId === input.agencyId || a.toAgencyId === input.agencyId).map((a) => [a.caseId, a.effect]));
  const tickets = await ticketsOf(db, lines.map((l) => Number(l.caseId)));
  return {
    month,
    agencyId: input.agencyId,
    asOf: asOf.toISOString(),
    figures,
    score: scoreMonth(figures, config.rule),
    cases: lines.map((l) => {
      const o = byCase.get(l.caseId);
      return {
        ...l,
        ticket: tickets.get(Number(l.caseId)) ?? null,
        dueAt: Object.fromEntries(Object.entries(o?.targets ?? {}).map(([k, t]) => [k, t.dueAt?.toISOString() ?? null])),
        redFlagAt: o?.redFlagAt?.toISOString() ?? null,
        appealed: appealOf.get(l.caseId) ?? null,
      };
    }),
  };
}
