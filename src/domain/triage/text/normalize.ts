import { EMAIL, LANDLINE, MOBILE } from '../../privacy/contact-patterns.js';

/**
 * Character-level clean-up that runs before tokenizing: case, Unicode look-alikes, and the things that
 * identify one message rather than describe a problem (links, e-mail addresses, @mentions, phone numbers,
 * numbers) replaced by placeholder words. Placeholders are plain ASCII letters so that SQLite FTS5
 * (unicode61) and PostgreSQL index each one as a single term.
 */
export const PLACEHOLDERS = {
  url: 'xurl',
  email: 'xemail',
  mention: 'xmention',
  phone: 'xphone',
  number: 'xnum',
} as const;

export const PLACEHOLDER_TERMS: ReadonlySet<string> = new Set(Object.values(PLACEHOLDERS));

// Scheme or www links, and bare links on the domains Indonesians paste most (bit.ly, *.go.id, *.com …).
const URL =
  /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|ly|me|io|co)(?:\/\S*)?(?![a-z0-9])/g;
const MENTION = /(?<![a-z0-9_])@[a-z0-9_]+(?:\.[a-z0-9_]+)*/g;
// "anak2", "jalan2": informal reduplication written with a 2.
const REDUPLICATION = /\b([a-z]{2,})2\b/g;
const NUMBER = /\d+(?:[.,:/]\d+)*/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cased text with placeholders in place of links, addresses, mentions, phone numbers and numbers. */
export function normalizeText(text: string): string {
  // NFKC folds the "bold/italic" Unicode letters used on social media back to ASCII; skip it for plain
  // ASCII input, which is nearly all of it, because it is the slowest step.
  let out = NON_ASCII.test(text) ? text.normalize('NFKC').toLowerCase() : text.toLowerCase();
  if (out.includes('@')) {
    out = out.replace(EMAIL, ` ${PLACEHOLDERS.email} `).replace(MENTION, ` ${PLACEHOLDERS.mention} `);
  }
  if (out.includes('.')) out = out.replace(URL, ` ${PLACEHOLDERS.url} `);
  if (/\d/.test(out)) {
    out = out
      .replace(MOBILE, ` ${PLACEHOLDERS.phone} `)
      .replace(LANDLINE, ` ${PLACEHOLDERS.phone} `)
      .replace(REDUPLICATION, '$1')
      .replace(NUMBER, ` ${PLACEHOLDERS.number} `);
  }
  return out;
}
