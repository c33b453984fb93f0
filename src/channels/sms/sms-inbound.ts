import { createHash } from 'node:crypto';
import type { NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { validationFailed } from '../../domain/errors.js';
import { tryNormalizeIndonesianMsisdn } from './msisdn.js';
import { parseUdh, type ConcatInfo } from './udh.js';
import { parseKeywordMessage, type KeywordOptions } from './keyword-format.js';
import { parseLooseTime } from '../partners/time-parse.js';

/**
 * Inbound SMS from a gateway (Kannel's get-url/post-url, Gammu/SMSD forwarders, Indonesian aggregators,
 * Vonage-style callbacks), form-encoded or JSON. Gateways name their fields differently, so the names are
 * configuration: each logical field lists the names tried in order; a name may be a dotted path into JSON
 * (`data.from`).
 */
export interface SmsFieldNames {
  from: string[];
  text: string[];
  id: string[];
  time: string[];
  to: string[];
  /** Hex user data header (Kannel `udh`). */
  udh: string[];
  concatRef: string[];
  concatTotal: string[];
  concatPart: string[];
}

export const DEFAULT_SMS_FIELDS: SmsFieldNames = {
  from: ['from', 'sender', 'msisdn', 'originator', 'phone', 'source'],
  text: ['text', 'message', 'msg', 'body', 'content'],
  id: ['id', 'message_id', 'messageId', 'message-id', 'messageid', 'sms_id', 'smsid'],
  time: ['time', 'timestamp', 'message-timestamp', 'received_at', 'receivedAt', 'date', 'sent'],
  to: ['to', 'recipient', 'shortcode', 'destination'],
  udh: ['udh'],
  concatRef: ['concat-ref', 'concat_ref', 'concatRef'],
  concatTotal: ['concat-total', 'concat_total', 'concatTotal'],
  concatPart: ['concat-part', 'concat_part', 'concatPart'],
};

export interface SmsInboundOptions {
  fields?: Partial<SmsFieldNames>;
  /**
   * UTC offset for gateway times written without a zone ("2024-06-12 10:15:00"). Local Indonesian gateways
   * write WIB; Vonage writes UTC. Default '+07:00'.
   */
  naiveTimeOffset?: string;
}

export interface InboundSms {
  /** Normalized MSISDN (6281…), or the sender as given when it is not an Indonesian number (short codes). */
  from: string;
  fromIsMsisdn: boolean;
  to?: string;
  text: string;
  messageId?: string;
  sentAt?: Date;
  concat?: ConcatInfo;
  raw: Record<string, unknown>;
}

export function parseInboundSms(rawBody: Buffer | string, contentType: string | undefined, options: SmsInboundOptions = {}): InboundSms {
  const fields = { ...DEFAULT_SMS_FIELDS, ...options.fields };
  const text = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody;
  const raw = decodeGatewayBody(text, contentType);
  const pick = (names: string[]) => {
    for (const name of names) {
      const v = lookup(raw, name);
      if (v !== undefined && v !== null && String(v) !== '') return String(v);
    }
    return undefined;
  };
  const fromRaw = pick(fields.from);
  const body = pick(fields.text);
  if (!fromRaw) throw validationFailed([{ field: fields.from[0], message: 'sender missing' }]);
  if (body === undefined) throw validationFailed([{ field: fields.text[0], message: 'text missing' }]);
  const msisdn = tryNormalizeIndonesianMsisdn(fromRaw);

  let concat: ConcatInfo | undefined;
  const udh = pick(fields.udh);
  if (udh) concat = parseUdh(udh);
  const ref = pick(fields.concatRef);
  const total = Number(pick(fields.concatTotal));
  const part = Number(pick(fields.concatPart));
  if (!concat && ref !== undefined && Number.isInteger(total) && Number.isInteger(part) && total > 1 && part >= 1 && part <= total) {
    concat = { ref, total, part };
  }
  const timeText = pick(fields.time);
  return {
    from: msisdn ?? fromRaw.trim(),
    fromIsMsisdn: msisdn !== undefined,
    to: pick(fields.to),
    text: body,
    messageId: pick(fields.id),
    sentAt: timeText ? parseGatewayTime(timeText, options.naiveTimeOffset ?? '+07:00') : undefined,
    concat,
    raw,
  };
}

export function decodeGatewayBody(text: string, contentType: string | undefined): Record<string, unknown> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const looksJson = /^\s*\{/.test(text);
  if (type === 'application/json' || type.endsWith('+json') || (!type && looksJson)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    throw validationFailed([{ message: 'body is not a JSON object' }]);
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'text/plain' || !type) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  throw validationFailed([{ message: `unsupported content type '${type}'` }]);
}

function lookup(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  let cur: unknown = obj;
  for (const key of name.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Gateway times; see parseLooseTime. */
export function parseGatewayTime(text: string, naiveOffset: string): Date | undefined {
  return parseLooseTime(text, naiveOffset);
}

/**
 * The idempotency key: the gateway's id when it gives one; otherwise a hash of sender, time and text, so a
 * retried delivery of the same message still maps to the same key.
 */
export function smsExternalId(sms: Pick<InboundSms, 'messageId' | 'from' | 'sentAt' | 'text'>): string {
  if (sms.messageId) return sms.messageId;
  const h = createHash('sha256').update(`${sms.from}\n${sms.sentAt?.toISOString() ?? ''}\n${sms.text}`).digest('hex');
  return `sha256:${h.slice(0, 32)}`;
}

export interface SmsComplaintOptions {
  now: Date;
  keyword?: KeywordOptions;
  /** The citizen's category word (lower case) → catalogue code, e.g. `{ jalan: 'JALAN_RUSAK', banjir: 'BANJIR' }`. */
  categoryCodes?: Record<string, string>;
}

export function toNormalizedComplaint(sms: InboundSms, options: SmsComplaintOptions): NormalizedComplaint {
  const parsed = parseKeywordMessage(sms.text, options.keyword);
  const categoryCode = parsed?.categoryText ? options.categoryCodes?.[parsed.categoryText.toLowerCase()] : undefined;
  const replyContext: Record<string, string> = { msisdn: sms.from };
  if (sms.to) replyContext.to = sms.to;
  if (parsed?.categoryText) replyContext.keywordCategory = parsed.categoryText;
  return {
    channel: 'sms',
    externalId: smsExternalId(sms),
    receivedAt: sms.sentAt ?? options.now,
    rawPayload: sms.raw,
    text: parsed ? parsed.body : sms.text.trim(),
    categoryCode,
    location: parsed?.location ? { address: parsed.location } : undefined,
    reporter: sms.fromIsMsisdn ? { contactKind: 'phone', contactValue: sms.from } : { contactKind: 'none' },
    replyContext,
  };
}
