import fs from 'node:fs';
import { z } from 'zod';
import { ConfigError, type Config } from '../../config/config.js';

/**
 * E-mail channel settings, read from the environment once with every problem listed at once (like the core
 * configuration). Inbound mail arrives through an embedded SMTP listener, an IMAP mailbox, or both; replies go
 * out through `CEPAT_SMTP_URL` (core configuration).
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  CEPAT_SMTP_LISTEN: optional.refine((v) => v === undefined || parseHostPort(v) !== null, 'must be host:port (e.g. 0.0.0.0:2525)'),
  CEPAT_SMTP_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  CEPAT_SMTP_TLS_KEY: optional.refine((v) => v === undefined || fs.existsSync(v), 'file not found'),
  CEPAT_SMTP_TLS_CERT: optional.refine((v) => v === undefined || fs.existsSync(v), 'file not found'),
  CEPAT_SMTP_RECIPIENTS: optional,
  CEPAT_IMAP_URL: optional.refine((v) => v === undefined || /^imaps?:\/\/[^/]+/.test(v), 'must be an imap:// or imaps:// URL'),
  CEPAT_IMAP_POLL_SECONDS: z.coerce.number().positive().default(60),
  CEPAT_IMAP_DONE_MAILBOX: optional,
  CEPAT_MAIL_REPLY_TO: optional.refine((v) => v === undefined || /^[^\s@<>]+@[^\s@<>]+$/.test(v), 'must be an e-mail address'),
  CEPAT_MAIL_MESSAGE_ID_DOMAIN: optional.refine((v) => v === undefined || /^[a-z0-9.-]+$/i.test(v), 'must be a domain name'),
  CEPAT_EMAIL_CONVERSATION_MINUTES: z.coerce.number().int().min(0).default(0),
  CEPAT_ORG_NAME: z.string().default('Pemerintah Provinsi DKI Jakarta'),
});

export interface EmailSettings {
  readonly listen?: { readonly host: string; readonly port: number };
  readonly maxMessageBytes: number;
  readonly tls?: { readonly key: Buffer; readonly cert: Buffer };
  /** Recipients the listener accepts (`addr@domain` or `@domain`); empty: any (the listener never relays). */
  readonly acceptRecipients: readonly string[];
  readonly imapUrl?: string;
  readonly imapPollMs: number;
  /** Where the poller moves processed mail; unset: it only flags it. */
  readonly imapDoneMailbox?: string;
  /** Address our replies ask citizens to answer to (the mailbox the listener or poller reads). */
  readonly replyTo?: string;
  readonly fromAddress: string;
  /** Our own addresses: mail from them is our own coming back, never a complaint. */
  readonly ownAddresses: readonly string[];
  readonly messageIdDomain: string;
  readonly ticketPattern: RegExp;
  readonly conversationWindowMinutes: number;
  readonly orgName: string;
  readonly maxAttachmentBytes: number;
}

export function loadEmailSettings(config: Config, env: Record<string, string | undefined> = process.env): EmailSettings {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (parsed.success && Boolean(parsed.data.CEPAT_SMTP_TLS_KEY) !== Boolean(parsed.data.CEPAT_SMTP_TLS_CERT)) {
    problems.push('CEPAT_SMTP_TLS_KEY / CEPAT_SMTP_TLS_CERT: give both or neither');
  }
  const fromAddress = addressOf(config.mailFrom);
  if (!fromAddress) problems.push('CEPAT_MAIL_FROM: no e-mail address in it');
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const replyTo = e.CEPAT_MAIL_REPLY_TO?.toLowerCase();
  return Object.freeze({
    listen: e.CEPAT_SMTP_LISTEN ? parseHostPort(e.CEPAT_SMTP_LISTEN)! : undefined,
    maxMessageBytes: e.CEPAT_SMTP_MAX_BYTES,
    tls: e.CEPAT_SMTP_TLS_KEY && e.CEPAT_SMTP_TLS_CERT ? { key: fs.readFileSync(e.CEPAT_SMTP_TLS_KEY), cert: fs.readFileSync(e.CEPAT_SMTP_TLS_CERT) } : undefined,
    acceptRecipients: (e.CEPAT_SMTP_RECIPIENTS ?? '').split(/[\s,]+/).map((s) => s.toLowerCase()).filter(Boolean),
    imapUrl: e.CEPAT_IMAP_URL,
    imapPollMs: Math.round(e.CEPAT_IMAP_POLL_SECONDS * 1000),
    imapDoneMailbox: e.CEPAT_IMAP_DONE_MAILBOX,
    replyTo,
    fromAddress: fromAddress!,
    ownAddresses: [...new Set([fromAddress!, ...(replyTo ? [replyTo] : [])])],
    messageIdDomain: e.CEPAT_MAIL_MESSAGE_ID_DOMAIN ?? fromAddress!.split('@')[1],
    ticketPattern: new RegExp(`${config.ticketPrefix}-\\d{4}-\\d{6}`),
    conversationWindowMinutes: e.CEPAT_EMAIL_CONVERSATION_MINUTES,
    orgName: e.CEPAT_ORG_NAME,
    maxAttachmentBytes: config.maxUploadBytes,
  });
}

/** `host:port`, `[::1]:2525` or `:2525` (all interfaces). */
export function parseHostPort(text: string): { host: string; port: number } | null {
  const m = text.match(/^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/);
  if (!m) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] ?? (m[2] || '0.0.0.0'), port };
}

/** The address in `Name <addr@domain>` or a bare address, lower case. */
export function addressOf(mailbox: string): string | undefined {
  const m = mailbox.match(/<([^<>\s]+@[^<>\s]+)>/) ?? mailbox.match(/([^\s<>"]+@[^\s<>"]+)/);
  return m?.[1].toLowerCase();
}

/** Whether the listener takes mail for this recipient. */
export function acceptsRecipient(settings: Pick<EmailSettings, 'acceptRecipients'>, address: string): boolean {
  if (settings.acceptRecipients.length === 0) return true;
  const a = address.trim().toLowerCase();
  return settings.acceptRecipients.some((r) => (r.startsWith('@') ? a.endsWith(r) : a === r));
}
