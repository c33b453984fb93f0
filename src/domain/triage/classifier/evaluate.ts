import { scorePredictions, type Evaluation } from './metrics.js';
import { asClassifier } from './predict.js';
import { stratifiedFolds, splitFold } from './folds.js';
import { train } from './train.js';
import type { Example, Model, TextClassifier, TrainOptions } from './types.js';

/** Builds a classifier from training examples: our `train`, or a baseline. */
export type Trainer = (examples: readonly Example[]) => TextClassifier;

/** Accuracy, macro-F1, per-class scores and auto-route coverage/precision on labelled examples. */
export function evaluate(classifier: Model | TextClassifier, examples: readonly Example[]): Evaluation {
  const c = 'predict' in classifier ? classifier : asClassifier(classifier);
  return scorePredictions(
    examples.map((e) => e.label),
    examples.map((e) => c.predict(e.text)),
    c.autoRouteThreshold,
  );
}

export interface CrossValidateOptions extends TrainOptions {
  /** What to train in each fold (default: `train` with these options). */
  trainer?: Trainer;
  /** Seed of the fold assignment (default 42, distinct from the training seed). */
  foldSeed?: number;
}

export interface CrossValidation {
  folds: Evaluation[];
  /** Mean over folds (as scikit-learn's cross_val_score reports); precision is over all routed texts. */
  mean: { accuracy: number; macro_f1: number; coverage: number; precision: number | null };
  /** All out-of-fold predictions scored together (each routed by its own fold's threshold). */
  pooled: Evaluation;
}

/** Stratified k-fold cross-validation; each fold's classifier never sees its test examples. */
export function crossValidate(
  examples: readonly Example[],
  k: number,
  options: CrossValidateOptions = {},
): CrossValidation {
  const { trainer: givenTrainer, foldSeed, ...trainOptions } = options;
  const trainer: Trainer = givenTrainer ?? ((ex) => asClassifier(train(ex, trainOptions)));
  const gold = examples.map((e) => e.label);
  const folds = stratifiedFolds(gold, k, foldSeed ?? 42);
  const evaluations: Evaluation[] = [];
  const pooledPredictions = new Array(examples.length);
  const routed = new Array<boolean>(examples.length);
  for (let f = 0; f < k; f++) {
    const { train: inFold, test } = splitFold(folds, f);
    const classifier = trainer(inFold.map((i) => examples[i]));
    const testExamples = test.map((i) => examples[i]);
    const predictions = testExamples.map((e) => classifier.predict(e.text));
    evaluations.push(scorePredictions(testExamples.map((e) => e.label), predictions, classifier.autoRouteThreshold));
    test.forEach((i, j) => {
      pooledPredictions[i] = predictions[j];
      routed[i] = predictions[j].confidence >= classifier.autoRouteThreshold;
    });
  }
  const pooled = scorePredictions(gold, pooledPredictions, Infinity);
  const routedCount = routed.filter(Boolean).length;
  const routedRight = routed.filter((r, i) => r && pooledPredictions[i].label === gold[i]).length;
  const thresholds = evaluations.map((e) => e.auto_route.threshold).filter((t): t is number => t !== null);
  pooled.auto_route = {
    threshold: thresholds.length > 0 ? thresholds.reduce((a, b) => a + b, 0) / thresholds.length : null,
    coverage: routedCount / Math.max(1, examples.length),
    precision: routedCount > 0 ? routedRight / routedCount : null,
    routed: routedCount,
  };
  const mean = (pick: (e: Evaluation) => number): number =>
    evaluations.reduce((sum, e) => sum + pick(e), 0) / evaluations.length;
  return {
    folds: evaluations,
    mean: {
      accuracy: mean((e) => e.accuracy),
      macro_f1: mean((e) => e.macro_f1),
      coverage: mean((e) => e.auto_route.coverage),
      precision: pooled.auto_route.precision,
    },
    pooled,
  };
}
