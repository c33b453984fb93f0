/**
 * A character trie over place names written without spaces, walked across token boundaries. Matching on
 * the concatenation makes "Kramat Jati", "Kramatjati" and "Pal Merah"/"Palmerah" the same name without
 * listing both spellings; a match must still start and end on token boundaries, so "Menteng" never
 * matches inside "Mentengan". Optionally one edit (substitution, insertion, deletion or transposition,
 * never on the first letter) is allowed for long names to absorb typos ("Cempaka Putih Timor").
 */

export interface TrieNode<E> {
  children: Map<string, TrieNode<E>>;
  entries: E[] | null;
}

export interface TrieHit<E> {
  /** Index of the last token of the match. */
  endToken: number;
  edits: number;
  entries: E[];
}

export class PlaceTrie<E> {
  private readonly root: TrieNode<E> = { children: new Map(), entries: null };

  insert(key: string, entry: E, same: (a: E, b: E) => boolean): void {
    let node = this.root;
    for (const ch of key) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map(), entries: null };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.entries ??= [];
    if (!node.entries.some((e) => same(e, entry))) node.entries.push(entry);
  }

  /**
   * Every name starting at token `startToken` of a prepared stream, one hit per end token (fewest edits).
   * `fuzzyMinLength` 0 disables fuzzy matching.
   */
  matchAt(stream: TokenStream, startToken: number, fuzzyMinLength: number): TrieHit<E>[] {
    const hits = new Map<number, TrieHit<E>>();
    const { chars, isTokenEnd, tokenOfChar } = stream;
    const start = stream.tokenStart[startToken];
    const record = (pos: number, edits: number, node: TrieNode<E>, depth: number) => {
      if (!node.entries || pos <= start || !isTokenEnd[pos - 1]) return;
      if (edits > 0 && depth < fuzzyMinLength) return;
      const endToken = tokenOfChar[pos - 1];
      const prior = hits.get(endToken);
      if (!prior || prior.edits > edits) hits.set(endToken, { endToken, edits, entries: node.entries });
    };
    const walk = (node: TrieNode<E>, pos: number, edits: number, depth: number): void => {
      record(pos, edits, node, depth);
      const ch = pos < chars.length ? chars[pos] : '';
      const exact = ch ? node.children.get(ch) : undefined;
      if (exact) walk(exact, pos + 1, edits, depth + 1);
      if (fuzzyMinLength <= 0 || edits > 0 || depth === 0) return;
      // A letter missing from the text must be inside a word: at a word end it would let "jembatan" match
      // "Jembatan V" or any name one letter longer than a word the text ends with.
      const insideWord = ch !== '' && pos > start && !isTokenEnd[pos - 1];
      for (const [c, child] of node.children) {
        if (ch && c !== ch) walk(child, pos + 1, 1, depth + 1); // substitution
        if (insideWord) walk(child, pos, 1, depth + 1); // the text lacks a letter
      }
      if (ch) walk(node, pos + 1, 1, depth); // the text has an extra letter
      if (ch && pos + 1 < chars.length) {
        const swapped = node.children.get(chars[pos + 1])?.children.get(ch);
        if (swapped) walk(swapped, pos + 2, 1, depth + 2); // two letters swapped
      }
    };
    walk(this.root, start, 0, 0);
    return [...hits.values()];
  }
}

/** The text's tokens concatenated, with the bookkeeping the trie walk needs. */
export interface TokenStream {
  chars: string;
  tokenStart: number[];
  isTokenEnd: Uint8Array;
  tokenOfChar: Int32Array;
}

export function tokenStream(tokens: readonly { text: string }[]): TokenStream {
  const chars = tokens.map((t) => t.text).join('');
  const tokenStart: number[] = [];
  const isTokenEnd = new Uint8Array(chars.length);
  const tokenOfChar = new Int32Array(chars.length);
  let pos = 0;
  tokens.forEach((token, i) => {
    tokenStart.push(pos);
    tokenOfChar.fill(i, pos, pos + token.text.length);
    pos += token.text.length;
    isTokenEnd[pos - 1] = 1;
  });
  return { chars, tokenStart, isTokenEnd, tokenOfChar };
}
