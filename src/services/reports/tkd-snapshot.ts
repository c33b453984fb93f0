import { createHash } from 'node:crypto';
import { localMonthRange } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { applyAppeals } from '../../domain/scoring/index.js';
import { findSnapshot, insertSnapshot, snapshotLines, ticketsOf } from '../../store/report.repository.js';
import { inTransaction, isUniqueViolation, type Executor } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { loadAgencyMonth } from './month-data.js';
import { FULL_SCOPE, type ReportScope, assertMonth, inScope } from './report-access.js';
import { type Line, compareLines, linesOf, talliesOfLines } from './tally.js';
import { type TkdConfig, loadTkdConfig } from './tkd-config.js';
import { type TkdAgencyResult, scoreAgencies } from './tkd-tallies.js';

/**
 * Finalized months. Finalizing stores every (case, agency) line that counts in the month and the resulting
 * scores, sealed with a SHA-256 over both; the figures of a finalized month are those of the snapshot, for
 * good. Whatever happens later to its cases (a late resolution, an accepted appeal, a misroute declared)
 * appears beside them as an **adjustment** (the line before and after) with the adjusted scores — never as a
 * silent edit. Reading a snapshot re-checks its hash, so an edit of the stored snapshot is detected too.
 */
export interface Adjustment {
  readonly caseId: string;
  readonly ticket: string | null;
  readonly agencyId: string | null;
  readonly before: Line | null;
  readonly after: Line | null;
}

export interface FinalizedView {
  readonly snapshotId: number;
  readonly finalizedAt: string;
  readonly finalizedBy: string;
  readonly asOf: string;
  readonly contentHash: string;
  /** The stored summary and lines still hash to the sealed value. */
  readonly intact: boolean;
  readonly config: TkdConfig;
  readonly agencies: readonly TkdAgencyResult[];
  readonly adjustments: readonly Adjustment[];
  /** Scores with every adjustment applied (what the month would score if recomputed now). */
  readonly adjusted: readonly TkdAgencyResult[];
}

interface Summary {
  readonly month: string;
  readonly asOf: string;
  readonly config: TkdConfig;
  readonly agencies: readonly TkdAgencyResult[];
}

function contentHash(summaryJson: string, lineJsons: readonly string[]): string {
  const h = createHash('sha256').update(summaryJson);
  for (const l of lineJsons) h.update('\n').update(l);
  return h.digest('hex');
}

/** Every line of the month as of `asOf`, appeals applied (the pure path over all agencies). */
export async function currentLines(db: Executor, month: string, asOf: Date, utcOffsetMinutes: number): Promise<Line[]> {
  const data = await loadAgencyMonth(db, month, asOf);
  const applied = applyAppeals(data.outcomes, data.misroutes, data.appeals);
  return linesOf(applied.outcomes, applied.misroutes, month, utcOffsetMinutes);
}

export async function finalizeMonth(ctx: AppContext, input: { month: string; by: string }): Promise<{ snapshotId: number; contentHash: string; lines: number; agencies: number }> {
  const month = assertMonth(input.month);
  const db = ctx.database.db;
  const rt = await getSlaRuntime(ctx);
  const now = ctx.clock();
  const range = localMonthRange(month, rt.utcOffsetMinutes)!;
  if (range.to > now.getTime()) {
    throw new DomainError('validation_failed', `Bulan ${month} belum berakhir`, `Month ${month} has not ended yet`, [{ field: 'month', message: 'not over' }]);
  }
  if (await findSnapshot(db, month)) throw new DomainError('conflict', `Bulan ${month} sudah difinalisasi`, `Month ${month} is already finalized`);
  const config = await loadTkdConfig(db);
  const lines = await currentLines(db, month, now, rt.utcOffsetMinutes);
  const agencies = await scoreAgencies(ctx, db, talliesOfLines(lines), month, now, config, FULL_SCOPE);
  const summary: Summary = { month, asOf: now.toISOString(), config, agencies };
  const summaryJson = JSON.stringify(summary);
  const lineJsons = lines.map((l) => JSON.stringify(l));
  const hash = contentHash(summaryJson, lineJsons);
  try {
    const snapshotId = await inTransaction(ctx.database, (trx) =>
      insertSnapshot(
        trx,
        { month, rule: JSON.stringify(config), summary: summaryJson, content_hash: hash, as_of: now.toISOString(), finalized_at: now.toISOString(), finalized_by: input.by },
        lines.map((l, i) => ({ case_id: Number(l.caseId), agency_id: l.agencyId ?? '', line: lineJsons[i] })),
      ),
    );
    return { snapshotId, contentHash: hash, lines: lines.length, agencies: agencies.length };
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', `Bulan ${month} sudah difinalisasi`, `Month ${month} is already finalized`);
    throw err;
  }
}

/** The finalized view of a month (null when the month is not finalized), limited to the scope. */
export async function finalizedView(ctx: AppContext, scope: ReportScope, month: string, asOf: Date): Promise<FinalizedView | null> {
  const db = ctx.database.db;
  const snap = await findSnapshot(db, month);
  if (!snap) return null;
  const rt = await getSlaRuntime(ctx);
  const stored = (await snapshotLines(db, snap.id))
    .map((r) => ({ caseId: String(r.case_id), agencyId: r.agency_id === '' ? null : r.agency_id, json: r.line }))
    .sort(compareLines);
  const intact = contentHash(snap.summary, stored.map((s) => s.json)) === snap.content_hash;
  const summary = JSON.parse(snap.summary) as Summary;
  const current = await currentLines(db, month, asOf, rt.utcOffsetMinutes);
  const key = (l: { caseId: string; agencyId: string | null }) => `${l.caseId}\u0000${l.agencyId ?? ''}`;
  const before = new Map(stored.map((s) => [key(s), s]));
  const after = new Map(current.map((l) => [key(l), l]));
  const changed: { caseId: string; agencyId: string | null; before: Line | null; after: Line | null }[] = [];
  for (const [k, s] of before) {
    const now = after.get(k);
    if (!now || JSON.stringify(now) !== s.json) changed.push({ caseId: s.caseId, agencyId: s.agencyId, before: JSON.parse(s.json) as Line, after: now ?? null });
  }
  for (const [k, l] of after) if (!before.has(k)) changed.push({ caseId: l.caseId, agencyId: l.agencyId, before: null, after: l });
  const visible = changed.filter((c) => inScope(scope, c.agencyId)).sort(compareLines);
  const tickets = await ticketsOf(db, [...new Set(visible.map((c) => Number(c.caseId)))]);
  return {
    snapshotId: snap.id,
    finalizedAt: snap.finalized_at,
    finalizedBy: snap.finalized_by,
    asOf: snap.as_of,
    contentHash: snap.content_hash,
    intact,
    config: summary.config,
    agencies: summary.agencies.filter((a) => inScope(scope, a.agencyId)),
    adjustments: visible.map((c) => ({ ...c, ticket: tickets.get(Number(c.caseId)) ?? null })),
    adjusted: await scoreAgencies(ctx, db, talliesOfLines(current), month, asOf, summary.config, scope),
  };
}
