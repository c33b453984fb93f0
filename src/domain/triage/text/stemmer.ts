import { Stemmer } from 'sastrawijs';

/**
 * Sastrawi stemming (sastrawijs, MIT, with the Sastrawi root-word dictionary) behind a per-word cache.
 * Uncached, sastrawijs stems 200–300 words per millisecond on the 2-core dev machine, about 30 times
 * slower than a cache hit (bench/triage-classifier.ts); complaint vocabularies are small and Zipfian,
 * so after warm-up nearly every lookup is a hit.
 */

/**
 * Words the Sastrawi rules get wrong in ways that matter for complaints. "kerusakan" loses "-kan" before
 * "-an" is tried and lands on "rusa" (deer), which is in the dictionary.
 */
const OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['kerusakan', 'rusak'],
  ['kerusakannya', 'rusak'],
  ['perusakan', 'rusak'],
  ['pengrusakan', 'rusak'],
]);

/** Bounded so a long-running server fed with junk tokens cannot grow the cache without limit. */
const MAX_CACHE_ENTRIES = 200_000;

let stemmer: Stemmer | undefined;
const cache = new Map<string, string>();

/** Root form of one lower-case word (letters only: the tokenizer splits hyphenated words first). */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const root = OVERRIDES.get(word) ?? stemUncached(word);
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(word, root);
  return root;
}

/** The stemmer without the cache: what the benchmark compares against. */
export function stemUncached(word: string): string {
  // Building the dictionary takes tens of milliseconds: only do it when the first word arrives.
  stemmer ??= new Stemmer();
  // Sastrawi returns the word unchanged when it finds no root; words shorter than 4 letters are never
  // affixed forms it can reduce, and skipping them saves the rule engine's work.
  return word.length < 4 ? word : stemmer.stem(word);
}

/** Number of cached stems (for tests and benchmarks). */
export function stemCacheSize(): number {
  return cache.size;
}
