import { softmax } from './calibration.js';
import { scoreTerms, scoreText } from './scorer.js';
import type { LabelScore, Model, Prediction, TextClassifier } from './types.js';

const TOP = 3;

/** The most likely label, its calibrated confidence, and the top three labels. */
export function predict(model: Model, text: string): Prediction {
  const scores = scoreText(model, text, new Float64Array(model.labels.length));
  return topLabels(softmax(scores, model.temperature, scores), model.labels);
}

/** Same as `predict`, for text already run through the pipeline with the model's options. */
export function predictTerms(model: Model, terms: readonly string[]): Prediction {
  const scores = scoreTerms(model, terms, new Float64Array(model.labels.length));
  return topLabels(softmax(scores, model.temperature, scores), model.labels);
}

/** True when the prediction is confident enough to route without an officer. */
export function shouldAutoRoute(model: Model, prediction: Prediction): boolean {
  return prediction.confidence >= model.threshold;
}

/** Prediction object from class probabilities (ties go to the label listed first). */
export function topLabels(probs: ArrayLike<number>, labels: readonly string[]): Prediction {
  // One pass keeping the three best indices: this runs for every complaint.
  let a = -1;
  let b = -1;
  let c = -1;
  for (let k = 0; k < probs.length; k++) {
    const p = probs[k];
    if (a < 0 || p > probs[a]) {
      c = b;
      b = a;
      a = k;
    } else if (b < 0 || p > probs[b]) {
      c = b;
      b = k;
    } else if (c < 0 || p > probs[c]) {
      c = k;
    }
  }
  const top: LabelScore[] = [];
  for (const k of [a, b, c].slice(0, Math.min(TOP, probs.length))) top.push({ label: labels[k], confidence: probs[k] });
  return { label: top[0].label, confidence: top[0].confidence, top };
}

/** The model behind the common classifier interface used by evaluation and the baselines. */
export function asClassifier(model: Model): TextClassifier {
  return { autoRouteThreshold: model.threshold, predict: (text) => predict(model, text) };
}
