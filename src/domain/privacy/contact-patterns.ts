/**
 * How contact details look in Indonesian complaint texts. One set of patterns for the two places that need them:
 * the text pipeline (a placeholder word instead of a phone number, so it does not count as a topic) and the
 * public copy of a citizen's text (the number masked, so it is not published). Case-insensitive: the pipeline
 * runs them on lower-cased text, redaction on the original.
 */
export const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
// Mobile: 08xx / +62 8xx / 62 8xx with optional separators; landline: (021) 123 4567, 0274-123456.
export const MOBILE = /(?<![\d])(?:\+62|62|0)[\s.-]?8\d{1,2}(?:[\s.-]?\d){6,10}(?!\d)/g;
export const LANDLINE = /(?<![\d])\(?0\d{1,3}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)/g;
// NIK (identity card) and KK (family card) numbers: 16 digits, often written in groups (6-6-4, 4-4-4-4).
export const ID_NUMBER = /(?<![\d])\d(?:[\s.-]?\d){15}(?!\d)/g;
