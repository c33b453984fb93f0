import { seededRandom, shuffleInPlace } from '../../random.js';
import type { Trainer } from './evaluate.js';
import { splitFold, stratifiedFolds } from './folds.js';
import type { Example } from './types.js';

/**
 * Accuracy as a function of training-set size. A cross-validated figure depends on how many examples
 * each fold trains on (5-fold CV on n examples trains on 0.8·n), so a figure quoted for a larger file,
 * or a model later trained on all of a file and scored on new complaints, is only comparable after
 * accounting for size. Each fold's test part is fixed; its training part is subsampled (the same
 * shuffled prefix for every method, so methods are compared on identical training sets).
 */
export interface LearningCurveOptions {
  /** Shares of each training fold to train on, e.g. [0.5, 0.7, 1]. */
  fractions: readonly number[];
  folds: number;
  foldSeeds: readonly number[];
}

export interface CurvePoint {
  fraction: number;
  /** Mean training-set size at this fraction. */
  trainSize: number;
  /** Mean accuracy over every fold of every fold seed. */
  accuracy: number;
}

export function learningCurve(
  examples: readonly Example[],
  trainers: Readonly<Record<string, Trainer>>,
  options: LearningCurveOptions,
): Record<string, CurvePoint[]> {
  for (const f of options.fractions) {
    if (!(f > 0 && f <= 1)) throw new RangeError(`fractions must be in (0, 1], got ${f}`);
  }
  // Per method and fraction: sums of training sizes and of per-fold accuracies, over every fold of every seed.
  const sums = new Map<string, { size: number; accuracy: number; runs: number }>();
  const gold = examples.map((e) => e.label);
  for (const seed of options.foldSeeds) {
    const folds = stratifiedFolds(gold, options.folds, seed);
    for (let f = 0; f < options.folds; f++) {
      const { train, test } = splitFold(folds, f);
      shuffleInPlace(train, seededRandom(seed * 1009 + f));
      for (const fraction of options.fractions) {
        const subset = train.slice(0, Math.max(1, Math.round(fraction * train.length))).map((i) => examples[i]);
        for (const [name, trainer] of Object.entries(trainers)) {
          const classifier = trainer(subset);
          let correct = 0;
          for (const i of test) if (classifier.predict(examples[i].text).label === gold[i]) correct++;
          const key = `${name}\u0000${fraction}`;
          const sum = sums.get(key) ?? { size: 0, accuracy: 0, runs: 0 };
          // Per-fold accuracy averaged over folds (as cross-validation reports it), not pooled.
          sum.accuracy += correct / test.length;
          sum.size += subset.length;
          sum.runs++;
          sums.set(key, sum);
        }
      }
    }
  }
  return Object.fromEntries(
    Object.keys(trainers).map((name) => [
      name,
      options.fractions.map((fraction) => {
        const s = sums.get(`${name}\u0000${fraction}`)!;
        return { fraction, trainSize: s.size / s.runs, accuracy: s.accuracy / s.runs };
      }),
    ]),
  );
}

/**
 * Least-squares fit of accuracy = a + b·log2(size) through the points (accuracy grows by a roughly
 * constant step per doubling of the data over the sizes measured here), read at `size`. Beyond the
 * measured sizes it is an extrapolation: the note that quotes it says so.
 */
export function projectAccuracy(points: readonly CurvePoint[], size: number): { accuracy: number; perDoubling: number } {
  if (points.length < 2) throw new RangeError('need at least two points to project');
  const xs = points.map((p) => Math.log2(p.trainSize));
  const ys = points.map((p) => p.accuracy);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  if (sxx === 0) throw new RangeError('points must have different training sizes');
  const slope = sxy / sxx;
  return { accuracy: my + slope * (Math.log2(size) - mx), perDoubling: slope };
}
