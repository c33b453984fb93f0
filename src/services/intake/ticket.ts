import { createHash, createHmac, randomInt } from 'node:crypto';

/** Ticket numbers people can read out on the phone: PREFIX-YYMM-NNNNNN, counted per month (Jakarta time). */
// Building an Intl.DateTimeFormat costs ~0.5 ms; one per time zone is enough.
const periodFormats = new Map<string, Intl.DateTimeFormat>();

export function ticketPeriod(at: Date, timeZone: string): string {
  let f = periodFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: '2-digit', month: '2-digit' });
    periodFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const y = parts.find((p) => p.type === 'year')?.value ?? '00';
  const m = parts.find((p) => p.type === 'month')?.value ?? '00';
  return `${y}${m}`;
}

export function formatTicket(prefix: string, period: string, seq: number): string {
  return `${prefix}-${period}-${String(seq).padStart(6, '0')}`;
}

// No 0/O, 1/I/L: access codes are typed from a paper receipt or an SMS.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newAccessCode(length = 6): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/**
 * The access code is derived from the ticket with a server secret instead of being random, so a client that
 * resends the same complaint after losing the first answer (a walk-in post whose network dropped) gets the
 * same code back, while the database still stores only its hash.
 */
export function deriveAccessCode(secret: Buffer, ticket: string, length = 6): string {
  const mac = createHmac('sha256', secret).update(ticket).digest();
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[mac[i] % ALPHABET.length];
  return s;
}
