import { bucketCount, hashFeatures, type FeatureConfig, type RawFeatures } from './features.js';
import { seededRandom } from '../../random.js';
import { trainBinarySvm } from './svm.js';
import { buildMatrix, fitVocabulary, type Vocabulary } from './tfidf.js';
import type { ResolvedTrainOptions } from './types.js';

/** The fitted parts of a one-vs-rest linear model (no calibration yet). */
export interface LinearParts {
  vocabulary: Vocabulary;
  /** Feature-major: weights[f * classes + k]. */
  weights: Float32Array;
  bias: Float32Array;
}

const BIAS_FEATURE = 1;

/** Counters for `hashFeatures`, one per bucket-space size; returned zeroed after every call. */
const scratches = new Map<number, Int32Array>();

export function featureConfig(options: ResolvedTrainOptions): FeatureConfig {
  return {
    bits: options.featureBits,
    charMin: options.charNgrams[0],
    charMax: options.charNgrams[1],
    bigrams: options.wordBigrams,
  };
}

/** Hashed feature counts of already tokenized texts. */
export function rawFeatures(terms: readonly string[], config: FeatureConfig): RawFeatures {
  const size = bucketCount(config);
  let scratch = scratches.get(size);
  if (scratch === undefined) {
    scratch = new Int32Array(size);
    scratches.set(size, scratch);
  }
  return hashFeatures(terms, config, scratch);
}

/**
 * Class weights: (n / (classes · n_k))^power, capped. The cap matters for a class with one or two
 * examples, whose "balanced" weight (hundreds) would let a single text pull the boundary anywhere.
 */
export function classWeights(counts: Int32Array, power: number, cap: number): Float64Array {
  const present = counts.filter((c) => c > 0).length;
  const n = counts.reduce((a, b) => a + b, 0);
  return Float64Array.from(counts, (c) => (c > 0 ? Math.min(cap, (n / (present * c)) ** power) : 0));
}

/**
 * Fits one binary SVM per class on `raw` with labels `y` (indices into `classes`), over `vocabulary`
 * (by default TF-IDF fitted on `raw` itself).
 */
export function fitLinear(
  raw: readonly RawFeatures[],
  y: Int32Array,
  classes: number,
  options: ResolvedTrainOptions,
  vocabulary: Vocabulary = fitVocabulary(raw, bucketCount(featureConfig(options)), options.minDf),
): LinearParts {
  const x = buildMatrix(raw, vocabulary, options.charWeight);
  const features = vocabulary.buckets.length;
  const counts = new Int32Array(classes);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const weightOf = classWeights(counts, options.classWeightPower, options.maxClassWeight);

  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const signs = new Int8Array(y.length);
  const cost = new Float64Array(y.length);
  const random = seededRandom(options.seed);
  for (let k = 0; k < classes; k++) {
    if (counts[k] === 0) {
      // A label absent from this training slice (possible inside folds) can never win.
      bias[k] = -1e3;
      continue;
    }
    for (let i = 0; i < y.length; i++) {
      signs[i] = y[i] === k ? 1 : -1;
      cost[i] = options.c * (y[i] === k ? weightOf[k] : 1);
    }
    const w = trainBinarySvm(x, features, signs, {
      cost,
      tolerance: options.tolerance,
      maxPasses: options.maxPasses,
      bias: BIAS_FEATURE,
      random,
    });
    for (let f = 0; f < features; f++) weights[f * classes + k] = w[f];
    bias[k] = w[features] * BIAS_FEATURE;
  }
  return { vocabulary, weights, bias };
}

/** Decision values of one TF-IDF vector, written into `out` (length = classes). */
export function decisionValues(
  parts: LinearParts,
  cols: Int32Array,
  vals: Float32Array,
  out: Float64Array,
): Float64Array {
  const classes = out.length;
  const { weights } = parts;
  for (let k = 0; k < classes; k++) out[k] = parts.bias[k];
  for (let p = 0; p < cols.length; p++) {
    const base = cols[p] * classes;
    const v = vals[p];
    for (let k = 0; k < classes; k++) out[k] += v * weights[base + k];
  }
  return out;
}
