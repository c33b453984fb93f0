import { DEFAULT_TKD_RULE, type TkdRule, validateTkdRule } from '../../domain/scoring/index.js';
import { DomainError } from '../../domain/errors.js';
import { getSetting } from '../../store/sla.repository.js';
import type { Executor } from '../../store/transaction.js';

/**
 * The TKD configuration: the scoring rule (src/domain/scoring/tkd-rule.ts) and which heads it applies to.
 *
 * Documented default: the complaint component is **10 % of the TKD of echelon I–II heads** (Jakarta, 2018:
 * KPI 60 %, governor's meetings 10 %, complaint follow-up 10 %, budget absorption 20 %). Heads of other
 * echelons (camat III.a, lurah III.b, kepala suku dinas III.a) get their unit's score for information, and no
 * deduction, unless the city adds their echelon to `eselonScope`. Stored in the settings table under
 * `tkd_config` as JSON `{ "rule": {...}, "eselonScope": ["I", "II"] }`; every problem is listed at once.
 */
export interface TkdConfig {
  readonly rule: TkdRule;
  /** Echelon groups (the part of `II.a` before the dot) whose heads the deduction applies to. */
  readonly eselonScope: readonly string[];
}

export const DEFAULT_TKD_CONFIG: TkdConfig = Object.freeze({ rule: DEFAULT_TKD_RULE, eselonScope: Object.freeze(['I', 'II']) });
export const TKD_CONFIG_KEY = 'tkd_config';

export function parseTkdConfig(json: string): TkdConfig {
  let raw: Partial<TkdConfig>;
  try {
    raw = JSON.parse(json) as Partial<TkdConfig>;
  } catch (err) {
    throw new DomainError('validation_failed', `tkd_config bukan JSON: ${(err as Error).message}`, `tkd_config is not JSON: ${(err as Error).message}`);
  }
  const rule: TkdRule = { ...DEFAULT_TKD_RULE, ...(raw.rule ?? {}) };
  const problems = validateTkdRule(rule);
  const scope = raw.eselonScope ?? DEFAULT_TKD_CONFIG.eselonScope;
  if (!Array.isArray(scope) || scope.some((s) => typeof s !== 'string')) problems.push('eselonScope must be a list of echelon groups like "II"');
  if (problems.length) throw new DomainError('validation_failed', `Aturan TKD tidak valid: ${problems.join('; ')}`, `Invalid TKD rule: ${problems.join('; ')}`);
  return { rule, eselonScope: scope };
}

export async function loadTkdConfig(db: Executor): Promise<TkdConfig> {
  const stored = await getSetting(db, TKD_CONFIG_KEY);
  return stored ? parseTkdConfig(stored) : DEFAULT_TKD_CONFIG;
}

/** Whether a head of this echelon (`II.a`) is under the deduction rule. */
export function eselonCovered(eselon: string | null, scope: readonly string[]): boolean {
  if (!eselon) return false;
  return scope.includes(eselon.split('.')[0].trim().toUpperCase());
}
