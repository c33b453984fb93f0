import { rawWords } from '../text/pipeline.js';
import { softmax } from './calibration.js';
import { bucketCount, type FeatureConfig, type RawFeatures } from './features.js';
import { rawFeatures } from './linear.js';
import { seededRandom } from '../../random.js';
import { trainBinarySvm } from './svm.js';
import { fitVocabulary, type SparseMatrix, type Vocabulary } from './tfidf.js';
import { topLabels } from './predict.js';
import { withHeldOutThreshold, type BaselineOptions } from './baselines.js';
import type { Example, TextClassifier } from './types.js';

/**
 * The standard text-classification bar, as scikit-learn users build it: TfidfVectorizer(word 1–2-grams)
 * ∪ TfidfVectorizer(char_wb 2–5-grams), each with sublinear tf, smoothed idf, min_df 1 and its own L2
 * norm, then LinearSVC (C = 1, squared hinge, tolerance 0.1, no class weights). Words are the text's
 * lower-cased words (no stopwords, no stemming: the standard recipe has neither). Features are hashed
 * into 2^20 buckets per view, which collides rarely enough at this vocabulary size to be immaterial.
 * Confidence is the softmax of decision values (only its ranking matters, for the auto-route threshold).
 */
const CONFIG: FeatureConfig = { bits: 20, charMin: 2, charMax: 5, bigrams: true };

function exactVector(doc: RawFeatures, vocab: Vocabulary): { cols: Int32Array; vals: Float32Array } {
  const cols = new Int32Array(doc.buckets.length);
  const vals = new Float32Array(doc.buckets.length);
  let size = 0;
  let wordNorm = 0;
  let charNorm = 0;
  for (let i = 0; i < doc.buckets.length; i++) {
    const f = vocab.index[doc.buckets[i]];
    if (f < 0) continue;
    const v = (1 + Math.log(doc.counts[i])) * vocab.idf[f];
    cols[size] = f;
    vals[size++] = v;
    if (f < vocab.wordFeatures) wordNorm += v * v;
    else charNorm += v * v;
  }
  const ws = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const cs = charNorm > 0 ? 1 / Math.sqrt(charNorm) : 0;
  for (let i = 0; i < size; i++) vals[i] *= cols[i] < vocab.wordFeatures ? ws : cs;
  return { cols: cols.subarray(0, size), vals: vals.subarray(0, size) };
}

function fitTfidfSvm(examples: readonly Example[], c: number): (text: string) => ReturnType<typeof topLabels> {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const raw = examples.map((e) => rawFeatures(rawWords(e.text), CONFIG));
  const vocab = fitVocabulary(raw, bucketCount(CONFIG), 1);
  const rows = raw.map((r) => exactVector(r, vocab));
  const rowStart = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) rowStart[i + 1] = rowStart[i] + rows[i].cols.length;
  const x: SparseMatrix = {
    rows: rows.length,
    rowStart,
    cols: new Int32Array(rowStart[rows.length]),
    vals: new Float32Array(rowStart[rows.length]),
  };
  rows.forEach((r, i) => {
    x.cols.set(r.cols, rowStart[i]);
    x.vals.set(r.vals, rowStart[i]);
  });
  const features = vocab.buckets.length;
  const cost = new Float64Array(rows.length).fill(c);
  const random = seededRandom(1);
  const weights = labels.map((label) => {
    const y = Int8Array.from(examples, (e) => (e.label === label ? 1 : -1));
    return trainBinarySvm(x, features, y, { cost, tolerance: 0.1, maxPasses: 1000, bias: 1, random });
  });
  return (text) => {
    const { cols, vals } = exactVector(rawFeatures(rawWords(text), CONFIG), vocab);
    const scores = new Float64Array(labels.length);
    weights.forEach((w, k) => {
      let s = w[features];
      for (let p = 0; p < cols.length; p++) s += w[cols[p]] * vals[p];
      scores[k] = s;
    });
    return topLabels(softmax(scores, 1, scores), labels);
  };
}

/** The TF-IDF (word 1–2 + char 2–5) + linear SVM baseline; `c` is LinearSVC's C (default 1). */
export function trainTfidfSvmBaseline(
  examples: readonly Example[],
  options: BaselineOptions & { c?: number } = {},
): TextClassifier {
  const c = options.c ?? 1;
  return withHeldOutThreshold(examples, (ex) => fitTfidfSvm(ex, c), options);
}
