import type { Channel } from '../../domain/channels.js';
import { segmentSms } from '../sms/sms-segment.js';
import { toGsmFriendly } from '../sms/gsm7.js';
import { DEFAULT_CATALOGUE, EMAIL_FRAME, type Language, type TemplateCatalogue, type TemplateEvent } from './catalogue.js';

/**
 * Plain-text rendering of a notification for the channel it goes out on:
 * - `sms`: the short text, made GSM-7 friendly and fitted to `maxSmsSegments` by shortening free-text values
 *   (note, reason, agency) rather than losing the ticket number or the link;
 * - `chat` (Messenger, X DMs, partner notes): the long text;
 * - `public_post` (a reply post on X): the public text, which never holds the access code;
 * - `email`: subject plus greeting, long text and closing.
 */
export type DeliveryStyle = 'sms' | 'chat' | 'public_post' | 'email';

/** Values for placeholders; empty strings count as absent. */
export interface TemplateValues {
  ticketNumber: string;
  trackingUrl: string;
  accessCode?: string;
  reporterName?: string;
  agencyName?: string;
  note?: string;
  reason?: string;
  forwardedTo?: string;
  mergedInto?: string;
  /** The organisation signing the message, e.g. "Pemerintah Provinsi DKI Jakarta". */
  orgName: string;
  [name: string]: string | undefined;
}

export interface RenderInput {
  event: TemplateEvent;
  style: DeliveryStyle;
  language?: Language;
  values: TemplateValues;
  catalogue?: TemplateCatalogue;
  /** SMS only; default 2 (306 GSM-7 characters). */
  maxSmsSegments?: number;
}

export interface RenderedMessage {
  subject?: string;
  text: string;
  /** SMS only: segments the text needs. */
  smsSegments?: number;
}

export class TemplateValueMissingError extends Error {
  readonly code = 'template_value_missing';
  constructor(readonly names: string[], event: string) {
    super(`template '${event}' needs ${names.join(', ')}`);
    this.name = 'TemplateValueMissingError';
  }
}

/** The style for a reply on the channel a complaint came in on (X: post or DM, from replyContext.mode). */
export function styleFor(channel: Channel, replyMode?: string): DeliveryStyle {
  if (channel === 'sms') return 'sms';
  if (channel === 'email') return 'email';
  if (channel === 'twitter') return replyMode === 'dm' ? 'chat' : 'public_post';
  return 'chat';
}

/** 'en', 'en-US', 'EN' → English; anything else → Indonesian, the default. */
export function pickLanguage(preferred: string | undefined): Language {
  return preferred && /^en\b/i.test(preferred.trim()) ? 'en' : 'id';
}

const FREE_TEXT = ['note', 'reason', 'agencyName', 'forwardedTo', 'reporterName'] as const;

export function renderNotification(input: RenderInput): RenderedMessage {
  const language = input.language ?? 'id';
  const template = (input.catalogue ?? DEFAULT_CATALOGUE)[input.event][language];
  switch (input.style) {
    case 'email': {
      const frame = EMAIL_FRAME[language];
      const body = [frame.greeting, template.long ?? template.short, frame.closing].join('\n\n');
      return { subject: fill(template.subject, input.values, input.event), text: fill(body, input.values, input.event) };
    }
    case 'chat':
      return { text: fill(template.long ?? template.short, input.values, input.event) };
    case 'public_post': {
      const source = template.public ?? template.short;
      // Guards custom catalogues too: a public reply must never carry the access code.
      if (/\{accessCode\b/.test(source)) throw new Error(`public text of '${input.event}' contains the access code`);
      return { text: fill(source, input.values, input.event) };
    }
    case 'sms':
      return renderSms(template.short, input);
  }
}

function renderSms(source: string, input: RenderInput): RenderedMessage {
  const max = input.maxSmsSegments ?? 2;
  const values: TemplateValues = { ...input.values };
  for (const k of FREE_TEXT) if (values[k]) values[k] = values[k]!.replace(/\s+/g, ' ').trim();
  let text = toGsmFriendly(fill(source, values, input.event));
  let segments = segmentSms(text);
  // Shorten the longest free-text value until it fits; the ticket number and link are never cut.
  for (let round = 0; round < 8 && segments.segments.length > max; round++) {
    const longest = FREE_TEXT.filter((k) => (values[k]?.length ?? 0) > 12).sort((a, b) => values[b]!.length - values[a]!.length)[0];
    if (!longest) break;
    const limit = segments.encoding === 'gsm7' ? (max === 1 ? 160 : 153 * max) : max === 1 ? 70 : 67 * max;
    const excess = (segments.encoding === 'gsm7' ? segments.units : text.length) - limit;
    const current = values[longest]!;
    values[longest] = `${current.slice(0, Math.max(9, current.length - excess - 3)).trimEnd()}...`;
    text = toGsmFriendly(fill(source, values, input.event));
    segments = segmentSms(text);
  }
  return { text, smsSegments: segments.segments.length };
}

/** Fills placeholders: `{name}`, `{name|fallback}`, and optional `[[ … ]]` sections. */
export function fill(template: string, values: Record<string, string | undefined>, event = 'template'): string {
  const has = (name: string) => values[name] !== undefined && values[name] !== '';
  const withSections = template.replace(/\[\[([\s\S]*?)\]\]/g, (_m, inner: string) => {
    const names = [...inner.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    return names.every(has) ? inner : '';
  });
  const missing = new Set<string>();
  const text = withSections.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_m, name: string, fallback: string | undefined) => {
    if (has(name)) return values[name]!;
    if (fallback !== undefined) return fallback;
    missing.add(name);
    return '';
  });
  if (missing.size) throw new TemplateValueMissingError([...missing], event);
  return text;
}
