import type { PipelineOptions } from '../text/pipeline.js';
import type { FeatureConfig } from './features.js';
import type { Vocabulary } from './tfidf.js';

export interface Example {
  text: string;
  label: string;
}

export interface LabelScore {
  label: string;
  confidence: number;
}

export interface Prediction {
  label: string;
  /** Calibrated probability that `label` is right. */
  confidence: number;
  /** The three most likely labels, best first. */
  top: LabelScore[];
}

/** Anything that can be evaluated: our model, the baselines. */
export interface TextClassifier {
  /** Route automatically when confidence ≥ this (Infinity: never). */
  readonly autoRouteThreshold: number;
  predict(text: string): Prediction;
}

export interface TrainOptions {
  /** log2 of the hashed buckets per feature block (default 18). */
  featureBits?: number;
  /** Character n-gram lengths inside words (default 3–4). */
  charNgrams?: [number, number];
  /** Word bigrams on top of unigrams (default true). */
  wordBigrams?: boolean;
  /** Keep features seen in at least this many training texts (default 2). */
  minDf?: number;
  /** Weight of the char block relative to the word block (default 0.5). */
  charWeight?: number;
  /** SVM cost (default 0.5). */
  c?: number;
  /**
   * Class weight = (n / (classes · n_class))^power, capped at `maxClassWeight`: 0 = unweighted,
   * 1 = "balanced" (default 0.5: rare classes get recall without one odd example dominating).
   */
  classWeightPower?: number;
  maxClassWeight?: number;
  /** Precision the auto-route threshold must reach on held-out folds (default 0.95). */
  targetPrecision?: number;
  /**
   * Standard deviations of caution on the held-out precision when choosing the threshold (default 1:
   * the Wilson lower bound must reach the target; 0 uses the point estimate).
   */
  thresholdCaution?: number;
  /** Inner folds used to calibrate confidence and choose the threshold (default 3; 0 skips). */
  calibrationFolds?: number;
  /** Solver passes cap and tolerance (defaults 60 and 0.3; LIBLINEAR's 0.1 scored the same here at 1.5× the time). */
  maxPasses?: number;
  tolerance?: number;
  seed?: number;
  /** Text pipeline options (defaults of `tokenize`). */
  pipeline?: PipelineOptions;
  /** Free-form version label stored in the model (e.g. "2025-06-01-retrain"). */
  version?: string;
  /** ISO time stamp stored in the model; the caller passes it because domain code reads no clock. */
  trainedAt?: string;
}

export type ResolvedTrainOptions = Required<Omit<TrainOptions, 'version' | 'trainedAt' | 'pipeline'>> &
  Pick<TrainOptions, 'version' | 'trainedAt'> & { pipeline: PipelineOptions };

export interface ModelMetadata {
  format: 'cepat-triage-linear';
  formatVersion: number;
  version?: string;
  trainedAt?: string;
  examples: number;
  classCounts: Record<string, number>;
  options: ResolvedTrainOptions;
  /** Held-out (inner-fold) figures measured while training, before the final fit. */
  heldOut?: { accuracy: number; macro_f1: number; coverage: number; precision: number };
}

/** A trained one-vs-rest linear model with its calibration and auto-route threshold. */
export interface Model {
  metadata: ModelMetadata;
  labels: string[];
  features: FeatureConfig;
  vocabulary: Vocabulary;
  /** Feature-major weights: weights[f * labels.length + k]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Softmax temperature over the decision values, fitted on held-out folds. */
  temperature: number;
  /** Confidence from which a prediction is routed automatically (Infinity: never). */
  threshold: number;
}
