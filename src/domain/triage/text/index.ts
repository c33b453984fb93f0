export { tokenize, toSearchText, rawWords, wordTerms, type PipelineOptions } from './pipeline.js';
export { normalizeText, PLACEHOLDERS, PLACEHOLDER_TERMS } from './normalize.js';
export { SLANG, normalizeSlang } from './slang.js';
export { STOPWORDS, NEGATIONS, isStopword } from './stopwords.js';
export { stem, stemUncached, stemCacheSize } from './stemmer.js';
