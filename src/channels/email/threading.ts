/**
 * Threading a citizen's e-mail onto an existing case. Three clues, strongest first:
 * 1. In-Reply-To / References naming a Message-ID we generated (`<cepat.JKT-2406-000123.…@domain>`), which
 *    survives the citizen editing the subject;
 * 2. the ticket tag we put in every subject, `[#JKT-2406-000123]`;
 * 3. any Message-ID the caller can look up among the ids it sent.
 * The ticket format belongs to the case model, so the pattern is passed in (e.g. /JKT-\d{4}-\d{6}/).
 */
export interface EmailThreading {
  /** The ticket number found in our Message-IDs or the subject tag, upper-cased. */
  ticketNumber?: string;
  ticketSource?: 'message_id' | 'subject_tag' | 'subject_text';
  inReplyTo?: string;
  /** Oldest first, without angle brackets. */
  references: string[];
}

export function toPattern(ticketPattern: RegExp | string): RegExp {
  const source = typeof ticketPattern === 'string' ? ticketPattern : ticketPattern.source;
  return new RegExp(source, 'i');
}

/** `[#JKT-2406-000123]` first; a bare ticket number in the subject only when `allowBare`. */
export function ticketFromSubject(subject: string | undefined, ticketPattern: RegExp | string, allowBare = true): { ticket: string; tagged: boolean } | undefined {
  if (!subject) return undefined;
  const p = toPattern(ticketPattern).source;
  const tagged = subject.match(new RegExp(`\\[\\s*#?\\s*(${p})\\s*\\]`, 'i'));
  if (tagged) return { ticket: tagged[1].toUpperCase(), tagged: true };
  if (!allowBare) return undefined;
  const bare = subject.match(new RegExp(`(?:^|[^\\w-])(${p})(?![\\w-])`, 'i'));
  return bare ? { ticket: bare[1].toUpperCase(), tagged: false } : undefined;
}

/** Message-ID lists from a header: `<a@b> <c@d>`, commas or folding allowed; brackets removed. */
export function parseMessageIds(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  const out: string[] = [];
  for (const v of values) {
    const bracketed = [...v.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
    if (bracketed.length) out.push(...bracketed);
    else out.push(...v.split(/[\s,]+/).filter((s) => s.includes('@')));
  }
  return out;
}

/** Our own Message-IDs carry the ticket: `cepat.<TICKET>.<random>@<our domain>`. */
export function ticketFromMessageIds(ids: string[], ourDomain: string, ticketPattern: RegExp | string): string | undefined {
  const p = toPattern(ticketPattern).source;
  const re = new RegExp(`^cepat\\.(${p})\\.[^@]+@${ourDomain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
  // The newest reference is the message the citizen answered.
  for (const id of [...ids].reverse()) {
    const m = id.match(re);
    if (m) return m[1].toUpperCase();
  }
  return undefined;
}

export function extractThreading(input: {
  subject?: string;
  inReplyTo?: string;
  references?: string | string[];
  ticketPattern: RegExp | string;
  ourDomain?: string;
}): EmailThreading {
  const inReplyTo = parseMessageIds(input.inReplyTo)[0];
  const references = parseMessageIds(input.references);
  const ids = inReplyTo && !references.includes(inReplyTo) ? [...references, inReplyTo] : references;
  const fromIds = input.ourDomain ? ticketFromMessageIds(ids, input.ourDomain, input.ticketPattern) : undefined;
  if (fromIds) return { ticketNumber: fromIds, ticketSource: 'message_id', inReplyTo, references };
  const fromSubject = ticketFromSubject(input.subject, input.ticketPattern);
  if (fromSubject) {
    return { ticketNumber: fromSubject.ticket, ticketSource: fromSubject.tagged ? 'subject_tag' : 'subject_text', inReplyTo, references };
  }
  return { inReplyTo, references };
}

/**
 * The subject without reply/forward prefixes (English, Indonesian, Outlook's localised ones) and without our
 * ticket tags, so replies do not grow "Re: Re: [#…] [#…]".
 */
export function baseSubject(subject: string | undefined, ticketPattern: RegExp | string): string {
  let s = (subject ?? '').trim();
  const prefix = /^(?:re|fw|fwd|aw|wg|balas|bls|tr|trs|teruskan|terusan|r)\s*(?:\[\d+\])?\s*:\s*/i;
  const tag = new RegExp(`\\[\\s*#?\\s*${toPattern(ticketPattern).source}\\s*\\]`, 'gi');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(prefix, '').replace(tag, ' ').replace(/\s+/g, ' ').trim();
  }
  return s;
}
