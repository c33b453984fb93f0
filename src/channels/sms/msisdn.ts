import { validationFailed } from '../../domain/errors.js';

/**
 * Indonesian phone numbers as citizens and gateways write them (`0812-3456-7890`, `62812…`, `+62 812…`,
 * `0062812…`, `(0812) 3456 7890`) turned into the one form we store and send to: E.164 digits without `+`,
 * e.g. `6281234567890` (the `phone` contact kind).
 *
 * Mobile numbers are `8` followed by 8–11 digits after the country code (Telkomsel 0811–0813/0821–0823/
 * 0851–0853, Indosat 0814–0816/0855–0858, XL 0817–0819/0859/0877–0878, Tri 0895–0899, Smartfren 0881–0889,
 * …). Fixed lines (`021…` in Jakarta) can be allowed for walk-in contacts, but an SMS gateway only needs mobiles.
 */
export interface MsisdnOptions {
  /** Also accept fixed-line numbers (area code 2–9, 7–10 digits after the trunk 0). Default false. */
  allowFixedLine?: boolean;
}

export function normalizeIndonesianMsisdn(input: string, options: MsisdnOptions = {}): string {
  const result = tryNormalizeIndonesianMsisdn(input, options);
  if (!result) {
    throw validationFailed([{ field: 'phone', message: `'${mask(input)}' is not an Indonesian ${options.allowFixedLine ? 'phone' : 'mobile'} number` }]);
  }
  return result;
}

/** The same, returning undefined instead of throwing (for gateways that send short codes or alphanumerics). */
export function tryNormalizeIndonesianMsisdn(input: string, options: MsisdnOptions = {}): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  // Only digits and common separators; letters mean an alphanumeric sender id, not a number.
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  const plus = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (plus) {
    if (!digits.startsWith('62')) return undefined;
    digits = digits.slice(2);
  } else if (digits.startsWith('0062')) {
    digits = digits.slice(4);
  } else if (digits.startsWith('62')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1);
  } else if (!digits.startsWith('8')) {
    return undefined;
  }
  // "+62 0812…" is a common mistake: the trunk 0 after the country code.
  if (digits.startsWith('0')) digits = digits.slice(1);
  if (/^8\d{8,11}$/.test(digits)) return `62${digits}`;
  if (options.allowFixedLine && /^[2-79]\d{6,9}$/.test(digits)) return `62${digits}`;
  return undefined;
}

/** Keeps logs and error messages free of full phone numbers. */
export function mask(msisdn: string): string {
  const s = String(msisdn);
  return s.length <= 6 ? '***' : `${s.slice(0, 4)}${'*'.repeat(s.length - 7)}${s.slice(-3)}`;
}
