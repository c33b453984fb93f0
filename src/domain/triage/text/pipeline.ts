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

const MAX_CACHE_ENTRIES = 200_000;
/** Terms of each distinct word, per option set: after warm-up a word costs one map lookup. */
const wordCaches = new Map<string, Map<string, readonly string[]>>();

/** The pipeline's output terms for `text`, in order (repeats kept: they matter for tf and phrases). */
export function tokenize(text: string, options: PipelineOptions = {}): string[] {
  const useStopwords = options.stopwords ?? true;
  const keepNegations = options.keepNegations ?? true;
  const useStem = options.stem ?? true;
  const cacheKey = `${+useStopwords}${+keepNegations}${+useStem}`;
  let cache = wordCaches.get(cacheKey);
  if (cache === undefined) {
    cache = new Map();
    wordCaches.set(cacheKey, cache);
  }

  const out: string[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    const word = match[0];
    let terms = cache.get(word);
    if (terms === undefined) {
      terms = wordTerms(word, useStopwords, keepNegations, useStem);
      if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
      cache.set(word, terms);
    }
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

function wordTerms(word: string, useStopwords: boolean, keepNegations: boolean, useStem: boolean): string[] {
  const terms: string[] = [];
  // Hyphenated words are split so every term is a single search token; reduplication ("anak-anak",
  // "berlari-lari") then collapses because both halves stem to the same root.
  for (const part of word.split('-')) {
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
