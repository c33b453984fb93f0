import { EMAIL, ID_NUMBER, LANDLINE, MOBILE } from './contact-patterns.js';

/** What replaces a contact detail in a published text (the same in both languages). */
export const REDACTED = '[disamarkan]';

/**
 * The public copy of a citizen's text: e-mail addresses, phone numbers and NIK/KK numbers masked. Citizens often
 * write "hubungi saya di 0812…" into the complaint itself; the complaint is public (tracking, Open311, open data)
 * but their number must not be. The stored text is untouched: officers and the citizen see it whole.
 */
export function redactContacts(text: string): string;
export function redactContacts(text: string | null): string | null;
export function redactContacts(text: string | null): string | null {
  if (text === null || !/[\d@]/.test(text)) return text;
  return text.replace(EMAIL, REDACTED).replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED);
}
