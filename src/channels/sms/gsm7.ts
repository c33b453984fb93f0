/**
 * The GSM 03.38 default alphabet: which texts fit in 7-bit SMS (160 characters) and which force UCS-2
 * (70 characters), and how many septets a text takes. Characters of the extension table are sent as ESC +
 * character and so count 2.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

/** Septets for one character, or undefined when it is not in GSM-7. */
export function gsm7Septets(ch: string): 1 | 2 | undefined {
  if (basicSet.has(ch)) return 1;
  if (extensionSet.has(ch)) return 2;
  return undefined;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (gsm7Septets(ch) === undefined) return false;
  return true;
}

export function gsm7Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const s = gsm7Septets(ch);
    if (s === undefined) throw new RangeError(`'${ch}' is not in the GSM-7 alphabet`);
    n += s;
  }
  return n;
}

export function detectEncoding(text: string): SmsEncoding {
  return isGsm7(text) ? 'gsm7' : 'ucs2';
}

/**
 * Characters that slip into templates and phone keyboards but would force the whole SMS into UCS-2 (halving
 * its length), mapped to GSM-7 look-alikes. Applied to our outgoing texts only, never to citizens' texts.
 */
const LOOKALIKES: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'",
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"',
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2212': '-',
  '\u2026': '...', // …
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u00B4': "'",
  '\u2022': '-', // •
  '\t': ' ',
  '\u00E1': 'a',
  '\u00ED': 'i',
  '\u00F3': 'o',
  '\u00FA': 'u',
  '\u00E7': 'Ç',
};

export function toGsmFriendly(text: string): string {
  let out = '';
  for (const ch of text) out += gsm7Septets(ch) !== undefined ? ch : (LOOKALIKES[ch] ?? ch);
  return out;
}
