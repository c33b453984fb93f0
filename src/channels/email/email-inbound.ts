import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { detectAutomatedMail, headersFromLines, type AutomatedReason, type LoopCheckOptions } from './loop-protection.js';
import { baseSubject, extractThreading, type EmailThreading } from './threading.js';
import { stripQuotedReply } from './quote-strip.js';
import { htmlToPlainText } from './html-text.js';

/**
 * A raw MIME message (from the SMTP listener or an IMAP mailbox) turned into a complaint, or set aside as
 * automated mail. Decoding (encoded-word headers, quoted-printable/base64 bodies, charsets, HTML → text)
 * is mailparser's; the rules on top are ours.
 */
export interface EmailParseOptions extends LoopCheckOptions {
  /** Arrival time: used when the Date header is missing or implausible. */
  now: Date;
  /** Ticket number pattern, unanchored, e.g. /JKT-\d{4}-\d{6}/. */
  ticketPattern: RegExp | string;
  /** The domain of our generated Message-IDs (threads replies even when the subject was edited). */
  messageIdDomain?: string;
  /** Attachments larger than this are left out (their names are listed in replyContext). Default 10 MiB. */
  maxAttachmentBytes?: number;
}

export type ParsedEmail =
  | { kind: 'ignored'; reason: AutomatedReason; messageId?: string; from?: string }
  | { kind: 'message'; complaint: NormalizedComplaint; threading: EmailThreading; quotedTextRemoved: boolean };

export async function parseEmail(raw: Buffer | string, options: EmailParseOptions): Promise<ParsedEmail> {
  const rawText = Buffer.isBuffer(raw) ? rawToText(raw) : raw;
  // Our own HTML conversion (see html-text.ts); mailparser's would hard-wrap the citizen's sentences.
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  const from = firstAddress(mail.from);
  const messageId = mail.messageId ? stripBrackets(mail.messageId) : undefined;
  const reason = detectAutomatedMail(headersFromLines(mail.headerLines), from?.address, options);
  if (reason) return { kind: 'ignored', reason, messageId, from: from?.address };

  const threading = extractThreading({
    subject: mail.subject,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    ticketPattern: options.ticketPattern,
    ourDomain: options.messageIdDomain,
  });
  const fullText = bodyText(mail);
  const text = stripQuotedReply(fullText);
  const { attachments, dropped } = collectAttachments(mail, options.maxAttachmentBytes ?? 10 * 1024 * 1024);
  const replyTo = firstAddress(mail.replyTo);
  const externalId = messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`;

  const replyContext: Record<string, string> = { messageId: externalId };
  const refs = [...threading.references];
  if (messageId) refs.push(messageId);
  if (refs.length) replyContext.references = refs.join(' ');
  if (mail.subject) replyContext.subject = mail.subject;
  if (replyTo?.address && replyTo.address !== from?.address) replyContext.replyTo = replyTo.address;
  if (threading.ticketNumber) replyContext.ticketNumber = threading.ticketNumber;
  if (dropped.length) replyContext.droppedAttachments = dropped.join(', ');

  const title = baseSubject(mail.subject, options.ticketPattern);
  const complaint: NormalizedComplaint = {
    channel: 'email',
    externalId,
    receivedAt: plausibleDate(mail.date, options.now),
    rawPayload: rawText,
    text,
    title: title || undefined,
    reporter: from?.address
      ? { name: from.name || undefined, contactKind: 'email', contactValue: from.address }
      : { contactKind: 'none' },
    attachments: attachments.length ? attachments : undefined,
    replyContext,
  };
  return { kind: 'message', complaint, threading, quotedTextRemoved: text !== fullText.trim() };
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { address: string; name: string } | undefined {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  for (const obj of list) {
    for (const a of obj.value) {
      if (a.address) return { address: a.address.trim().toLowerCase(), name: a.name?.trim() ?? '' };
      for (const g of a.group ?? []) if (g.address) return { address: g.address.trim().toLowerCase(), name: g.name?.trim() ?? '' };
    }
  }
  return undefined;
}

/**
 * Raw MIME kept as text: UTF-8 when it is valid UTF-8 (nearly all mail today), otherwise latin1, which maps
 * every byte to one character so `Buffer.from(text, 'latin1')` gives the original bytes back.
 */
function rawToText(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

const stripBrackets = (id: string) => id.trim().replace(/^<|>$/g, '');

/** The plain-text part when there is one, otherwise the HTML part as text. */
function bodyText(mail: ParsedMail): string {
  if (mail.text && mail.text.trim()) return mail.text;
  return typeof mail.html === 'string' ? htmlToPlainText(mail.html) : '';
}

function collectAttachments(mail: ParsedMail, maxBytes: number): { attachments: AttachmentInput[]; dropped: string[] } {
  const attachments: AttachmentInput[] = [];
  const dropped: string[] = [];
  mail.attachments.forEach((a, i) => {
    const type = (a.contentType ?? 'application/octet-stream').toLowerCase();
    // Calendar invites, vCards and embedded messages are not evidence.
    if (type === 'text/calendar' || type === 'text/vcard' || type === 'text/x-vcard' || type.startsWith('message/')) return;
    const filename = a.filename || `lampiran-${i + 1}.${type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin'}`;
    if (a.size > maxBytes) {
      dropped.push(filename);
      return;
    }
    attachments.push({
      filename,
      contentType: type,
      data: a.content,
      role: type.startsWith('image/') ? 'evidence' : 'document',
    });
  });
  return { attachments, dropped };
}

/** The Date header is written by the sender's clock; a date in the future or years back is ignored. */
function plausibleDate(date: Date | undefined, now: Date): Date {
  if (!date || Number.isNaN(date.getTime())) return now;
  const t = date.getTime();
  const tenMinutes = 10 * 60_000;
  const ninetyDays = 90 * 24 * 3600_000;
  return t > now.getTime() + tenMinutes || t < now.getTime() - ninetyDays ? now : date;
}
