import {
  type HolidayEntry,
  type HolidayStatus,
  HOLIDAY_STATUSES,
  HOLIDAY_TYPES,
  isHolidayStatus,
  isHolidayType,
} from './holiday.js';
import { parseIsoDate } from './local-time.js';

/**
 * Parser for the admin's holiday import file (`npx cepat calendar import FILE.csv`).
 *
 * Format: UTF-8 CSV, one holiday per line, `date,type,name[,status]` — `date` YYYY-MM-DD, `type` one of
 * libur_nasional | cuti_bersama | libur_pemilu, `name` in Indonesian, `status` official | unverified |
 * provisional (default official: an admin importing a decree is entering official dates). Fields may be
 * quoted with `"` (`""` inside quotes is a quote). Blank lines and lines starting with `#` are skipped.
 * An optional header line names the columns; with a header, columns are matched by name and unknown
 * columns (e.g. `year`, `source`) are ignored, so a richer export can be imported as it is.
 * `official_unverified` is accepted as a synonym of `unverified`.
 *
 * The whole file is rejected if any line is wrong, so that a half-imported calendar never silently shifts
 * deadlines; every error names its line (1-based, counting the header and blank lines).
 */
export interface HolidayCsvError {
  readonly line: number;
  readonly code: 'bad_columns' | 'bad_date' | 'bad_type' | 'bad_name' | 'bad_status' | 'duplicate_date' | 'bad_quotes';
  readonly message: string;
}

export type HolidayCsvResult =
  | { readonly ok: true; readonly entries: HolidayEntry[] }
  | { readonly ok: false; readonly errors: HolidayCsvError[] };

const STATUS_SYNONYMS: Record<string, HolidayStatus> = { official_unverified: 'unverified' };

/** Splits one CSV line; returns null when a quote is left open (multi-line fields are not supported). */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

export function parseHolidayCsv(text: string): HolidayCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: HolidayCsvError[] = [];
  const entries: HolidayEntry[] = [];
  const seen = new Map<string, number>();
  // Without a header the columns are positional: date,type,name[,status].
  let columns: { date: number; type: number; name: number; status?: number } = { date: 0, type: 1, name: 2, status: 3 };
  let width = { min: 3, max: 4 };
  let firstRecord = true;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = splitCsvLine(raw);
    if (fields === null) {
      errors.push({ line, code: 'bad_quotes', message: 'unclosed quote' });
      return;
    }
    const isHeader = firstRecord && fields.some((f) => f.toLowerCase() === 'date');
    firstRecord = false;
    if (isHeader) {
      const names = fields.map((f) => f.toLowerCase());
      const find = (name: string) => (names.includes(name) ? names.indexOf(name) : undefined);
      const [date, type, name, status] = [find('date'), find('type'), find('name'), find('status')];
      if (date === undefined || type === undefined || name === undefined) {
        errors.push({ line, code: 'bad_columns', message: 'header must name the columns date, type and name' });
      } else {
        columns = { date, type, name, status };
        width = { min: fields.length, max: fields.length };
      }
      return;
    }
    if (fields.length < width.min || fields.length > width.max) {
      const expected = width.min === width.max ? `${width.min}` : `${width.min}–${width.max}`;
      errors.push({ line, code: 'bad_columns', message: `expected ${expected} fields, got ${fields.length}` });
      return;
    }
    const date = fields[columns.date];
    const type = fields[columns.type];
    const name = fields[columns.name];
    const statusText = columns.status === undefined ? '' : (fields[columns.status] ?? '');
    const status = statusText === '' ? 'official' : (STATUS_SYNONYMS[statusText] ?? statusText);
    const before = errors.length;
    if (parseIsoDate(date) === null) {
      errors.push({ line, code: 'bad_date', message: `"${date}" is not a real YYYY-MM-DD date` });
    }
    if (!isHolidayType(type)) {
      errors.push({ line, code: 'bad_type', message: `type "${type}" is not one of ${HOLIDAY_TYPES.join(', ')}` });
    }
    if (name === '') errors.push({ line, code: 'bad_name', message: 'name is empty' });
    if (!isHolidayStatus(status)) {
      const allowed = HOLIDAY_STATUSES.join(', ');
      errors.push({ line, code: 'bad_status', message: `status "${statusText}" is not one of ${allowed}` });
    }
    const firstLine = seen.get(date);
    if (firstLine !== undefined) {
      errors.push({ line, code: 'duplicate_date', message: `${date} is already listed on line ${firstLine}` });
    }
    if (errors.length > before || !isHolidayType(type) || !isHolidayStatus(status)) return;
    seen.set(date, line);
    entries.push({ date, type, name, status });
  });

  if (errors.length > 0) return { ok: false, errors };
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, entries };
}
