import { DEFAULT_TKD_RULE, type ScorePart, type TkdRule, validateTkdRule } from '../../domain/scoring/index.js';
import { TARGET_KINDS } from '../../domain/sla/index.js';
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
const RULE_FIELDS = Object.keys(DEFAULT_TKD_RULE) as (keyof TkdRule)[];
/** Indonesian echelon groups, from the highest (eselon I) down. */
const ESELON_GROUPS = ['I', 'II', 'III', 'IV', 'V'];

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function unknownKeys(obj: Json, known: readonly string[], at: string, problems: ErrorDetail[]): void {
  // A misspelt key would otherwise be ignored silently and the admin would believe it took effect.
  for (const k of Object.keys(obj)) if (!known.includes(k)) problems.push({ field: `${at}.${k}`, message: `unknown field (known: ${known.join(', ')})` });
}

function numbersIn(obj: unknown, fields: readonly string[], at: string, problems: ErrorDetail[], min?: number): void {
  if (!isObject(obj)) return void problems.push({ field: at, message: `must be an object with ${fields.join(', ')}` });
  unknownKeys(obj, fields, at, problems);
  for (const f of fields) {
    if (!isNumber(obj[f])) problems.push({ field: `${at}.${f}`, message: 'must be a number' });
    else if (min !== undefined && obj[f] < min) problems.push({ field: `${at}.${f}`, message: `must be ≥ ${min}` });
  }
}

/**
 * Shape checks the domain validator takes for granted (it reads `bands.length`, compares numbers): types,
 * known fields and score parts, and the numbers validateTkdRule does not look at. A rule that fails them is
 * not handed to validateTkdRule, whose checks would be meaningless (or throw) on it.
 */
function shapeProblems(rule: Json): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  unknownKeys(rule, RULE_FIELDS, 'rule', problems);
  if (!isNumber(rule.componentWeightPercent)) problems.push({ field: 'rule.componentWeightPercent', message: 'must be a number' });
  const weights = rule.weights;
  if (!isObject(weights)) problems.push({ field: 'rule.weights', message: `must be an object of score part → weight (${SCORE_PARTS.join(', ')})` });
  else {
    for (const [part, w] of Object.entries(weights)) {
      if (!(SCORE_PARTS as readonly string[]).includes(part)) problems.push({ field: `rule.weights.${part}`, message: `not a score part (known: ${SCORE_PARTS.join(', ')})` });
      else if (!isNumber(w)) problems.push({ field: `rule.weights.${part}`, message: 'must be a number' });
    }
    // With no positive weight every unit would score `scoreWhenNoData`, whatever it did.
    if (!SCORE_PARTS.some((part) => isNumber(weights[part]) && weights[part] > 0)) problems.push({ field: 'rule.weights', message: 'at least one weight must be > 0' });
  }
  numbersIn(rule.redFlagPenalty, ['pointsPerFlag', 'maxPoints'], 'rule.redFlagPenalty', problems, 0);
  numbersIn(rule.ratingScale, ['min', 'max'], 'rule.ratingScale', problems);
  if (!isNumber(rule.scoreWhenNoData) || rule.scoreWhenNoData < 0 || rule.scoreWhenNoData > 100) problems.push({ field: 'rule.scoreWhenNoData', message: 'must be a number 0–100' });
  if (!Array.isArray(rule.bands)) problems.push({ field: 'rule.bands', message: 'must be a list of { minScore, lossPercentOfComponent, label }' });
  else {
    rule.bands.forEach((band: unknown, i) => {
      const at = `rule.bands[${i}]`;
      if (!isObject(band)) return void problems.push({ field: at, message: 'must be an object { minScore, lossPercentOfComponent, label }' });
      unknownKeys(band, ['minScore', 'lossPercentOfComponent', 'label'], at, problems);
      if (!isNumber(band.minScore) || band.minScore < 0 || band.minScore > 100) problems.push({ field: `${at}.minScore`, message: 'must be a number 0–100' });
      if (!isNumber(band.lossPercentOfComponent)) problems.push({ field: `${at}.lossPercentOfComponent`, message: 'must be a number' });
      if (typeof band.label !== 'string' || band.label.trim() === '') problems.push({ field: `${at}.label`, message: 'must be a non-empty text' });
    });
  }
  return problems;
}

/** The rule with its fields in the documented order and nothing else (what is stored and shown). */
function normalizedRule(rule: TkdRule): TkdRule {
  return {
    componentWeightPercent: rule.componentWeightPercent,
    weights: Object.fromEntries(SCORE_PARTS.filter((p) => rule.weights[p] !== undefined).map((p) => [p, rule.weights[p]])),
    redFlagPenalty: { pointsPerFlag: rule.redFlagPenalty.pointsPerFlag, maxPoints: rule.redFlagPenalty.maxPoints },
    bands: rule.bands.map((b) => ({ minScore: b.minScore, lossPercentOfComponent: b.lossPercentOfComponent, label: b.label.trim() })),
    ratingScale: { min: rule.ratingScale.min, max: rule.ratingScale.max },
    scoreWhenNoData: rule.scoreWhenNoData,
  };
}

export function parseTkdConfig(json: string): TkdConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new DomainError('validation_failed', `tkd_config bukan JSON: ${(err as Error).message}`, `tkd_config is not JSON: ${(err as Error).message}`);
  }
  const problems: ErrorDetail[] = [];
  if (!isObject(raw)) {
    problems.push({ message: 'the configuration must be an object { "rule": {...}, "eselonScope": [...] }' });
    raw = {};
  }
  const doc = raw as Json;
  unknownKeys(doc, ['rule', 'eselonScope'], 'tkd_config', problems);
  let rule: TkdRule | undefined;
  if (doc.rule !== undefined && !isObject(doc.rule)) problems.push({ field: 'rule', message: 'must be an object' });
  else {
    const merged: Json = { ...DEFAULT_TKD_RULE, ...((doc.rule as Json | undefined) ?? {}) };
    const shape = shapeProblems(merged);
    problems.push(...shape);
    if (shape.length === 0) {
      rule = normalizedRule(merged as unknown as TkdRule);
      problems.push(...validateTkdRule(rule).map((message) => ({ field: 'rule', message })));
    }
  }
  const scope = doc.eselonScope ?? DEFAULT_TKD_CONFIG.eselonScope;
  const eselonScope: string[] = [];
  if (!Array.isArray(scope)) problems.push({ field: 'eselonScope', message: 'must be a list of echelon groups like "II"' });
  else {
    scope.forEach((s: unknown, i) => {
      // Heads are matched on the group before the dot (eselonCovered), so "II.a" or "2" would never match.
      const group = typeof s === 'string' ? s.trim().toUpperCase() : '';
      if (!ESELON_GROUPS.includes(group)) problems.push({ field: `eselonScope[${i}]`, message: `${JSON.stringify(s)} is not an echelon group (I, II, III, IV or V)` });
      else if (!eselonScope.includes(group)) eselonScope.push(group);
    });
    eselonScope.sort((a, b) => ESELON_GROUPS.indexOf(a) - ESELON_GROUPS.indexOf(b));
  }
  if (problems.length || !rule) {
    const list = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
    throw new DomainError('validation_failed', `Aturan TKD tidak valid: ${list}`, `Invalid TKD rule: ${list}`, problems);
  }
  return { rule, eselonScope };
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
