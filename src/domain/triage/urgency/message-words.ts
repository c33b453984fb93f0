/**
 * Words of a raw message for the urgency and abuse detectors, with offsets and clause boundaries. Kept
 * separate from the text pipeline on purpose: these detectors need unstemmed words ("menimpa" vs "timpa"
 * matter less than "tertimpa" vs "menimpa" direction), punctuation as clause breaks, and undoing the
 * disguises people use for swear words (a.n.j.i.n.g, 4nj1ng, anjiiing, anj*ng).
 */

export interface MessageWord {
  /** Lower case, no diacritics, leetspeak undone, "-nya" kept. */
  text: string;
  start: number;
  end: number;
  /** True when a clause break (. , ; : ! ? newline) separates this word from the previous one. */
  clauseStart: boolean;
}

const WORD = /[\p{L}\p{N}@$*]+/gu;
const CLAUSE_BREAK = /[.,;:!?\n]/;
const LEET: Record<string, string> = { '4': 'a', '@': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '5': 's', $: 's', '7': 't' };

export function messageWords(text: string): MessageWord[] {
  const words: MessageWord[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const raw = match[0];
    words.push({
      text: normalize(raw),
      start,
      end: start + raw.length,
      clauseStart: words.length === 0 || CLAUSE_BREAK.test(text.slice(previousEnd, start)),
    });
    previousEnd = start + raw.length;
  }
  return joinSpelledOut(words, text);
}

function normalize(raw: string): string {
  const folded = raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // Digits inside a word are leetspeak ("4nj1ng"); a number on its own stays a number.
  if (/\p{L}/u.test(folded)) return folded.replace(/[4@31!05$7]/g, (c) => LEET[c] ?? c);
  return folded;
}

/** "a n j i n g" or "a.n.j.i.n.g": three or more single letters in a row become one word. */
function joinSpelledOut(words: MessageWord[], text: string): MessageWord[] {
  const out: MessageWord[] = [];
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (j < words.length && words[j].text.length === 1 && /\p{L}/u.test(words[j].text) && (j === i || words[j].start - words[j - 1].end <= 1)) j++;
    if (j - i >= 3) {
      out.push({ text: words.slice(i, j).map((w) => w.text).join(''), start: words[i].start, end: words[j - 1].end, clauseStart: words[i].clauseStart });
      i = j - 1;
    } else out.push(words[i]);
  }
  void text;
  return out;
}

/** "anjiiing" → "anjing", "gooblokkk" → "goblok": letters repeated for emphasis collapse to one. */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}
