/**
 * Where and when two open cases may be the same incident, and how similar their texts must be. Radii and
 * windows differ by category: a pothole is one spot, a water outage or a flood covers a neighbourhood.
 * Category codes are the deployment's own; the defaults below only set the fallback and a few area-wide
 * examples.
 */

export interface CategoryDuplicateRule {
  /** Largest distance between two reports of one incident, in metres (≥ 20). */
  radiusMetres?: number;
  /** Largest gap between their creation times, in days. */
  windowDays?: number;
}

export interface DuplicateConfig {
  defaultRadiusMetres: number;
  defaultWindowDays: number;
  categories: Record<string, CategoryDuplicateRule>;
  /** Similarity (0–1) from which a candidate is suggested to the officer. */
  suggestThreshold: number;
  /** Similarity from which the case is linked automatically. */
  autoLinkThreshold: number;
  /** Most candidates returned per search. */
  maxCandidates: number;
  /**
   * How much distance lowers the score: score = text similarity × (1 − distanceWeight × distance / radius).
   * Reports of one incident cluster within GPS error (tens of metres); neighbouring incidents of the same
   * kind are further apart, and their texts differ mostly in a street or landmark name.
   */
  distanceWeight: number;
}

/**
 * Thresholds chosen on the generated evaluation set (`generateComplaints` seed 1, 1,500 neighbourhoods:
 * ~8,200 reports, paraphrased duplicates and near-miss distinct incidents, Sastrawi-stemmed tokens; figures
 * printed by bench/triage-geo.ts): `suggest` is the highest threshold keeping pair recall ≥ 0.9 (precision
 * ≈ 0.72), `autoLink` the lowest keeping auto-link precision ≥ 0.99 (it then links ≈ 10% of duplicate
 * reports; the others are suggested to the officer). Deployments should re-check them on their own history.
 */
export const DEFAULT_DUPLICATE_CONFIG: Readonly<DuplicateConfig> = Object.freeze({
  defaultRadiusMetres: 200,
  defaultWindowDays: 14,
  categories: {
    banjir: { radiusMetres: 1000, windowDays: 3 },
    'air-bersih': { radiusMetres: 1000, windowDays: 7 },
    'listrik-padam': { radiusMetres: 1000, windowDays: 3 },
    'bau-asap': { radiusMetres: 1000, windowDays: 7 },
  },
  suggestThreshold: 0.25,
  autoLinkThreshold: 0.8,
  maxCandidates: 10,
  distanceWeight: 0.5,
});

export interface ResolvedRule {
  radiusMetres: number;
  windowMs: number;
}

export const DAY_MS = 86_400_000;
export const MIN_RADIUS_METRES = 20;

export function ruleFor(config: DuplicateConfig, category: string): ResolvedRule {
  const rule = config.categories[category] ?? {};
  const radiusMetres = Math.max(MIN_RADIUS_METRES, rule.radiusMetres ?? config.defaultRadiusMetres);
  return { radiusMetres, windowMs: (rule.windowDays ?? config.defaultWindowDays) * DAY_MS };
}
