import { splitCsvLine } from '../../domain/calendar/holiday-csv.js';

/**
 * Parser of a population file for channel reach: UTF-8 CSV with a header naming the columns `code` (Kemendagri
 * area code, e.g. `31.71.01.1001`) and `population` (residents, a whole number); other columns (name, year,
 * source) are ignored, so an export of the statistics office can be imported as it is. `kode` and
 * `jumlah_penduduk` are accepted as column names too. Pure: the caller checks codes against its areas. All or
 * nothing: every error carries its line number.
 */
export interface PopulationRow {
  readonly line: number;
  readonly code: string;
  readonly population: number;
}

export interface PopulationError {
  readonly line: number;
  readonly message: string;
}

const CODE_NAMES = ['code', 'kode', 'area_code', 'kode_wilayah'];
const POPULATION_NAMES = ['population', 'jumlah_penduduk', 'penduduk'];

export function parsePopulationCsv(text: string): { rows: PopulationRow[]; errors: PopulationError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: PopulationRow[] = [];
  const errors: PopulationError[] = [];
  const seen = new Map<string, number>();
  let header: { code: number; population: number; width: number } | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = splitCsvLine(raw);
    if (!fields) {
      errors.push({ line, message: 'unclosed quote' });
      return;
    }
    if (!header) {
      const names = fields.map((f) => f.toLowerCase());
      const code = names.findIndex((n) => CODE_NAMES.includes(n));
      const population = names.findIndex((n) => POPULATION_NAMES.includes(n));
      if (code < 0 || population < 0) {
        errors.push({ line, message: 'the header must name the columns code and population' });
        header = { code: 0, population: 1, width: -1 };
      } else header = { code, population, width: fields.length };
      return;
    }
    if (header.width < 0) return;
    if (fields.length !== header.width) {
      errors.push({ line, message: `expected ${header.width} fields, got ${fields.length}` });
      return;
    }
    const code = fields[header.code];
    const text = fields[header.population].replace(/[._\s](?=\d{3}(\D|$))/g, '');
    const population = Number(text);
    const before = errors.length;
    if (!/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(code)) errors.push({ line, message: `"${code}" is not an area code like 31.71.01.1001` });
    if (text === '' || !Number.isInteger(population) || population < 0) errors.push({ line, message: `population "${fields[header.population]}" is not a whole number ≥ 0` });
    const first = seen.get(code);
    if (first !== undefined) errors.push({ line, message: `${code} is already listed on line ${first}` });
    if (errors.length > before) return;
    seen.set(code, line);
    rows.push({ line, code, population });
  });
  if (!header) errors.push({ line: 1, message: 'the file is empty' });
  return { rows, errors };
}
