/**
 * Turning one-vs-rest decision values into probabilities, and choosing the auto-route threshold.
 * Both are fitted on held-out predictions (never on the examples a model was trained on), because
 * training-set scores are overconfident.
 */

/** softmax(scores / temperature), written into `out`. */
export function softmax(scores: ArrayLike<number>, temperature: number, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[k] = Math.exp((scores[k] - max) / temperature);
    sum += out[k];
  }
  for (let k = 0; k < scores.length; k++) out[k] /= sum;
  return out;
}

/**
 * The temperature minimizing the negative log-likelihood of the true labels (temperature scaling,
 * Guo et al. 2017): one parameter, so it cannot overfit the held-out scores, and it leaves the ranking
 * of labels within a text unchanged.
 */
export function fitTemperature(scores: readonly Float64Array[], gold: Int32Array): number {
  if (scores.length === 0) return 1;
  const k = scores[0].length;
  const probs = new Float64Array(k);
  const nll = (logT: number): number => {
    const t = Math.exp(logT);
    let total = 0;
    for (let i = 0; i < scores.length; i++) {
      softmax(scores[i], t, probs);
      total -= Math.log(Math.max(probs[gold[i]], 1e-12));
    }
    return total;
  };
  // Golden-section search on log T over [0.005, 20]; NLL is unimodal in T for a fixed set of scores.
  let lo = Math.log(0.005);
  let hi = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let iter = 0; iter < 60; iter++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Lower bound of the Wilson score interval for a proportion: the precision we can claim for `right` of
 * `total` with z standard deviations of caution.
 */
export function wilsonLowerBound(right: number, total: number, z: number): number {
  if (total === 0) return 0;
  const p = right / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return (centre - spread) / (1 + z2 / total);
}

export interface ThresholdOptions {
  /** Standard deviations of caution on the measured precision (default 1; 0 = plain point estimate). */
  z?: number;
  /** Fewest predictions that may be routed (default 10). */
  minRouted?: number;
}

/**
 * The lowest confidence threshold whose routed set (confidence ≥ threshold) reaches `target` precision,
 * i.e. the largest coverage at that precision. The precision must hold for the Wilson lower bound, not
 * just the point estimate: taking the best of many cut-offs favours a lucky one, and a threshold that
 * only just reaches 0.95 on held-out folds lands below it on new complaints about half the time.
 * Infinity when no threshold reaches the target.
 */
export function chooseThreshold(
  confidences: ArrayLike<number>,
  correct: ArrayLike<boolean>,
  target: number,
  options: ThresholdOptions = {},
): number {
  const z = options.z ?? 1;
  const minRouted = options.minRouted ?? 10;
  const order = Array.from({ length: confidences.length }, (_, i) => i).sort(
    (a, b) => confidences[b] - confidences[a],
  );
  let best = Infinity;
  let right = 0;
  for (let r = 0; r < order.length; r++) {
    if (correct[order[r]]) right++;
    const routed = r + 1;
    // Only cut between distinct confidences: every prediction at the threshold is routed.
    const atBoundary = r + 1 === order.length || confidences[order[r + 1]] < confidences[order[r]];
    if (atBoundary && routed >= minRouted && wilsonLowerBound(right, routed, z) >= target) {
      best = confidences[order[r]];
    }
  }
  return best;
}
