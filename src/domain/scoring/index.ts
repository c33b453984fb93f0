/**
 * Accountability scoring: per-case outcomes → monthly figures per agency (with the case ids behind every
 * figure) → the TKD complaint component score and deduction. Appeals are inputs; the score recomputes.
 */
export { type CaseOutcome, type MisrouteOutcome, type OutcomeInput, type Outcomes, outcomesFromClock } from './case-outcome.js';
export { type Appeal, type AppliedAppeal, applyAppeals } from './appeals.js';
export {
  type BacklogBucket,
  type CountFigure,
  type DurationFigure,
  type MonthlyFigures,
  type MonthlyFiguresOptions,
  type ShareFigure,
  DEFAULT_BACKLOG_BUCKET_DAYS,
  computeMonthlyFigures,
} from './monthly-figures.js';
export { type PercentileFigure, nearestRank } from './stats.js';
export {
  type ScorePart,
  type TkdRule,
  type TkdScore,
  type TkdScorePart,
  DEFAULT_TKD_RULE,
  scoreMonth,
  validateTkdRule,
} from './tkd-rule.js';
