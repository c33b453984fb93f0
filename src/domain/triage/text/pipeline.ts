import { normalizeText, PLACEHOLDER_TERMS } from './normalize.js';
import { SLANG } from './slang.js';
import { isStopword } from './stopwords.js';
import { stem } from './stemmer.js';

/**
 * The one Indonesian text pipeline: the classifier, the duplicate finder and full-text search all see
 * complaints through it, so "berlubang" in a report and "lubang" in a search meet on the same term.
 */
export interface PipelineOptions {
  /** Drop function words (default true). */
  stopwords?: boolean;
  /** Keep tidak/belum/bukan/jangan/tanpa even when stopwords are dropped (default true). */
  keepNegations?: boolean;
  /** Reduce words to their Sastrawi root (default true). */
  stem?: boolean;
}

// Words (letters with their combining marks, possibly joined by hyphens: "anak-anak", "e-ktp").
const WORD = /\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*/gu;
// The same for the usual all-ASCII text, where the Unicode-property regex is needlessly slow.
const ASCII_WORD = /[a-z]+(?:-[a-z]+)*/g;
const NON_ASCII = /[^\x00-\x7f]/;
// "tolooong", "rusakkk": Indonesian never writes a letter three times in a row. Applied per distinct
// word (so once per cache entry), not per text.
const ELONGATION = /(\p{L})\1{2,}/gu;

const MAX_CACHE_ENTRIES = 200_000;
/** Terms of each distinct word, per option set: after warm-up a word costs one map lookup. */
const wordCaches = new Map<string, WordCache>();

/**
 * The words of a text after character-level normalization, before slang, stopwords and stemming: what
 * `wordTerms` takes, one at a time. For callers that cache their own work per word (the classifier).
 */
export function rawWords(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized.match(NON_ASCII.test(normalized) ? WORD : ASCII_WORD) ?? [];
}

interface WordCache {
  terms: Map<string, readonly string[]>;
  useStopwords: boolean;
  keepNegations: boolean;
  useStem: boolean;
}

function cacheFor(options: PipelineOptions): WordCache {
  const useStopwords = options.stopwords ?? true;
  const keepNegations = options.keepNegations ?? true;
  const useStem = options.stem ?? true;
  const key = `${+useStopwords}${+keepNegations}${+useStem}`;
  let cache = wordCaches.get(key);
  if (cache === undefined) {
    cache = { terms: new Map(), useStopwords, keepNegations, useStem };
    wordCaches.set(key, cache);
  }
  return cache;
}

function cachedTerms(word: string, cache: WordCache): readonly string[] {
  let terms = cache.terms.get(word);
  if (terms === undefined) {
    terms = computeWordTerms(word, cache.useStopwords, cache.keepNegations, cache.useStem);
    if (cache.terms.size >= MAX_CACHE_ENTRIES) cache.terms.clear();
    cache.terms.set(word, terms);
  }
  return terms;
}

/** The pipeline's terms for one raw word (cached; the array is shared: do not modify it). */
export function wordTerms(word: string, options: PipelineOptions = {}): readonly string[] {
  return cachedTerms(word, cacheFor(options));
}

/** The pipeline's output terms for `text`, in order (repeats kept: they matter for tf and phrases). */
export function tokenize(text: string, options: PipelineOptions = {}): string[] {
  const cache = cacheFor(options);
  const out: string[] = [];
  for (const word of rawWords(text)) {
    const terms = cachedTerms(word, cache);
    for (let i = 0; i < terms.length; i++) out.push(terms[i]);
  }
  return out;
}

/**
 * The text as the store indexes it for full-text search (SQLite FTS5 and PostgreSQL 'simple'): the
 * pipeline's terms joined by spaces. Apply the same function to the search query.
 */
export function toSearchText(text: string, options?: PipelineOptions): string {
  return tokenize(text, options).join(' ');
}

function computeWordTerms(word: string, useStopwords: boolean, keepNegations: boolean, useStem: boolean): string[] {
  const terms: string[] = [];
  // Hyphenated words are split so every term is a single search token; reduplication ("anak-anak",
  // "berlari-lari") then collapses because both halves stem to the same root.
  for (const part of word.replace(ELONGATION, '$1').split('-')) {
    const expanded = SLANG.get(part);
    for (const w of expanded === undefined ? [part] : expanded.split(' ')) {
      const term = wordTerm(w, useStopwords, keepNegations, useStem);
      if (term !== undefined && (expanded !== undefined || terms[terms.length - 1] !== term)) terms.push(term);
    }
  }
  return terms;
}

function wordTerm(w: string, useStopwords: boolean, keepNegations: boolean, useStem: boolean): string | undefined {
  if (PLACEHOLDER_TERMS.has(w)) return w;
  // One letter is noise (initials, "a.n.", split hyphens), never a routing cue.
  if (w.length < 2 || (w.length === 2 && w.codePointAt(0)! > 0xffff)) return undefined;
  if (useStopwords && isStopword(w, keepNegations)) return undefined;
  if (!useStem) return w;
  const root = stem(w);
  // "adanya" → "ada": a root can be a function word even when the surface form is not in the list.
  if (useStopwords && root !== w && isStopword(root, keepNegations)) return undefined;
  return root;
}
