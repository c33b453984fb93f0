import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { type ReportScope, assertMonth } from './report-access.js';
import { type TkdConfig, loadTkdConfig } from './tkd-config.js';
import { type FinalizedView, finalizedView } from './tkd-snapshot.js';
import { type TkdAgencyResult, liveTallies, scoreAgencies } from './tkd-tallies.js';

export type { TkdAgencyResult } from './tkd-tallies.js';

/**
 * The monthly TKD report for every agency (or the agency head's own): the complaint-handling score and the
 * deduction of each head (fast path: tkd-tallies.ts). A finalized month shows its sealed snapshot, and every
 * later change as an adjustment (tkd-snapshot.ts).
 */
export interface TkdReport {
  readonly month: string;
  readonly asOf: string;
  readonly status: 'live' | 'finalized';
  readonly config: TkdConfig;
  readonly agencies: readonly TkdAgencyResult[];
  readonly finalized?: FinalizedView;
}

export async function tkdReport(ctx: AppContext, scope: ReportScope, input: { month: string; asOf?: Date }): Promise<TkdReport> {
  const month = assertMonth(input.month);
  const db = ctx.database.db;
  const asOf = input.asOf ?? ctx.clock();
  const rt = await getSlaRuntime(ctx);
  const config = await loadTkdConfig(db);
  const finalized = await finalizedView(ctx, scope, month, asOf);
  if (finalized) {
    return { month, asOf: asOf.toISOString(), status: 'finalized', config: finalized.config, agencies: finalized.agencies, finalized };
  }
  const tallies = await liveTallies(db, month, asOf, rt.utcOffsetMinutes);
  const agencies = await scoreAgencies(ctx, db, tallies, month, asOf, config, scope);
  return { month, asOf: asOf.toISOString(), status: 'live', config, agencies };
}
