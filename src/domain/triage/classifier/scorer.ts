import { rawWords, wordTerms } from '../text/pipeline.js';
import { bigramBucket, termFeatures } from './features.js';
import type { Model } from './types.js';

/**
 * The prediction hot path: the decision values training would compute for a text's TF-IDF vector,
 * without building that vector. The char block (plain counts, norm √Σ count·idf², see tfidf.ts) is a
 * sum over the text's terms of per-term parts — Σ idf·weight and Σ idf² over the term's char n-grams —
 * cached per model and raw word. So after warm-up a complaint costs one cache lookup per word, one
 * K-wide addition per term, and its few dozen word unigram and bigram features.
 */
interface CompiledTerm {
  hash: number;
  /** Compact id of the term as a unigram, or -1 when the model dropped it. */
  unigram: number;
  /** Σ idf² over the term's kept char n-grams (with repeats): its part of the char block's norm. */
  charNorm: number;
  /** Σ idf · weight over the term's kept char n-grams (with repeats), per label. */
  charScore: Float64Array;
}

interface Scorer {
  terms: Map<string, CompiledTerm>;
  /** Raw word (before the pipeline's slang, stopwords and stemming) → its compiled terms. */
  words: Map<string, readonly CompiledTerm[]>;
  /** Word-feature counts of the text being scored; zeroed again after each text. */
  counts: Float64Array;
  wordIds: Int32Array;
  charScore: Float64Array;
  compiled: CompiledTerm[];
}

const MAX_TERMS_PER_MODEL = 100_000;
const scorers = new WeakMap<Model, Scorer>();

function scorerOf(model: Model): Scorer {
  let scorer = scorers.get(model);
  if (scorer === undefined) {
    scorer = {
      terms: new Map(),
      words: new Map(),
      counts: new Float64Array(model.vocabulary.wordFeatures),
      wordIds: new Int32Array(256),
      charScore: new Float64Array(model.labels.length),
      compiled: [],
    };
    scorers.set(model, scorer);
  }
  return scorer;
}

function compile(model: Model, scorer: Scorer, term: string): CompiledTerm {
  const hit = scorer.terms.get(term);
  if (hit !== undefined) return hit;
  const f = termFeatures(term, model.features);
  const { index, idf } = model.vocabulary;
  const classes = model.labels.length;
  const charScore = new Float64Array(classes);
  let charNorm = 0;
  for (let c = 0; c < f.chars.length; c++) {
    const id = index[f.chars[c]];
    if (id < 0) continue;
    charNorm += idf[id] * idf[id];
    const base = id * classes;
    for (let k = 0; k < classes; k++) charScore[k] += idf[id] * model.weights[base + k];
  }
  const compiled = { hash: f.hash, unigram: index[f.unigram], charNorm, charScore };
  if (scorer.terms.size >= MAX_TERMS_PER_MODEL) scorer.terms.clear();
  scorer.terms.set(term, compiled);
  return compiled;
}

function grow(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Decision values (one per label) of a text already run through the pipeline, written into `out`. */
export function scoreTerms(model: Model, terms: readonly string[], out: Float64Array): Float64Array {
  const scorer = scorerOf(model);
  const compiled = scorer.compiled;
  for (let t = 0; t < terms.length; t++) compiled.push(compile(model, scorer, terms[t]));
  return scoreCompiled(model, scorer, out);
}

/**
 * Decision values of raw text. Same numbers as `scoreTerms(model, tokenize(text))`, with one cache
 * lookup per word instead of one in the pipeline and one per term here.
 */
export function scoreText(model: Model, text: string, out: Float64Array): Float64Array {
  const scorer = scorerOf(model);
  const compiled = scorer.compiled;
  for (const word of rawWords(text)) {
    let terms = scorer.words.get(word);
    if (terms === undefined) {
      terms = wordTerms(word, model.metadata.options.pipeline).map((term) => compile(model, scorer, term));
      if (scorer.words.size >= MAX_TERMS_PER_MODEL) scorer.words.clear();
      scorer.words.set(word, terms);
    }
    for (let i = 0; i < terms.length; i++) compiled.push(terms[i]);
  }
  return scoreCompiled(model, scorer, out);
}

/** 1 + ln(c) for the small counts nearly every word feature has. */
const SUBLINEAR = Float64Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

function scoreCompiled(model: Model, scorer: Scorer, out: Float64Array): Float64Array {
  const { counts, charScore, compiled } = scorer;
  const { index, idf } = model.vocabulary;
  const { bits, bigrams } = model.features;
  const classes = out.length;
  const n = compiled.length;
  charScore.fill(0);
  scorer.wordIds = grow(scorer.wordIds, 2 * n);
  const wordIds = scorer.wordIds;
  let words = 0;
  let charNorm = 0;
  let previous = 0;
  for (let t = 0; t < n; t++) {
    const term = compiled[t];
    if (term.unigram >= 0 && counts[term.unigram]++ === 0) wordIds[words++] = term.unigram;
    if (bigrams && t > 0) {
      const id = index[bigramBucket(previous, term.hash, bits)];
      if (id >= 0 && counts[id]++ === 0) wordIds[words++] = id;
    }
    previous = term.hash;
    charNorm += term.charNorm;
    const part = term.charScore;
    for (let k = 0; k < classes; k++) charScore[k] += part[k];
  }
  compiled.length = 0;

  let wordNorm = 0;
  for (let w = 0; w < words; w++) {
    const id = wordIds[w];
    const c = counts[id];
    const v = (c < 64 ? SUBLINEAR[c] : 1 + Math.log(c)) * idf[id];
    counts[id] = v;
    wordNorm += v * v;
  }
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const charScale = charNorm > 0 ? model.metadata.options.charWeight / Math.sqrt(charNorm) : 0;
  const { weights, bias } = model;
  for (let k = 0; k < classes; k++) out[k] = bias[k] + charScale * charScore[k];
  for (let w = 0; w < words; w++) {
    const id = wordIds[w];
    const v = counts[id] * wordScale;
    counts[id] = 0;
    const base = id * classes;
    for (let k = 0; k < classes; k++) out[k] += v * weights[base + k];
  }
  return out;
}
