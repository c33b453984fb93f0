import { shuffleInPlace } from '../../random.js';
import type { SparseMatrix } from './tfidf.js';

/**
 * L2-regularized squared-hinge linear SVM solved in the dual by coordinate descent with shrinking
 * (Hsieh et al. 2008, the LIBLINEAR solver behind scikit-learn's LinearSVC). One pass touches each
 * non-zero once, and shrinking stops visiting examples that are safely outside the margin.
 */
export interface BinarySvmOptions {
  /** Per-example cost (C times the example's weight). */
  cost: Float64Array;
  /** Stopping tolerance on the projected-gradient spread (LIBLINEAR's default 0.1). */
  tolerance: number;
  maxPasses: number;
  /** Value of the constant bias feature (LIBLINEAR's -B; the bias is regularized like any weight). */
  bias: number;
  random: () => number;
}

/** Weights of one binary problem: `w[0..features)` and the bias weight at `w[features]`. */
export function trainBinarySvm(
  x: SparseMatrix,
  features: number,
  y: Int8Array,
  options: BinarySvmOptions,
): Float64Array {
  const n = x.rows;
  const { rowStart, cols, vals } = x;
  const B = options.bias;
  const w = new Float64Array(features + 1);
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 0.5 / options.cost[i];
    let sq = B * B;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) sq += vals[p] * vals[p];
    qd[i] = sq + diag[i];
    order[i] = i;
  }

  let active = n;
  let pgMaxOld = Infinity;
  for (let pass = 0; pass < options.maxPasses; pass++) {
    let pgMax = -Infinity;
    let pgMin = Infinity;
    shuffleInPlace(order, options.random, active);
    for (let s = 0; s < active; s++) {
      const i = order[s];
      const yi = y[i];
      let dot = w[features] * B;
      const end = rowStart[i + 1];
      for (let p = rowStart[i]; p < end; p++) dot += w[cols[p]] * vals[p];
      const g = yi * dot - 1 + alpha[i] * diag[i];
      let pg = g;
      if (alpha[i] === 0) {
        // No upper bound on alpha for the squared hinge, so only this side of LIBLINEAR's shrinking applies.
        if (g > pgMaxOld) {
          active--;
          order[s] = order[active];
          order[active] = i;
          s--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        const next = Math.max(old - g / qd[i], 0);
        alpha[i] = next;
        const d = (next - old) * yi;
        for (let p = rowStart[i]; p < end; p++) w[cols[p]] += d * vals[p];
        w[features] += d * B;
      }
    }
    if (pgMax - pgMin <= options.tolerance) {
      if (active === n) break;
      // Converged on the active set: check every example once more before stopping.
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return w;
}
