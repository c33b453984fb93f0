/**
 * The keyword format printed on posters for SMS complaint lines: `LAPOR <kategori>#<lokasi>#<isi>`, e.g.
 * `LAPOR jalan rusak#Jl. Daan Mogot km 12#Lubang besar, sudah 2 motor jatuh`. Citizens type it loosely: any
 * case, spaces around `#`, a missing location (`LAPOR banjir#Air setinggi lutut`), or the keyword alone
 * followed by free text (`lapor lampu jalan mati di …`). Free text without the keyword is not this format.
 */
export interface KeywordOptions {
  /** Words that open the format; default LAPOR and ADUAN. */
  keywords?: string[];
  separator?: string;
}

export interface KeywordMessage {
  keyword: string;
  categoryText?: string;
  location?: string;
  body: string;
}

const DEFAULT_KEYWORDS = ['LAPOR', 'ADUAN'];

export function parseKeywordMessage(text: string, options: KeywordOptions = {}): KeywordMessage | undefined {
  const keywords = options.keywords ?? DEFAULT_KEYWORDS;
  const sep = options.separator ?? '#';
  const trimmed = text.trim();
  const match = trimmed.match(/^([\p{L}\d]+)(?=[\s#]|$)[\s]*(.*)$/su);
  if (!match) return undefined;
  const keyword = match[1].toUpperCase();
  if (!keywords.map((k) => k.toUpperCase()).includes(keyword)) return undefined;
  const rest = match[2].replace(new RegExp(`^\\s*${escapeRegExp(sep)}`), '').trim();
  if (!rest) return undefined; // the bare keyword: keep the text as it is
  const fields = rest.split(sep).map((f) => f.trim());
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  if (fields.length >= 3) {
    // The body is everything after the second separator, as written (it may contain the separator itself).
    const bodyStart = rest.indexOf(sep, rest.indexOf(sep) + sep.length) + sep.length;
    const body = rest.slice(bodyStart).trim();
    return clean({ keyword, categoryText: oneLine(fields[0]), location: oneLine(fields[1]), body: body || rest });
  }
  if (fields.length === 2) return clean({ keyword, categoryText: oneLine(fields[0]), body: fields[1] || rest });
  return clean({ keyword, body: rest });
}

function clean(m: KeywordMessage): KeywordMessage {
  const out: KeywordMessage = { keyword: m.keyword, body: m.body };
  if (m.categoryText) out.categoryText = m.categoryText;
  if (m.location) out.location = m.location;
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
