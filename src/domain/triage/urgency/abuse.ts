import { INDONESIAN_ABUSE_LEXICON, type AbuseLexicon } from './abuse-lexicon.js';
import { messageWords, squeeze, type MessageWord } from './message-words.js';

/**
 * Flags abusive language for an officer. Nothing is dropped or hidden here: the complaint still counts,
 * the flag only tells the officer (and a public view) to handle the wording. Censored forms ("anj*ng",
 * "b*ngsat") match a listed word of the same length.
 */

export interface AbuseMatch {
  term: string;
  severity: 'strong' | 'contextual';
  text: string;
  start: number;
  end: number;
}

export interface AbuseAssessment {
  abusive: boolean;
  matches: AbuseMatch[];
}

interface Prepared {
  strong: Map<string, string>;
  contextual: Map<string, string>;
  phrases: { words: string[]; term: string; severity: AbuseMatch['severity'] }[];
  targets: Set<string>;
  all: { form: string; term: string; severity: AbuseMatch['severity'] }[];
}

const cache = new WeakMap<AbuseLexicon, Prepared>();
const TARGET_REACH = 2;

export function detectAbuse(text: string, lexicon: AbuseLexicon = INDONESIAN_ABUSE_LEXICON): AbuseAssessment {
  const lex = prepare(lexicon);
  const words = messageWords(text);
  const matches: AbuseMatch[] = [];
  const push = (term: string, severity: AbuseMatch['severity'], from: number, to: number) =>
    matches.push({ term, severity, text: text.slice(words[from].start, words[to].end), start: words[from].start, end: words[to].end });

  for (let i = 0; i < words.length; i++) {
    const phrase = lex.phrases.find((p) => p.words.every((w, k) => words[i + k] && squeeze(words[i + k].text) === w));
    if (phrase) {
      if (phrase.severity === 'strong' || aimed(words, i, i + phrase.words.length - 1, lex)) push(phrase.term, phrase.severity, i, i + phrase.words.length - 1);
      i += phrase.words.length - 1;
      continue;
    }
    const hit = lookup(words[i].text, lex);
    if (!hit) continue;
    if (hit.severity === 'strong' || aimed(words, i, i, lex)) push(hit.term, hit.severity, i, i);
  }
  return { abusive: matches.length > 0, matches };
}

function lookup(word: string, lex: Prepared): { term: string; severity: AbuseMatch['severity'] } | null {
  const plain = squeeze(word.replace(/nya$/, ''));
  const strong = lex.strong.get(squeeze(word)) ?? lex.strong.get(plain);
  if (strong) return { term: strong, severity: 'strong' };
  const contextual = lex.contextual.get(squeeze(word)) ?? lex.contextual.get(plain);
  if (contextual) return { term: contextual, severity: 'contextual' };
  if (word.includes('*') && word.replace(/\*/g, '').length >= 2) {
    // A censored word: every visible letter must be in place, the stars stand for any letter.
    const pattern = new RegExp(`^${word.replace(/[^a-z*]/g, '').replace(/\*/g, '[a-z]')}$`);
    const found = lex.all.find((e) => pattern.test(e.form));
    // Censoring a word shows the writer means it as a swear word, so it counts as strong.
    if (found) return { term: found.term, severity: 'strong' };
  }
  return null;
}

/** A contextual word counts when a pronoun, an official or "dasar"/"kayak" sits next to it, in one clause. */
function aimed(words: MessageWord[], from: number, to: number, lex: Prepared): boolean {
  const isTarget = (w: MessageWord) => lex.targets.has(w.text) || lex.targets.has(w.text.replace(/(nya|mu)$/, ''));
  for (let k = from - 1; k >= Math.max(0, from - TARGET_REACH) && !words[k + 1].clauseStart; k--) {
    if (isTarget(words[k])) return true;
  }
  for (let k = to + 1; k <= to + TARGET_REACH && k < words.length; k++) {
    if (words[k].clauseStart) break;
    if (isTarget(words[k])) return true;
  }
  return false;
}

function prepare(lexicon: AbuseLexicon): Prepared {
  let p = cache.get(lexicon);
  if (!p) {
    const single = (list: string[]) => new Map(list.filter((t) => !t.includes(' ')).map((t) => [squeeze(t), t]));
    const multi = (list: string[], severity: AbuseMatch['severity']) =>
      list.filter((t) => t.includes(' ')).map((t) => ({ words: t.split(' ').map(squeeze), term: t, severity }));
    p = {
      strong: single(lexicon.strong),
      contextual: single(lexicon.contextual),
      phrases: [...multi(lexicon.strong, 'strong'), ...multi(lexicon.contextual, 'contextual')],
      targets: new Set(lexicon.targets),
      all: [
        ...lexicon.strong.map((t) => ({ form: t, term: t, severity: 'strong' as const })),
        ...lexicon.contextual.map((t) => ({ form: t, term: t, severity: 'contextual' as const })),
      ].filter((e) => !e.form.includes(' ')),
    };
    cache.set(lexicon, p);
  }
  return p;
}
