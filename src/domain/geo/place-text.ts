/**
 * Tokens of raw complaint text for the gazetteer, with offsets into the original string so a match can be
 * shown to the officer exactly as the citizen wrote it. Letters are lower-cased and stripped of diacritics;
 * every run of other characters (spaces, dots, commas, slashes, hyphens) is a boundary.
 */

export interface PlaceToken {
  /** Normalized form: lower case, no diacritics. */
  text: string;
  /** Offsets in the original string (end exclusive). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function placeTokens(text: string): PlaceToken[] {
  const tokens: PlaceToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    tokens.push({ text: normalizeWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Normalized words of a name or phrase ("Kota Adm. Jakarta Pusat" → ["kota", "adm", "jakarta", "pusat"]). */
export function placeWords(phrase: string): string[] {
  return placeTokens(phrase).map((t) => t.text);
}
