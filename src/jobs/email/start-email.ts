import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../../services/context.js';
import type { Sender } from '../outbox-worker.js';
import { createEmailSender, smtpTransport } from './email-sender.js';
import { acceptsRecipient, loadEmailSettings, type EmailSettings } from './email-settings.js';
import { ImapPoller } from './imap-poller.js';
import { receiveEmail } from './receive-email.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

/**
 * Starts the inbound e-mail paths that are configured: the SMTP listener (`CEPAT_SMTP_LISTEN`) and the IMAP
 * poller (`CEPAT_IMAP_URL`). Either, both or none; both feed the same intake, and a message reaching us both
 * ways is taken once (its Message-ID is the idempotency key).
 */
export interface EmailIntake {
  settings: EmailSettings;
  smtp?: SmtpListener;
  imap?: ImapPoller;
  stop(): Promise<void>;
}

export async function startEmailIntake(ctx: AppContext, settings: EmailSettings = loadEmailSettings(ctx.config)): Promise<EmailIntake> {
  const log = ctx.log.child({ cat: 'email' });
  let smtp: SmtpListener | undefined;
  let imap: ImapPoller | undefined;
  if (settings.listen) {
    smtp = await startSmtpListener({
      host: settings.listen.host,
      port: settings.listen.port,
      maxBytes: settings.maxMessageBytes,
      tls: settings.tls,
      serverName: settings.messageIdDomain,
      acceptRecipient: (address) => acceptsRecipient(settings, address),
      onMessage: async (raw) => {
        await receiveEmail(ctx, settings, raw, { source: 'smtp' });
      },
      log,
    });
  }
  if (settings.imapUrl) {
    imap = new ImapPoller({
      url: settings.imapUrl,
      doneMailbox: settings.imapDoneMailbox,
      intervalMs: settings.imapPollMs,
      handle: imapHandler(ctx, settings),
      log,
    });
    imap.start();
  }
  return {
    settings,
    smtp,
    imap,
    async stop() {
      await imap?.stop();
      await smtp?.close();
    },
  };
}

/** The poller's handler: input that can never be taken is 'rejected' (flagged, not retried forever). */
export function imapHandler(ctx: AppContext, settings: EmailSettings) {
  return async (raw: Buffer) => {
    try {
      await receiveEmail(ctx, settings, raw, { source: 'imap' });
      return 'done' as const;
    } catch (err) {
      if (err instanceof DomainError) {
        ctx.log.info({ cat: 'email', code: err.code }, 'imap message rejected');
        return 'rejected' as const;
      }
      throw err;
    }
  };
}

/** The threaded, template-based e-mail sender over `CEPAT_SMTP_URL`, or undefined when it is not set. */
export function emailSenderFor(ctx: AppContext, settings: EmailSettings = loadEmailSettings(ctx.config)): Sender | undefined {
  if (!ctx.config.smtpUrl) return undefined;
  return createEmailSender({ database: ctx.database, config: ctx.config, settings, transport: smtpTransport(ctx.config.smtpUrl), log: ctx.log, clock: ctx.clock });
}
