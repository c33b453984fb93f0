import { DEFAULT_TKD_RULE, type ScorePart, type TkdRule, validateTkdRule } from '../../domain/scoring/index.js';
import { TARGET_KINDS } from '../../domain/sla/index.js';
import { z } from 'zod';
import { DomainError, type ErrorDetail } from '../../domain/errors.js';
import { getSetting } from '../../store/settings.repository.js';
import type { Executor } from '../../store/transaction.js';

/**
 * The TKD configuration: the scoring rule (src/domain/scoring/tkd-rule.ts) and which heads it applies to.
 *
 * Documented default: the complaint component is **10 % of the TKD of echelon I–II heads** (Jakarta, 2018:
 * KPI 60 %, governor's meetings 10 %, complaint follow-up 10 %, budget absorption 20 %). Heads of other
 * echelons (camat III.a, lurah III.b, kepala suku dinas III.a) get their unit's score for information, and no
 * deduction, unless the city adds their echelon to `eselonScope`. Stored in the settings table under
 * `tkd_config` as JSON `{ "rule": {...}, "eselonScope": ["I", "II"] }`; every problem is listed at once.
 * `rule` is merged over the default rule one top-level field at a time: a field given replaces the default
 * field whole (so `weights` lists every part that counts, and `redFlagPenalty` gives both of its numbers).
 * An admin changes it with `saveTkdConfig` (tkd-config-update.ts).
 */
export interface TkdConfig {
  readonly rule: TkdRule;
  /** Echelon groups (the part of `II.a` before the dot) whose heads the deduction applies to. */
  readonly eselonScope: readonly string[];
}

export const DEFAULT_TKD_CONFIG: TkdConfig = Object.freeze({ rule: DEFAULT_TKD_RULE, eselonScope: Object.freeze(['I', 'II']) });
export const TKD_CONFIG_KEY = 'tkd_config';

const SCORE_PARTS: readonly ScorePart[] = [...TARGET_KINDS, 'rating'];
/** Indonesian echelon groups, from the highest (eselon I) down. */
const ESELON_GROUPS = ['I', 'II', 'III', 'IV', 'V'];

/**
 * The shape validateTkdRule takes for granted (it reads `bands.length`, compares numbers), with the numbers it
 * does not look at. Objects are strict: a misspelt key would otherwise be ignored and the admin would believe it
 * took effect.
 */
const percent = z.number().min(0).max(100);
const ruleSchema = z.strictObject({
  componentWeightPercent: z.number(),
  weights: z
    .strictObject(Object.fromEntries(SCORE_PARTS.map((part) => [part, z.number().optional()])) as Record<ScorePart, z.ZodOptional<z.ZodNumber>>)
    // With no positive weight every unit would score `scoreWhenNoData`, whatever it did.
    .refine((w) => Object.values(w).some((v) => v !== undefined && v > 0), 'at least one weight must be > 0'),
  redFlagPenalty: z.strictObject({ pointsPerFlag: z.number().min(0), maxPoints: z.number().min(0) }),
  bands: z.array(z.strictObject({ minScore: percent, lossPercentOfComponent: z.number(), label: z.string().trim().min(1) })),
  ratingScale: z.strictObject({ min: z.number(), max: z.number() }),
  scoreWhenNoData: percent,
});
/** Heads are matched on the group before the dot (eselonCovered), so "II.a" or "2" would never match. */
const eselonGroup = z
  .string()
  .trim()
  .toUpperCase()
  .refine((g) => ESELON_GROUPS.includes(g), 'not an echelon group (I, II, III, IV or V)');
/** `rule` is merged over the default one top-level field at a time, so each field given must be whole. */
const configSchema = z.strictObject({ rule: ruleSchema.partial().optional(), eselonScope: z.array(eselonGroup).optional() });

/** The rule with its fields in the documented order and nothing else (what is stored and shown). */
function normalizedRule(rule: TkdRule): TkdRule {
  return {
    componentWeightPercent: rule.componentWeightPercent,
    weights: Object.fromEntries(SCORE_PARTS.filter((p) => rule.weights[p] !== undefined).map((p) => [p, rule.weights[p]])),
    redFlagPenalty: { pointsPerFlag: rule.redFlagPenalty.pointsPerFlag, maxPoints: rule.redFlagPenalty.maxPoints },
    bands: rule.bands.map((b) => ({ minScore: b.minScore, lossPercentOfComponent: b.lossPercentOfComponent, label: b.label })),
    ratingScale: { min: rule.ratingScale.min, max: rule.ratingScale.max },
    scoreWhenNoData: rule.scoreWhenNoData,
  };
}

function invalid(problems: ErrorDetail[]): DomainError {
  const list = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
  return new DomainError('validation_failed', `Aturan TKD tidak valid: ${list}`, `Invalid TKD rule: ${list}`, problems);
}

export function parseTkdConfig(json: string): TkdConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new DomainError('validation_failed', `tkd_config bukan JSON: ${(err as Error).message}`, `tkd_config is not JSON: ${(err as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const rule = normalizedRule({ ...DEFAULT_TKD_RULE, ...parsed.data.rule } as TkdRule);
  // Only a well-shaped rule reaches the domain checks, which would be meaningless (or throw) on anything else.
  const problems = validateTkdRule(rule).map((message) => ({ field: 'rule', message }));
  if (problems.length) throw invalid(problems);
  const scope = new Set(parsed.data.eselonScope ?? DEFAULT_TKD_CONFIG.eselonScope);
  return { rule, eselonScope: ESELON_GROUPS.filter((g) => scope.has(g)) };
}

export async function loadTkdConfig(db: Executor): Promise<TkdConfig> {
  const stored = await getSetting(db, TKD_CONFIG_KEY);
  return stored ? parseTkdConfig(stored) : DEFAULT_TKD_CONFIG;
}

/**
 * The effective configuration as plain JSON, in the shape parseTkdConfig accepts: what `GET` and the CLI show
 * can be edited and sent back as is.
 */
export function tkdConfigJson(config: TkdConfig): { rule: TkdRule; eselonScope: string[] } {
  return { rule: normalizedRule(config.rule), eselonScope: [...config.eselonScope] };
}

/** Whether a head of this echelon (`II.a`) is under the deduction rule. */
export function eselonCovered(eselon: string | null, scope: readonly string[]): boolean {
  if (!eselon) return false;
  return scope.includes(eselon.split('.')[0].trim().toUpperCase());
}
