import type { Prediction } from './types.js';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface AutoRouteScores {
  /** Confidence threshold used; null when the classifier never routes automatically. */
  threshold: number | null;
  /** Share of examples routed automatically. */
  coverage: number;
  /** Accuracy among the routed examples; null when none was routed. */
  precision: number | null;
  routed: number;
}

export interface Evaluation {
  examples: number;
  accuracy: number;
  /** Unweighted mean F1 over the labels that occur in the gold labels or the predictions (scikit-learn's rule). */
  macro_f1: number;
  per_class: Record<string, ClassScores>;
  auto_route: AutoRouteScores;
  /**
   * Expected calibration error: mean |confidence − accuracy| over 10 equal-width confidence bins,
   * weighted by bin size (0 = confidences are exactly as often right as they claim).
   */
  calibration_error: number;
}

const CALIBRATION_BINS = 10;

/** Scores predictions against gold labels; the threshold decides which predictions are auto-routed. */
export function scorePredictions(gold: readonly string[], predictions: readonly Prediction[], threshold: number): Evaluation {
  if (gold.length !== predictions.length) throw new RangeError('gold and predictions differ in length');
  const tp = new Map<string, number>();
  const predicted = new Map<string, number>();
  const support = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const binCount = new Float64Array(CALIBRATION_BINS);
  const binConfidence = new Float64Array(CALIBRATION_BINS);
  const binRight = new Float64Array(CALIBRATION_BINS);
  let right = 0;
  let routed = 0;
  let routedRight = 0;
  predictions.forEach((p, i) => {
    bump(support, gold[i]);
    bump(predicted, p.label);
    const ok = p.label === gold[i];
    if (ok) {
      right++;
      bump(tp, p.label);
    }
    const bin = Math.min(CALIBRATION_BINS - 1, Math.floor(p.confidence * CALIBRATION_BINS));
    binCount[bin]++;
    binConfidence[bin] += p.confidence;
    if (ok) binRight[bin]++;
    if (p.confidence >= threshold) {
      routed++;
      if (ok) routedRight++;
    }
  });
  const labels = [...new Set([...support.keys(), ...predicted.keys()])].sort();
  const perClass: Record<string, ClassScores> = {};
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0;
    const pCount = predicted.get(label) ?? 0;
    const sCount = support.get(label) ?? 0;
    const precision = pCount > 0 ? t / pCount : 0;
    const recall = sCount > 0 ? t / sCount : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support: sCount };
    f1Sum += f1;
  }
  const n = gold.length;
  let calibrationError = 0;
  for (let b = 0; b < CALIBRATION_BINS; b++) {
    if (binCount[b] > 0) calibrationError += Math.abs(binConfidence[b] - binRight[b]) / Math.max(1, n);
  }
  return {
    examples: n,
    accuracy: n > 0 ? right / n : 0,
    macro_f1: labels.length > 0 ? f1Sum / labels.length : 0,
    per_class: perClass,
    auto_route: {
      threshold: Number.isFinite(threshold) ? threshold : null,
      coverage: n > 0 ? routed / n : 0,
      precision: routed > 0 ? routedRight / routed : null,
      routed,
    },
    calibration_error: calibrationError,
  };
}
