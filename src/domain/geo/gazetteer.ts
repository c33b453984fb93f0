import type { AreaLevel, AreaName } from './area.js';
import { AreaHierarchy } from './area-hierarchy.js';
import { JAKARTA_LEXICON, type GazetteerLexicon } from './gazetteer-lexicon.js';
import { PlaceTrie, tokenStream, type TokenStream } from './gazetteer-trie.js';
import { resolveMentions, type Mention, type PlaceFinding } from './gazetteer-resolve.js';
import { placeTokens, placeWords, type PlaceToken } from './place-text.js';

/**
 * Finds the administrative area a complaint mentions when it has no coordinates: "Kel. Cempaka Putih Timur",
 * "kec tanah abang", "Jaksel", "Tj. Priok", with abbreviations, joined or split words and small typos.
 * Built once from the area name list (codes, names, levels, parents); `find` is pure and fast.
 */

export interface GazetteerOptions {
  lexicon?: GazetteerLexicon;
  /** Names at least this long (letters) may match with one typo; 0 turns typo tolerance off. */
  fuzzyMinLength?: number;
}

export interface Gazetteer {
  find(text: string): PlaceFinding;
}

export type { PlaceFinding, PlaceMatch } from './gazetteer-resolve.js';

interface AliasEntry {
  area: AreaName;
  /** The name is an everyday word: only counts after a level marker. */
  commonWord: boolean;
}

/** Base confidences for one mention, before other mentions in the text support or contradict it. */
const SCORE = {
  markerAgrees: 0.95,
  markerDisagrees: 0.7,
  kota: 0.9,
  multiWord: 0.8,
  singleWord: 0.65,
  streetFactor: 0.6,
  typoPenalty: 0.2,
};

export function buildGazetteer(areas: readonly AreaName[], options: GazetteerOptions = {}): Gazetteer {
  const lexicon = options.lexicon ?? JAKARTA_LEXICON;
  const fuzzyMinLength = options.fuzzyMinLength ?? 8;
  const trie = new PlaceTrie<AliasEntry>();
  const common = new Set(lexicon.commonWordNames.map((n) => placeWords(n).join(' ')));
  for (const area of areas) {
    for (const form of nameForms(area.name, lexicon)) {
      const entry: AliasEntry = { area, commonWord: common.has(form.join(' ')) };
      for (const key of spellings(form, lexicon)) {
        if (key.length >= 3) trie.insert(key, entry, (a, b) => a.area.code === b.area.code);
      }
    }
  }
  const hierarchy = new AreaHierarchy(areas);
  const markers = markerTable(lexicon);
  const streetMarkers = lexicon.streetMarkers.map(placeWords);

  function find(text: string): PlaceFinding {
    const tokens = placeTokens(text);
    const stream = tokenStream(tokens);
    const mentions = collectMentions(tokens, stream);
    return resolveMentions(selectNonOverlapping(mentions), hierarchy, text);
  }

  function collectMentions(tokens: PlaceToken[], stream: TokenStream): Mention[] {
    const out: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const hit of trie.matchAt(stream, i, fuzzyMinLength)) {
        const marker = markerBefore(tokens, i, markers);
        const onStreet = !marker && endsWithSequence(tokens, i, streetMarkers, true);
        // Several words or one long word ("Jatinegara") are distinctive; short single words less so.
        const letters = stream.tokenStart[hit.endToken] + tokens[hit.endToken].text.length - stream.tokenStart[i];
        const multiWord = hit.endToken > i || letters >= 9;
        let entries = hit.entries.filter((e) => marker || !e.commonWord);
        if (marker && entries.some((e) => e.area.level === marker.level)) {
          entries = entries.filter((e) => e.area.level === marker.level);
        }
        if (entries.length === 0) continue;
        const spanStart = marker ? tokens[marker.firstToken].start : tokens[i].start;
        out.push({
          startToken: marker ? marker.firstToken : i,
          endToken: hit.endToken,
          start: spanStart,
          end: tokens[hit.endToken].end,
          candidates: entries.map((e) => {
            let score: number;
            if (marker) score = e.area.level === marker.level ? SCORE.markerAgrees : SCORE.markerDisagrees;
            else if (e.area.level === 'kota') score = SCORE.kota;
            else score = multiWord ? SCORE.multiWord : SCORE.singleWord;
            if (onStreet) score *= SCORE.streetFactor;
            if (hit.edits > 0) score -= SCORE.typoPenalty;
            return { area: e.area, score, via: marker ? 'marker' : onStreet ? 'street' : hit.edits > 0 ? 'typo' : 'name' };
          }),
        });
      }
    }
    return out;
  }

  return { find };
}

/** The official name and the name without its administrative prefix, then any configured aliases. */
function nameForms(name: string, lexicon: GazetteerLexicon): string[][] {
  const words = placeWords(name);
  const forms = [words];
  for (const prefix of lexicon.officialPrefixes.map(placeWords)) {
    if (words.length > prefix.length && prefix.every((w, i) => words[i] === w)) {
      forms.push(words.slice(prefix.length));
      break;
    }
  }
  for (const form of [...forms]) {
    for (const alias of lexicon.nameAliases[form.join(' ')] ?? []) forms.push(placeWords(alias));
  }
  return forms;
}

/** Every combination of word spellings, concatenated; capped so long names cannot explode. */
function spellings(words: string[], lexicon: GazetteerLexicon, cap = 64): string[] {
  let keys = [''];
  for (const word of words) {
    const options = [word, ...(lexicon.wordVariants[word] ?? [])];
    keys = keys.flatMap((k) => options.map((o) => k + o)).slice(0, cap);
  }
  return keys;
}

interface MarkerHit {
  level: AreaLevel;
  firstToken: number;
}

function markerTable(lexicon: GazetteerLexicon): { level: AreaLevel; words: string[] }[] {
  const table = (Object.keys(lexicon.levelMarkers) as AreaLevel[]).flatMap((level) =>
    lexicon.levelMarkers[level].map((m) => ({ level, words: placeWords(m) })),
  );
  return table.sort((a, b) => b.words.length - a.words.length);
}

function markerBefore(tokens: PlaceToken[], i: number, markers: { level: AreaLevel; words: string[] }[]): MarkerHit | null {
  for (const m of markers) {
    const first = i - m.words.length;
    if (first >= 0 && m.words.every((w, k) => tokens[first + k].text === w)) return { level: m.level, firstToken: first };
  }
  return null;
}

/** Whether a street marker ends right before token i (or before a "raya" there: "Jl. Raya Pasar Minggu"). */
function endsWithSequence(tokens: PlaceToken[], i: number, sequences: string[][], skipRaya: boolean): boolean {
  const before = skipRaya && i > 0 && tokens[i - 1].text === 'raya' ? i - 1 : i;
  return sequences.some((seq) => {
    const first = before - seq.length;
    return first >= 0 && seq.every((w, k) => tokens[first + k].text === w);
  });
}

/** Longest mentions first (then earliest), so "Cempaka Putih Timur" wins over "Cempaka Putih". */
function selectNonOverlapping(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort(
    (a, b) => b.endToken - b.startToken - (a.endToken - a.startToken) || a.startToken - b.startToken,
  );
  const taken: Mention[] = [];
  for (const m of sorted) {
    if (taken.every((t) => m.endToken < t.startToken || m.startToken > t.endToken)) taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}
