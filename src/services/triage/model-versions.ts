import { deserializeModel, evaluate, parseCsvObjects, serializeModel, train, type Evaluation, type Example, type Model, type TrainOptions } from '../../domain/triage/classifier/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Executor } from '../../store/transaction.js';
import { activateModelVersion, findActiveModel, insertModelVersion, labelledCases, modelVersionExists, type TriageModelSummary } from '../../store/triage.repository.js';
import type { AppContext } from '../context.js';

/**
 * Model versions: train from a CSV or from the database's labelled history, evaluate, install, and the
 * retrain-and-promote step the scheduled job runs. Every version is kept; one is active.
 */

export interface ModelFigures {
  accuracy: number;
  macro_f1: number;
  per_class: Evaluation['per_class'];
  auto_route: { threshold: number | null; coverage: number; precision: number | null };
  examples: number;
}

export function figuresOf(e: Evaluation): ModelFigures {
  return {
    accuracy: e.accuracy,
    macro_f1: e.macro_f1,
    per_class: e.per_class,
    auto_route: { threshold: e.auto_route.threshold, coverage: e.auto_route.coverage, precision: e.auto_route.precision },
    examples: e.examples,
  };
}

/** Labelled examples from CSV text; every problem (missing column, empty label) is reported at once. */
export function examplesFromCsv(csv: string, textColumn: string, labelColumn: string): Example[] {
  const rows = parseCsvObjects(csv);
  if (rows.length === 0) throw new DomainError('validation_failed', 'CSV kosong', 'the CSV has no records');
  const missing = [textColumn, labelColumn].filter((c) => !(c in rows[0]));
  if (missing.length) {
    throw new DomainError('validation_failed', `Kolom tidak ada: ${missing.join(', ')}`, `missing column(s): ${missing.join(', ')} (have: ${Object.keys(rows[0]).join(', ')})`);
  }
  return rows.filter((r) => r[textColumn]?.trim() && r[labelColumn]?.trim()).map((r) => ({ text: r[textColumn], label: r[labelColumn].trim() }));
}

export async function examplesFromDatabase(db: Executor): Promise<Example[]> {
  return (await labelledCases(db)).map((r) => ({ text: r.text, label: r.label }));
}

export function trainModel(examples: readonly Example[], now: Date, options: TrainOptions = {}): Model {
  if (new Set(examples.map((e) => e.label)).size < 2) throw new DomainError('validation_failed', 'Perlu minimal 2 kategori', 'training needs at least 2 labels');
  return train(examples, { trainedAt: now.toISOString(), ...options });
}

export async function loadActiveModel(db: Executor): Promise<{ id: number; version: string; model: Model } | null> {
  const row = await findActiveModel(db);
  return row ? { id: row.id, version: row.version, model: deserializeModel(row.model) } : null;
}

/** Stores a model version; `activate` makes the engine use it. */
export async function storeModelVersion(
  ctx: AppContext,
  model: Model,
  opts: { source: string; figures: ModelFigures | null; activate: boolean; version?: string },
): Promise<TriageModelSummary> {
  const now = ctx.clock();
  const { db } = ctx.database;
  let version = opts.version ?? model.metadata.version ?? `v${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  for (let n = 2; await modelVersionExists(db, version); n++) version = `${version.replace(/-\d+$/, '')}-${n}`;
  const metrics = opts.figures ?? { heldOut: model.metadata.heldOut ?? null };
  const summary = await db.transaction().execute(async (trx) => {
    const row = await insertModelVersion(trx, { version, source: opts.source, examples: model.metadata.examples, metrics: JSON.stringify(metrics), model: serializeModel(model), active: 0, created_at: now.toISOString(), activated_at: null });
    if (opts.activate) await activateModelVersion(trx, row.id, now.toISOString());
    return { ...row, active: opts.activate ? 1 : 0 };
  });
  invalidateEngine(ctx);
  return summary;
}

/** Installs a model file (serializeModel JSON) as the active version. */
export async function installModel(ctx: AppContext, modelText: string, source: string): Promise<TriageModelSummary> {
  const model = deserializeModel(modelText);
  return storeModelVersion(ctx, model, { source, figures: null, activate: true });
}

export interface RetrainOutcome {
  status: 'promoted' | 'kept' | 'skipped';
  reason: string;
  candidate?: ModelFigures;
  current?: ModelFigures;
  version?: string;
}

/**
 * Trains a candidate on the older part of the labelled history and scores it and the active model on the
 * newest slice (held out from the candidate); the candidate becomes active only if it scores at least as
 * well on accuracy and macro-F1. It is stored either way, so its figures stay on record.
 */
export async function retrainAndPromote(ctx: AppContext, opts: { minExamples?: number; heldOutShare?: number; trainOptions?: TrainOptions } = {}): Promise<RetrainOutcome> {
  const rows = await labelledCases(ctx.database.db);
  const minExamples = opts.minExamples ?? 50;
  if (rows.length < minExamples) return { status: 'skipped', reason: `${rows.length} labelled cases, need ${minExamples}` };
  const cut = Math.floor(rows.length * (1 - (opts.heldOutShare ?? 0.2)));
  const trainSet = rows.slice(0, cut).map((r) => ({ text: r.text, label: r.label }));
  const heldOut = rows.slice(cut).map((r) => ({ text: r.text, label: r.label }));
  if (new Set(trainSet.map((e) => e.label)).size < 2 || heldOut.length === 0) return { status: 'skipped', reason: 'too few labels to train and hold out' };
  const candidate = trainModel(trainSet, ctx.clock(), { ...opts.trainOptions, version: undefined });
  const candidateFigures = figuresOf(evaluate(candidate, heldOut));
  const active = await loadActiveModel(ctx.database.db);
  const currentFigures = active ? figuresOf(evaluate(active.model, heldOut)) : undefined;
  const better = !currentFigures || (candidateFigures.accuracy >= currentFigures.accuracy && candidateFigures.macro_f1 >= currentFigures.macro_f1);
  const stored = await storeModelVersion(ctx, candidate, { source: 'retrain', figures: candidateFigures, activate: better });
  return {
    status: better ? 'promoted' : 'kept',
    reason: better ? (currentFigures ? 'scored at least as well on the held-out slice' : 'no model was active') : `active ${active!.version} scored better on the held-out slice`,
    candidate: candidateFigures,
    current: currentFigures,
    version: stored.version,
  };
}

export function invalidateEngine(ctx: AppContext): void {
  ctx.triage.invalidate?.();
}
