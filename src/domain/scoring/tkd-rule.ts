import type { TargetKind } from '../sla/index.js';
import type { MonthlyFigures } from './monthly-figures.js';

/**
 * The TKD (Tunjangan Kinerja Daerah) complaint component: turns an agency's month into a score from 0 to 100
 * and the share of its head's TKD that is deducted. Every number here is configuration.
 *
 * Shipped default: Jakarta reported (2018) the TKD of echelon I–II heads as KPI 60 %, follow-up of the
 * governor's meetings 10 %, **complaint follow-up 10 %**, budget absorption 20 %, and that heads of slow units
 * lose 10 % — so the complaint component is worth 10 % of TKD and the worst band loses all of it. The
 * weights, bands and red-flag penalty below are the product's defaults, not published figures; a city sets
 * its own.
 *
 * score = 100 × (weighted mean of the on-time shares and the normalised rating, over the parts that have
 * data) − red-flag penalty, clamped to 0–100 and rounded to 2 decimals; the band is read on the rounded
 * score (what the head sees is what counts). A month without any data scores `scoreWhenNoData`.
 */
export type ScorePart = TargetKind | 'rating';

export interface TkdRule {
  /** Share of the head's TKD that the complaint component is worth, in percent. */
  readonly componentWeightPercent: number;
  /** Relative weights; parts without data (no decided targets, no ratings) are left out and the rest rescaled. */
  readonly weights: Readonly<Partial<Record<ScorePart, number>>>;
  /** Score points lost per red flag raised in the month, up to a cap. */
  readonly redFlagPenalty: { readonly pointsPerFlag: number; readonly maxPoints: number };
  /** Bands from the highest minScore down; the first band whose minScore ≤ score applies. */
  readonly bands: readonly { readonly minScore: number; readonly lossPercentOfComponent: number; readonly label: string }[];
  readonly ratingScale: { readonly min: number; readonly max: number };
  readonly scoreWhenNoData: number;
}

export const DEFAULT_TKD_RULE: TkdRule = Object.freeze({
  componentWeightPercent: 10,
  weights: Object.freeze({ verification: 10, first_response: 10, follow_up: 40, resolution: 30, rating: 10 }),
  redFlagPenalty: Object.freeze({ pointsPerFlag: 5, maxPoints: 50 }),
  bands: Object.freeze([
    { minScore: 90, lossPercentOfComponent: 0, label: 'baik' },
    { minScore: 75, lossPercentOfComponent: 25, label: 'cukup' },
    { minScore: 60, lossPercentOfComponent: 50, label: 'kurang' },
    { minScore: 0, lossPercentOfComponent: 100, label: 'buruk' },
  ]),
  ratingScale: Object.freeze({ min: 1, max: 5 }),
  scoreWhenNoData: 100,
});

export interface TkdScorePart {
  readonly part: ScorePart;
  readonly weight: number;
  /** 0–1, or null when the part had no data this month (then it does not weigh). */
  readonly value: number | null;
  /** Points contributed to the 100-point score after rescaling the weights. */
  readonly points: number;
  readonly caseIds: readonly string[];
}

export interface TkdScore {
  readonly key: string | null;
  readonly month: string;
  readonly score: number;
  readonly band: string;
  readonly lossPercentOfComponent: number;
  /** Percent of the head's TKD deducted: componentWeightPercent × loss. */
  readonly deductionPercent: number;
  readonly parts: readonly TkdScorePart[];
  readonly redFlagPoints: number;
  readonly redFlagCaseIds: readonly string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function validateTkdRule(rule: TkdRule): string[] {
  const problems: string[] = [];
  if (!(rule.componentWeightPercent >= 0 && rule.componentWeightPercent <= 100)) problems.push('componentWeightPercent must be 0–100');
  if (Object.values(rule.weights).some((w) => !(w! >= 0))) problems.push('weights must be ≥ 0');
  if (rule.bands.length === 0 || rule.bands[rule.bands.length - 1].minScore > 0) problems.push('the last band must start at 0');
  if (rule.bands.some((b, i) => i > 0 && b.minScore >= rule.bands[i - 1].minScore)) problems.push('bands must be listed from the highest minScore down');
  if (rule.bands.some((b) => !(b.lossPercentOfComponent >= 0 && b.lossPercentOfComponent <= 100))) problems.push('band loss must be 0–100');
  if (!(rule.ratingScale.max > rule.ratingScale.min)) problems.push('rating scale max must exceed min');
  return problems;
}

export function scoreMonth(figures: MonthlyFigures, rule: TkdRule = DEFAULT_TKD_RULE): TkdScore {
  const problems = validateTkdRule(rule);
  if (problems.length > 0) throw new RangeError(`invalid TKD rule: ${problems.join('; ')}`);
  const { min, max } = rule.ratingScale;
  const raw = (Object.entries(rule.weights) as [ScorePart, number][]).map(([part, weight]) => {
    if (part === 'rating') {
      const avg = figures.rating.average;
      return { part, weight, value: avg === null ? null : Math.min(1, Math.max(0, (avg - min) / (max - min))), caseIds: figures.rating.caseIds };
    }
    const share = figures.onTime[part];
    return { part, weight, value: share.share, caseIds: share.counted };
  });
  const weighing = raw.filter((p) => p.value !== null && p.weight > 0);
  const totalWeight = weighing.reduce((sum, p) => sum + p.weight, 0);
  const parts = raw.map((p) => ({
    ...p,
    points: p.value === null || totalWeight === 0 ? 0 : (100 * p.weight * p.value) / totalWeight,
  }));
  const base = totalWeight === 0 ? rule.scoreWhenNoData : parts.reduce((sum, p) => sum + p.points, 0);
  const redFlagPoints = Math.min(rule.redFlagPenalty.maxPoints, figures.redFlags.value * rule.redFlagPenalty.pointsPerFlag);
  const score = round2(Math.min(100, Math.max(0, base - redFlagPoints)));
  const band = rule.bands.find((b) => score >= b.minScore) ?? rule.bands[rule.bands.length - 1];
  return {
    key: figures.key,
    month: figures.month,
    score,
    band: band.label,
    lossPercentOfComponent: band.lossPercentOfComponent,
    deductionPercent: round2((rule.componentWeightPercent * band.lossPercentOfComponent) / 100),
    parts,
    redFlagPoints,
    redFlagCaseIds: figures.redFlags.caseIds,
  };
}
