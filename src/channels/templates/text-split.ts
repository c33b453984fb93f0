/**
 * Cutting a long text into pieces for channels with a length limit (Messenger 2,000, X DMs 10,000, …), at
 * paragraph, line, then word boundaries. `measure` lets a channel count in its own units; the default counts
 * UTF-16 code units, which is what Meta and most JSON APIs limit.
 */
export function splitText(text: string, limit: number, measure: (s: string) => number = (s) => s.length): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest && measure(rest) > limit) {
    const fit = longestPrefixWithin(rest, limit, measure);
    const window = rest.slice(0, fit + 1);
    let cut = -1;
    // A paragraph or line break wins if it keeps at least half the piece; a word break anywhere beats
    // cutting a word in two.
    for (const [sep, min] of [['\n\n', fit / 2], ['\n', fit / 2], [' ', 0]] as const) {
      const at = window.lastIndexOf(sep);
      if (at > min) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = fit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The largest index i on a grapheme boundary (so emoji and combining marks stay whole) such that
 * measure(text.slice(0, i)) <= limit; at least one grapheme so the caller always progresses. Binary search:
 * every measure we use grows with the prefix, and measuring is the costly part (X's weighted length).
 */
function longestPrefixWithin(text: string, limit: number, measure: (s: string) => number): number {
  const ends: number[] = [];
  for (const { index, segment } of graphemes.segment(text)) {
    const end = index + segment.length;
    // Our measures count about one per character (links excepted), so boundaries far past the limit cannot
    // fit; with very long links this only makes a part shorter than it could be, never too long.
    if (index > limit * 2 + 64) break;
    ends.push(end);
  }
  let lo = 0;
  let hi = ends.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (measure(text.slice(0, ends[mid])) <= limit) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best >= 0 ? ends[best] : ends[0];
}
