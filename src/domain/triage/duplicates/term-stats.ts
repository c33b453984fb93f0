/**
 * Document frequencies over the open cases, for IDF-weighted cosine similarity. Tokens are interned to
 * small integers so each case keeps a sorted number array (cheap to store a million of, fast to intersect).
 * Weights are read at query time, so they follow the open-case population as it changes.
 */

export class TermStats {
  private readonly ids = new Map<string, number>();
  private df: Int32Array = new Int32Array(1024);
  /** Number of documents (open cases) counted. */
  docs = 0;

  /** Sorted unique term ids of a token list, interning new tokens. */
  intern(tokens: readonly string[]): number[] {
    const out: number[] = [];
    for (const token of tokens) {
      let id = this.ids.get(token);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(token, id);
        if (id >= this.df.length) {
          const grown = new Int32Array(this.df.length * 2);
          grown.set(this.df);
          this.df = grown;
        }
      }
      out.push(id);
    }
    return sortedUnique(out);
  }

  /** Sorted unique ids of known tokens, and the count of tokens never seen (they still weigh in the norm). */
  lookup(tokens: readonly string[]): { ids: number[]; unseen: number } {
    const ids: number[] = [];
    const unseen = new Set<string>();
    for (const token of tokens) {
      const id = this.ids.get(token);
      if (id === undefined) unseen.add(token);
      else ids.push(id);
    }
    return { ids: sortedUnique(ids), unseen: unseen.size };
  }

  add(terms: readonly number[]): void {
    for (const t of terms) this.df[t]++;
    this.docs++;
  }

  remove(terms: readonly number[]): void {
    for (const t of terms) this.df[t]--;
    this.docs--;
  }

  /** BM25's IDF, always positive: rare words weigh more than "jalan" or "rusak". */
  idf(term: number): number {
    const df = this.df[term] ?? 0;
    return Math.log(1 + (this.docs - df + 0.5) / (df + 0.5));
  }

  /** IDF of a word no open case contains. */
  unseenIdf(): number {
    return Math.log(1 + (this.docs + 0.5) / 0.5);
  }

  /** Sum of squared weights: the squared norm of a term set. */
  squaredNorm(terms: readonly number[]): number {
    let sum = 0;
    for (const t of terms) {
      const w = this.idf(t);
      sum += w * w;
    }
    return sum;
  }

  /** Weighted cosine of two sorted term sets, given the query's squared norm. */
  cosine(query: readonly number[], queryNorm2: number, doc: readonly number[]): number {
    let dot = 0;
    let i = 0;
    let j = 0;
    while (i < query.length && j < doc.length) {
      const a = query[i];
      const b = doc[j];
      if (a === b) {
        const w = this.idf(a);
        dot += w * w;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    if (dot === 0) return 0;
    return dot / Math.sqrt(queryNorm2 * this.squaredNorm(doc));
  }
}

function sortedUnique(ids: number[]): number[] {
  ids.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i];
  ids.length = n;
  return ids;
}
