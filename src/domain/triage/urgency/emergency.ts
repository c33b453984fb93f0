import { INDONESIAN_URGENCY_LEXICON, type UrgencyLevel, type UrgencyLexicon } from './emergency-lexicon.js';
import { messageWords, type MessageWord } from './message-words.js';

/**
 * Detects emergency wording in a complaint. Each matched phrase is classified as active, negated ("tidak
 * ada korban"), hedged ("rawan kecelakaan", "nyaris tertimpa"), past ("bekas kebakaran") or earlier
 * ("pohon tumbang kemarin"); only active emergency phrases ask the citizen to call 112. Negation is read
 * strictly (a negator right before the phrase, optionally with "ada", "terjadi"…), never across a clause
 * break, so "air tidak surut, banjir besar" still counts.
 */

export type SignalStatus = 'active' | 'negated' | 'hedged' | 'past' | 'earlier';

export interface UrgencySignal {
  termId: string;
  /** The level the lexicon gives the phrase. */
  level: UrgencyLevel;
  /** What it counts for after context: an active emergency, a priority raise, or nothing. */
  effect: UrgencyLevel | 'none';
  status: SignalStatus;
  text: string;
  start: number;
  end: number;
}

export interface EmergencyAssessment {
  level: UrgencyLevel | 'none';
  /** Tell the citizen to call 112 now. */
  call112: boolean;
  signals: UrgencySignal[];
}

const MAX_GAP = 2;
const HEDGE_REACH = 2;
const PAST_REACH = 3;

interface PreparedLexicon {
  terms: { id: string; level: UrgencyLevel; phrases: string[][]; except: string[][] }[];
  negators: Set<string>;
  fillers: string[][];
  hedges: Set<string>;
  past: Set<string>;
  laterPast: string[][];
}

const prepared = new WeakMap<UrgencyLexicon, PreparedLexicon>();

export function detectEmergency(text: string, lexicon: UrgencyLexicon = INDONESIAN_URGENCY_LEXICON): EmergencyAssessment {
  const lex = prepare(lexicon);
  const words = messageWords(text);
  const signals: UrgencySignal[] = [];
  for (const term of lex.terms) {
    for (const phrase of term.phrases) {
      for (let i = 0; i < words.length; i++) {
        const parts = matchPhrase(words, i, phrase);
        if (!parts) continue;
        const last = parts[parts.length - 1];
        if (term.except.some((ex) => coversExcept(words, parts, ex))) continue;
        const status = statusOf(words, parts, lex);
        const effect: UrgencySignal['effect'] =
          status === 'active' ? term.level : status === 'hedged' || status === 'earlier' ? 'urgent' : 'none';
        signals.push({
          termId: term.id,
          level: term.level,
          effect,
          status,
          text: text.slice(words[i].start, words[last].end),
          start: words[i].start,
          end: words[last].end,
        });
      }
    }
  }
  const kept = dropContained(signals);
  const level = signals.some((s) => s.effect === 'emergency') ? 'emergency' : signals.some((s) => s.effect === 'urgent') ? 'urgent' : 'none';
  return { level, call112: level === 'emergency', signals: kept };
}

const RANK = { none: 0, urgent: 1, emergency: 2 } as const;

/**
 * One signal per stretch of text: "pohon tumbang" inside "pohon tumbang menimpa", "korban" inside
 * "ada korban" add nothing when the longer phrase already counts at least as much.
 */
function dropContained(signals: UrgencySignal[]): UrgencySignal[] {
  const sorted = [...signals].sort((a, b) => a.start - b.start || b.end - a.end || RANK[b.effect] - RANK[a.effect]);
  return sorted.filter(
    (s, i) => !sorted.some((o, j) => j !== i && o.start <= s.start && o.end >= s.end && RANK[o.effect] >= RANK[s.effect] && (j < i || o.end - o.start > s.end - s.start)),
  );
}

/** Word indexes of each part of the phrase starting at word i, or null. Parts stay within one clause. */
function matchPhrase(words: MessageWord[], i: number, phrase: string[]): number[] | null {
  if (words[i].text !== phrase[0]) return null;
  const parts = [i];
  let at = i;
  for (let p = 1; p < phrase.length; p++) {
    let found = -1;
    for (let k = at + 1; k <= at + 1 + MAX_GAP && k < words.length; k++) {
      if (words[k].clauseStart) break;
      if (words[k].text === phrase[p]) {
        found = k;
        break;
      }
    }
    if (found < 0) return null;
    parts.push(found);
    at = found;
  }
  return parts;
}

function coversExcept(words: MessageWord[], parts: number[], except: string[]): boolean {
  for (let s = Math.max(0, parts[0] - except.length + 1); s <= parts[0]; s++) {
    if (except.every((w, k) => words[s + k]?.text === w)) return true;
  }
  return false;
}

function statusOf(words: MessageWord[], parts: number[], lex: PreparedLexicon): SignalStatus {
  for (const p of parts) if (negatedAt(words, p, lex)) return 'negated';
  const first = parts[0];
  const last = parts[parts.length - 1];
  for (let k = first - 1; k >= Math.max(0, first - PAST_REACH); k--) {
    if (lex.past.has(words[k].text)) return 'past';
    if (words[k].clauseStart) break;
  }
  // Hedges just before the phrase or between its parts ("pohon tua takut tumbang menimpa").
  for (let k = first - 1; k >= Math.max(0, first - HEDGE_REACH); k--) {
    if (lex.hedges.has(words[k].text)) return 'hedged';
    if (words[k].clauseStart) break;
  }
  for (let k = first + 1; k < last; k++) if (!parts.includes(k) && lex.hedges.has(words[k].text)) return 'hedged';
  for (let k = last + 1; k <= last + PAST_REACH && k < words.length && !words[k].clauseStart; k++) {
    if (lex.laterPast.some((m) => m.every((w, j) => words[k + j]?.text === w))) return 'earlier';
  }
  return 'active';
}

/** A negator right before word p, possibly followed by fillers: "tidak ada korban", "tanpa korban". */
function negatedAt(words: MessageWord[], p: number, lex: PreparedLexicon): boolean {
  if (words[p].clauseStart) return false;
  if (p > 0 && lex.negators.has(words[p - 1].text)) return true;
  for (const filler of lex.fillers) {
    const n = p - filler.length - 1;
    if (n < 0 || !lex.negators.has(words[n].text)) continue;
    if (filler.every((w, k) => words[n + 1 + k].text === w && !words[n + 1 + k].clauseStart) && !words[p].clauseStart) return true;
  }
  return false;
}

function prepare(lexicon: UrgencyLexicon): PreparedLexicon {
  let p = prepared.get(lexicon);
  if (!p) {
    const split = (s: string) => s.split(/\s+/).filter(Boolean);
    p = {
      terms: lexicon.terms.map((t) => ({ id: t.id, level: t.level, phrases: t.phrases.map(split), except: (t.except ?? []).map(split) })),
      negators: new Set(lexicon.negators),
      fillers: lexicon.negationFillers.map(split),
      hedges: new Set(lexicon.hedges),
      past: new Set(lexicon.pastMarkers),
      laterPast: lexicon.laterPastMarkers.map(split),
    };
    prepared.set(lexicon, p);
  }
  return p;
}
