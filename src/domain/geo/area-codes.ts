import type { AreaLevel } from './area.js';

/**
 * Kemendagri area codes. The product stores them dotted (`31.71.01.1001`); some sources (older
 * `idn-area-data` releases, spreadsheets) carry the same digits without dots (`3171011001`).
 * BPS codes (`3171010001`, 3-digit kecamatan and desa parts) are a different scheme and cannot be converted
 * by re-punctuation, so they are not accepted here.
 */

const DOTTED = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const COMPACT = /^(\d{2}|\d{4}|\d{6}|\d{10})$/;

export function isDottedAreaCode(code: string): boolean {
  return DOTTED.test(code);
}

/**
 * Returns the dotted Kemendagri form of a code given dotted or compact (2, 4, 6 or 10 digits),
 * or null when it is neither.
 */
export function toDottedAreaCode(code: string): string | null {
  const trimmed = code.trim();
  if (DOTTED.test(trimmed)) return trimmed;
  if (!COMPACT.test(trimmed)) return null;
  const parts = [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4, 6), trimmed.slice(6, 10)];
  return parts.filter((p) => p.length > 0).join('.');
}

/** The compact (digits only) form of a dotted code. */
export function toCompactAreaCode(code: string): string {
  return code.replace(/\./g, '');
}

/** The level a dotted code denotes: 2 segments kota, 3 kecamatan, 4 kelurahan; province codes give null. */
export function levelOfAreaCode(code: string): AreaLevel | null {
  if (!DOTTED.test(code)) return null;
  const segments = code.split('.').length;
  if (segments === 2) return 'kota';
  if (segments === 3) return 'kecamatan';
  if (segments === 4) return 'kelurahan';
  return null;
}

/** The parent's dotted code (a kota's parent is its province, which the area list does not hold: null). */
export function parentOfAreaCode(code: string): string | null {
  if (!DOTTED.test(code)) return null;
  const segments = code.split('.');
  if (segments.length <= 2) return null;
  return segments.slice(0, -1).join('.');
}
