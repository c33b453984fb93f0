import { randomUUID } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import { baseSubject, parseMessageIds } from './threading.js';
import { DEFAULT_LOOP_MARKER } from './loop-protection.js';
import { REPLY_ABOVE_MARKER } from './quote-strip.js';

/**
 * Our answers by e-mail (nodemailer message options), threaded so the citizen's mail client shows one
 * conversation and their answer comes back to the same case:
 * - subject `Re: [#JKT-2406-000123] <their subject>` (the tag is what `ticketFromSubject` finds);
 * - a Message-ID of ours carrying the ticket (`<cepat.JKT-2406-000123.<uuid>@<domain>>`), so a reply threads
 *   even when the subject was changed;
 * - In-Reply-To their message, References their chain plus their message (RFC 5322 §3.6.4).
 * Automated mail says so (RFC 3834): `Auto-Submitted: auto-replied` for an acknowledgement answering their
 * message, `auto-generated` for a status notification; both ask Exchange not to answer with an out-of-office
 * (`X-Auto-Response-Suppress`). A reply written by an officer carries neither, so vacation replies from the
 * citizen's side still reach us (and are then dropped by loop protection, not answered).
 */
export type EmailReplyKind = 'acknowledgement' | 'notification' | 'officer_reply';

export interface EmailReplyInput {
  kind: EmailReplyKind;
  from: string;
  to: string;
  ticketNumber: string;
  /** The citizen's original subject (from replyContext); our template subject when the case has none. */
  subject?: string;
  fallbackSubject: string;
  text: string;
  html?: string;
  /** The citizen's Message-ID we answer (replyContext.messageId). */
  inReplyTo?: string;
  /** Their References plus their Message-ID (replyContext.references). */
  references?: string | string[];
  /** Domain of our Message-IDs, e.g. `cepat.jakarta.go.id`. */
  messageIdDomain: string;
  ticketPattern: RegExp | string;
  /** Only for tests: the random part of the Message-ID. */
  uniqueId?: string;
  loopMarker?: string;
  /** Put the "reply above this line" marker at the top of the text so quotes can be cut reliably. */
  replyMarker?: boolean;
}

/** At most this many ids in References: long chains are trimmed from the middle, keeping the first. */
const MAX_REFERENCES = 20;

export function buildReplyMessage(input: EmailReplyInput): SendMailOptions & { messageId: string } {
  const topic = baseSubject(input.subject, input.ticketPattern) || input.fallbackSubject;
  const subject = `${input.subject ? 'Re: ' : ''}[#${input.ticketNumber}] ${topic}`;
  const unique = input.uniqueId ?? randomUUID();
  const messageId = `<cepat.${input.ticketNumber}.${unique}@${input.messageIdDomain}>`;
  const inReplyTo = parseMessageIds(input.inReplyTo)[0];
  let refs = parseMessageIds(input.references);
  if (inReplyTo && !refs.includes(inReplyTo)) refs.push(inReplyTo);
  refs = [...new Set(refs)];
  if (refs.length > MAX_REFERENCES) refs = [refs[0], ...refs.slice(-(MAX_REFERENCES - 1))];

  const headers: Record<string, string> = { 'X-Loop': input.loopMarker ?? DEFAULT_LOOP_MARKER };
  if (input.kind !== 'officer_reply') {
    headers['Auto-Submitted'] = input.kind === 'acknowledgement' ? 'auto-replied' : 'auto-generated';
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const text = input.replyMarker === false ? input.text : `${REPLY_ABOVE_MARKER}\n\n${input.text}`;
  const message: SendMailOptions & { messageId: string } = {
    from: input.from,
    to: input.to,
    subject,
    text,
    messageId,
    headers,
  };
  if (input.html) message.html = input.html;
  if (inReplyTo) message.inReplyTo = `<${inReplyTo}>`;
  if (refs.length) message.references = refs.map((r) => `<${r}>`);
  return message;
}
