/**
 * RFC 4180 CSV: fields separated by a delimiter, records by CRLF or LF, fields optionally in double
 * quotes, where a quote is written twice and delimiters and line breaks are literal. Complaint exports
 * put whole letters (with newlines and quotes) in one field, so splitting on lines is not enough.
 */
export interface CsvOptions {
  delimiter?: string;
}

export class CsvError extends Error {
  readonly code = 'csv_invalid';
}

/** All records as arrays of fields (a trailing line break does not make an empty record). */
export function parseCsv(input: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new CsvError(`invalid delimiter ${JSON.stringify(delimiter)}`);
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: read up to the closing quote, unescaping doubled quotes.
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        const chunk = text.slice(i, q);
        for (let c = 0; c < chunk.length; c++) if (chunk.charCodeAt(c) === 10) line++;
        field += chunk;
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) throw new CsvError(`unterminated quoted field starting on line ${startLine}`);
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvError(`unexpected character after closing quote on line ${line}`);
      }
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      // A quote inside an unquoted field is kept literally (lenient, as spreadsheet exports need).
      const stop = nextSpecial(text, i + 1, delimiter);
      field += text.slice(i, stop);
      i = stop;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Records as objects keyed by the header row; every record must have the header's field count. */
export function parseCsvObjects(input: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input, options);
  if (header === undefined) return [];
  return rows.map((row, r) => {
    if (row.length !== header.length) {
      throw new CsvError(`record ${r + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    const out: Record<string, string> = {};
    header.forEach((name, c) => {
      out[name] = row[c];
    });
    return out;
  });
}

function nextSpecial(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === delimiter || ch === '\n' || ch === '\r' || ch === '"') return i;
  }
  return text.length;
}
