/**
 * How contact details look in Indonesian complaint texts. One set of patterns for the two places that need them:
 * the text pipeline (a placeholder word instead of a phone number, so it does not count as a topic) and the
 * public copy of a citizen's text (the number masked, so it is not published). Case-insensitive: the pipeline
 * runs them on lower-cased text, redaction on the original.
 */
export const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
// Separators people put inside phone numbers: spaces, dots, hyphens and dashes, brackets.
const SEP = '[\\s.\\-\\u2013\\u2014()]?';
// Mobile: 08xx / +62 8xx / 62 8xx / +62 (812) / +62 0812, 10–13 digits in all.
export const MOBILE = new RegExp(`(?<![\\d])(?:\\+?62${SEP}0?|0)${SEP}\\(?8\\d{1,2}\\)?(?:${SEP}\\d){6,10}(?!\\d)`, 'g');
// Landline: an area code 02x–09xx (never 00 or 01: those are dates and serial numbers, "No. 01-2024-123"),
// or +62 and the code without its 0, then 5–8 digits: (021) 555 1234, 0274-123456, +62 21 5551234.
export const LANDLINE = new RegExp(`(?<![\\d.\\/-])(?:\\(?0[2-9]\\d{1,2}\\)?|\\+?62${SEP}\\(?[2-9]\\d{1,2}\\)?)${SEP}\\d{3,4}${SEP}\\d{2,4}(?![\\d.\\/-])`, 'g');
// NIK (identity card) and KK (family card) numbers: 16 digits, written whole or in groups separated by spaces.
export const ID_NUMBER = /(?<![\d.\/-])\d(?: ?\d){15}(?![\d.\/-])/g;
