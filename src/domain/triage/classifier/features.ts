/**
 * Hashed n-gram features ("the hashing trick"): no vocabulary to store or look up, and each distinct
 * word's features are computed once and cached, so featurizing a complaint is a few array reads per word.
 *
 * Two blocks, each normalized on its own later (like a union of two TF-IDF vectorizers):
 * - word block: unigrams and bigrams of the pipeline's terms, buckets [0, 2^bits);
 * - char block: character n-grams inside each term padded with spaces (" lubang "), which catch spelling
 *   variants and roots the stemmer missed, buckets [2^bits, 2^(bits+1)).
 */
export interface FeatureConfig {
  /** log2 of the bucket count per block. */
  bits: number;
  charMin: number;
  charMax: number;
  /** Include word bigrams. */
  bigrams: boolean;
}

/** The hashed features of one term: its hash (for bigrams), its unigram bucket, its char n-gram buckets. */
export interface TermFeatures {
  hash: number;
  unigram: number;
  chars: Int32Array;
}

/** Raw (bucket, count) pairs of one text, buckets unsorted and unique. */
export interface RawFeatures {
  buckets: Int32Array;
  counts: Float64Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x5bd1e995;
const CHAR_SEED = 0x27d4eb2f;
const BIGRAM_SEED = 0x165667b1;
const MAX_CACHE_ENTRIES = 200_000;

const caches = new Map<string, Map<string, TermFeatures>>();

/** murmur3's finalizer: spreads FNV's weak low bits before masking to a bucket. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function cacheFor(config: FeatureConfig): Map<string, TermFeatures> {
  const key = `${config.bits}:${config.charMin}:${config.charMax}`;
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new Map();
    caches.set(key, cache);
  }
  return cache;
}

/** Bucket of the bigram (previous term, this term) from the two terms' hashes. */
export function bigramBucket(previousHash: number, hash: number, bits: number): number {
  return fmix(Math.imul(previousHash, 0x9e3779b1) ^ hash ^ BIGRAM_SEED) & ((1 << bits) - 1);
}

/** Features of one term, computed once per distinct term and configuration. */
export function termFeatures(word: string, config: FeatureConfig): TermFeatures {
  const cache = cacheFor(config);
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const mask = (1 << config.bits) - 1;
  const charBase = 1 << config.bits;
  let h = FNV_OFFSET ^ WORD_SEED;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  const hash = fmix(h);

  const padded = ` ${word} `;
  const chars: number[] = [];
  for (let start = 0; start < padded.length - 1; start++) {
    let g = FNV_OFFSET ^ CHAR_SEED;
    const end = Math.min(padded.length, start + config.charMax);
    for (let j = start; j < end; j++) {
      g = Math.imul(g ^ padded.charCodeAt(j), FNV_PRIME);
      if (j - start + 1 >= config.charMin) chars.push(charBase | (fmix(g) & mask));
    }
  }
  const features = { hash, unigram: hash & mask, chars: Int32Array.from(chars) };
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(word, features);
  return features;
}

/**
 * Counts of hashed features in a list of terms. `scratch` is a zeroed array of 2^(bits+1) counters that
 * is returned zeroed, so repeated calls allocate only the result.
 */
export function hashFeatures(terms: readonly string[], config: FeatureConfig, scratch: Int32Array): RawFeatures {
  const touched: number[] = [];
  const add = (bucket: number): void => {
    if (scratch[bucket] === 0) touched.push(bucket);
    scratch[bucket] += 1;
  };
  let previous = 0;
  for (let t = 0; t < terms.length; t++) {
    const f = termFeatures(terms[t], config);
    add(f.unigram);
    const chars = f.chars;
    for (let c = 0; c < chars.length; c++) add(chars[c]);
    if (config.bigrams && t > 0) add(bigramBucket(previous, f.hash, config.bits));
    previous = f.hash;
  }
  const buckets = Int32Array.from(touched);
  const counts = new Float64Array(buckets.length);
  for (let i = 0; i < buckets.length; i++) {
    counts[i] = scratch[buckets[i]];
    scratch[buckets[i]] = 0;
  }
  return { buckets, counts };
}

/** Number of buckets over both blocks. */
export function bucketCount(config: FeatureConfig): number {
  return 2 ** (config.bits + 1);
}
