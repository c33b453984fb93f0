import { predict, shouldAutoRoute, type Model } from '../../domain/triage/classifier/index.js';
import { assessMessage } from '../../domain/triage/urgency/message-flags.js';
import { activeModelId, areasVersion, listCategoryCodes, recentTextsFromSender } from '../../store/triage.repository.js';
import type { AppContext } from '../context.js';
import { DuplicateTracker } from './duplicate-tracker.js';
import type { CommittedCase, TriageAssessment, TriageEngine, TriageInput } from './engine.js';
import { loadActiveModel } from './model-versions.js';
import { loadPlaceFinder, type PlaceFinder } from './place-finder.js';

/**
 * The product's triage engine: category from the citizen/officer or the active stored model, place from
 * coordinates (imported boundaries) or from the text (gazetteer), urgency and abuse flags, and duplicate
 * candidates among open cases. State (point index, gazetteer, model, duplicate index) is built once per
 * process and rebuilt when a boundary import or a model install — in this process or another — changes it.
 *
 * Auto-linking records `duplicate_of:<id>` instead of merging: the workflow does not let a system actor
 * merge (WORKFLOW.merge has no `system: true`), and the new case only exists after intake's transaction.
 */

/** How often another process's import or install is looked for (one indexed read each). */
const STATE_CHECK_MS = 10_000;
const REPEAT_WINDOW_MS = 24 * 3_600_000;

interface EngineState {
  places: PlaceFinder;
  areasVersion: string | null;
  model: Model | null;
  modelId: number | null;
  modelVersion: string | undefined;
  categories: Set<string>;
}

export class StoredTriageEngine implements TriageEngine {
  private state: Promise<EngineState> | null = null;
  private checkedAt = 0;
  readonly duplicates = new DuplicateTracker();
  private duplicatesLoaded = false;

  constructor(private readonly ctx: () => AppContext) {}

  /** Drops the built state: the next assessment rebuilds it (after an import or an install). */
  invalidate(): void {
    this.state = null;
  }

  /** Loads everything now rather than on the first complaint (the server calls it at start). */
  async warmUp(): Promise<void> {
    await this.current();
  }

  async places(): Promise<PlaceFinder> {
    return (await this.current()).places;
  }

  async assess(input: TriageInput): Promise<TriageAssessment> {
    const ctx = this.ctx();
    const state = await this.current();
    const now = ctx.clock();
    const out: TriageAssessment = { confident: false, suggestions: [], flags: [] };

    if (input.categoryCode) {
      Object.assign(out, { categoryCode: input.categoryCode, categoryConfidence: 1, confident: true });
    } else if (state.model) {
      const p = predict(state.model, input.text);
      out.modelVersion = state.modelVersion;
      out.suggestions = p.top.slice(0, 3).map((t) => ({ code: t.label, confidence: round(t.confidence) }));
      out.categoryConfidence = round(p.confidence);
      // A label the deployment's catalogue lacks cannot route: the officer chooses.
      if (shouldAutoRoute(state.model, p) && state.categories.has(p.label)) Object.assign(out, { categoryCode: p.label, confident: true });
    }

    const loc = input.location ?? {};
    if (loc.areaCode) {
      Object.assign(out, { areaCode: loc.areaCode, areaSource: 'given' });
    } else if (loc.lat !== undefined && loc.lng !== undefined) {
      const hit = state.places.locate(loc.lat, loc.lng);
      if (hit.status === 'inside') Object.assign(out, { areaCode: hit.areaCode, areaSource: 'coordinates' });
      else if (hit.status === 'outside') out.flags.push('outside_jurisdiction');
    }
    if (!out.areaCode) {
      const found = state.places.fromText(`${input.text} ${loc.address ?? ''}`);
      if (found) Object.assign(out, { areaCode: found.code, areaSource: 'text' });
    }

    const recent = input.senderKey ? await recentTextsFromSender(ctx.database.db, input.senderKey, new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString()) : [];
    const message = assessMessage({
      text: input.text,
      message: input.senderKey ? { senderKey: input.senderKey, text: input.text, receivedAt: now } : undefined,
      recentFromSender: recent.map((r) => ({ id: String(r.id), senderKey: input.senderKey!, text: r.description, receivedAt: new Date(r.received_at) })),
    });
    for (const f of message.flags) out.flags.push(f.code);
    if (message.priority === 'emergency') out.priority = 'darurat';
    else if (message.priority === 'high') out.priority = 'tinggi';

    const candidates = await this.duplicates.candidates(ctx.database.db, {
      category: out.categoryCode ?? out.suggestions[0]?.code,
      lat: loc.lat,
      lng: loc.lng,
      areaCode: out.areaCode,
      createdAt: now,
      text: input.text,
    });
    out.duplicateWatermark = this.duplicates.seenUpTo;
    const auto = candidates.find((c) => c.autoLink);
    if (auto) out.flags.push(`duplicate_of:${auto.id}`);
    if (candidates.length) out.flags.push('possible_duplicate', ...candidates.filter((c) => c !== auto).slice(0, 3).map((c) => `duplicate_candidate:${c.id}`));
    return out;
  }

  async lateDuplicate(kase: CommittedCase, watermark: number): Promise<number | null> {
    const query = { category: kase.categoryCode, lat: kase.lat, lng: kase.lng, areaCode: kase.areaCode, createdAt: kase.createdAt, text: kase.text };
    return this.duplicates.lateAutoLink(this.ctx().database.db, query, watermark, kase.id);
  }

  private async current(): Promise<EngineState> {
    const ctx = this.ctx();
    if (this.state && Date.now() - this.checkedAt > STATE_CHECK_MS) {
      this.checkedAt = Date.now();
      const s = await this.state;
      const [av, mid] = await Promise.all([areasVersion(ctx.database.db), activeModelId(ctx.database.db)]);
      if (av !== s.areasVersion || mid !== s.modelId) this.state = null;
    }
    if (!this.state) {
      this.checkedAt = Date.now();
      this.state = this.build().catch((err) => {
        this.state = null;
        throw err;
      });
    }
    if (!this.duplicatesLoaded) {
      await this.duplicates.catchUp(ctx.database.db);
      this.duplicatesLoaded = true;
    }
    return this.state;
  }

  private async build(): Promise<EngineState> {
    const { db } = this.ctx().database;
    const [places, version, active, categories] = await Promise.all([loadPlaceFinder(db), areasVersion(db), loadActiveModel(db), listCategoryCodes(db)]);
    return { places, areasVersion: version, model: active?.model ?? null, modelId: active?.id ?? null, modelVersion: active?.version, categories: new Set(categories) };
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
