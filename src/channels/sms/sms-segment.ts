import { detectEncoding, gsm7Septets, type SmsEncoding } from './gsm7.js';

/**
 * How an outgoing text is cut into SMS segments. A single SMS holds 160 GSM-7 septets or 70 UCS-2 code units;
 * once concatenated, the 6-byte UDH leaves 153 septets or 67 code units per segment. Phones rejoin the
 * segments, but each is billed and limited by the gateway, so we count them before sending. A segment never
 * ends between an ESC and its extension character, nor between the two halves of a surrogate pair (an emoji),
 * which would turn into garbage on the handset.
 */
export interface SmsSegments {
  encoding: SmsEncoding;
  segments: string[];
  /** Units used (septets for GSM-7, UTF-16 code units for UCS-2). */
  units: number;
  /** Units left in the last segment before another one is needed. */
  remaining: number;
}

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
};

export function segmentSms(text: string, forceEncoding?: SmsEncoding): SmsSegments {
  const encoding = forceEncoding ?? detectEncoding(text);
  const chars = Array.from(text); // code points: a surrogate pair stays one element
  const weight = (ch: string) => (encoding === 'gsm7' ? (gsm7Septets(ch) ?? 1) : ch.length);
  const units = chars.reduce((n, ch) => n + weight(ch), 0);
  const { single, multi } = LIMITS[encoding];
  if (units <= single) return { encoding, segments: text ? [text] : [], units, remaining: single - units };

  const segments: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const w = weight(ch);
    if (used + w > multi) {
      segments.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += w;
  }
  segments.push(current);
  return { encoding, segments, units, remaining: multi - used };
}
