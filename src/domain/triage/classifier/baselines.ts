import { tokenize } from '../text/pipeline.js';
import { chooseThreshold } from './calibration.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { topLabels } from './predict.js';
import type { Example, Prediction, TextClassifier } from './types.js';

/**
 * Reference points the model must beat, computed in the same run on the same folds: always answering
 * the most frequent label; counting learned keywords per label; multinomial naive Bayes.
 */
export interface BaselineOptions {
  targetPrecision?: number;
  /** Inner folds for the auto-route threshold (default 3), as for the model. */
  calibrationFolds?: number;
  seed?: number;
}

type Fit = (examples: readonly Example[]) => (text: string) => Prediction;

/** Wraps a fitted predictor with an auto-route threshold chosen on inner held-out folds. */
export function withHeldOutThreshold(examples: readonly Example[], fit: Fit, options: BaselineOptions): TextClassifier {
  const k = options.calibrationFolds ?? 3;
  let threshold = Infinity;
  if (k >= 2 && examples.length >= 2 * k) {
    const gold = examples.map((e) => e.label);
    const folds = stratifiedFolds(gold, k, options.seed ?? 1);
    const confidences: number[] = [];
    const correct: boolean[] = [];
    for (let f = 0; f < k; f++) {
      const { train, test } = splitFold(folds, f);
      const predict = fit(train.map((i) => examples[i]));
      for (const i of test) {
        const p = predict(examples[i].text);
        confidences.push(p.confidence);
        correct.push(p.label === gold[i]);
      }
    }
    threshold = chooseThreshold(confidences, correct, options.targetPrecision ?? 0.95);
  }
  return { autoRouteThreshold: threshold, predict: fit(examples) };
}

function labelCounts(examples: readonly Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return counts;
}

/** Always the most frequent training label, with its training share as confidence. */
export function trainMajorityBaseline(examples: readonly Example[], options: BaselineOptions = {}): TextClassifier {
  const fit: Fit = (ex) => {
    const counts = [...labelCounts(ex)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const labels = counts.map(([label]) => label);
    const probs = counts.map(([, c]) => c / ex.length);
    const prediction = topLabels(probs, labels);
    return () => prediction;
  };
  return withHeldOutThreshold(examples, fit, options);
}

/**
 * Keywords learned per label: terms found in at least 3 of its texts, at least half of whose texts carry
 * that label, at 1.5 times its base rate or more (ranked by count × log-lift, 30 per label, each term
 * belonging to one label). A text goes to the label
 * with the most keyword hits; with none, to the most frequent label. Confidence is the winner's share of
 * all hits (plus one, so one hit is not certainty).
 */
export function trainKeywordBaseline(examples: readonly Example[], options: BaselineOptions = {}): TextClassifier {
  const fit: Fit = (ex) => {
    const counts = labelCounts(ex);
    const labels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
    const index = new Map(labels.map((l, i) => [l, i]));
    const df = new Map<string, Int32Array>();
    for (const e of ex) {
      for (const term of new Set(tokenize(e.text))) {
        let row = df.get(term);
        if (row === undefined) df.set(term, (row = new Int32Array(labels.length)));
        row[index.get(e.label)!]++;
      }
    }
    const candidates: { term: string; k: number; score: number }[] = [];
    for (const [term, row] of df) {
      const total = row.reduce((a, b) => a + b, 0);
      let k = 0;
      for (let j = 1; j < row.length; j++) if (row[j] > row[k]) k = j;
      const share = row[k] / total;
      const lift = share / (counts.get(labels[k])! / ex.length);
      if (row[k] >= 3 && share >= 0.5 && lift >= 1.5) candidates.push({ term, k, score: row[k] * Math.log(lift) });
    }
    candidates.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
    const keywordOf = new Map<string, number>();
    const perLabel = new Int32Array(labels.length);
    for (const c of candidates) {
      if (perLabel[c.k] < 30) {
        keywordOf.set(c.term, c.k);
        perLabel[c.k]++;
      }
    }
    const prior = labels.map((l) => counts.get(l)! / ex.length);
    return (text) => {
      const hits = new Float64Array(labels.length);
      let total = 0;
      for (const term of new Set(tokenize(text))) {
        const k = keywordOf.get(term);
        if (k !== undefined) {
          hits[k]++;
          total++;
        }
      }
      if (total === 0) return topLabels(prior, labels);
      return topLabels(Array.from(hits, (h) => h / (total + 1)), labels);
    };
  };
  return withHeldOutThreshold(examples, fit, options);
}

/** Multinomial naive Bayes over the pipeline's terms (Laplace smoothing), the classic text baseline. */
export function trainNaiveBayesBaseline(examples: readonly Example[], options: BaselineOptions = {}): TextClassifier {
  const fit: Fit = (ex) => {
    const counts = labelCounts(ex);
    const labels = [...counts.keys()].sort();
    const index = new Map(labels.map((l, i) => [l, i]));
    const termCounts = new Map<string, Float64Array>();
    const totals = new Float64Array(labels.length);
    for (const e of ex) {
      const k = index.get(e.label)!;
      for (const term of tokenize(e.text)) {
        let row = termCounts.get(term);
        if (row === undefined) termCounts.set(term, (row = new Float64Array(labels.length)));
        row[k]++;
        totals[k]++;
      }
    }
    const vocabulary = termCounts.size;
    const logPrior = labels.map((l) => Math.log(counts.get(l)! / ex.length));
    return (text) => {
      const logp = Float64Array.from(logPrior);
      for (const term of tokenize(text)) {
        const row = termCounts.get(term);
        if (row === undefined) continue;
        for (let k = 0; k < labels.length; k++) logp[k] += Math.log((row[k] + 1) / (totals[k] + vocabulary));
      }
      const max = Math.max(...logp);
      let sum = 0;
      for (let k = 0; k < logp.length; k++) sum += logp[k] = Math.exp(logp[k] - max);
      return topLabels(Array.from(logp, (p) => p / sum), labels);
    };
  };
  return withHeldOutThreshold(examples, fit, options);
}
