import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { buildReplyMessage, type EmailReplyKind } from '../../channels/email/email-reply.js';
import { parseMessageIds } from '../../channels/email/threading.js';
import type { TemplateCatalogue } from '../../channels/templates/catalogue.js';
import { renderPayload, type NotificationPayloadLike } from '../../channels/templates/render-payload.js';
import type { Config } from '../../config/config.js';
import { maskContact } from '../../config/logger.js';
import type { Database } from '../../store/db.js';
import { PermanentDeliveryError, type Sender } from '../outbox-worker.js';
import { recordEmailMessage, replyThreadFor } from './email-messages.repository.js';
import type { EmailSettings } from './email-settings.js';

/**
 * The outbox sender for e-mail: the message is rendered from the templates (channel × event × language),
 * threaded onto the citizen's latest mail about the case (`Re: [#TICKET] their subject`, In-Reply-To and
 * References), given a Message-ID of ours derived from the delivery key (a resend after a crash carries the
 * same id, so the receiving side can drop it), and that id is recorded for the case so the citizen's answer
 * comes back to it. Replies ask to be answered at `CEPAT_MAIL_REPLY_TO` (the mailbox we read).
 */
export interface EmailSenderDeps {
  database: Database;
  config: Pick<Config, 'mailFrom'>;
  settings: EmailSettings;
  transport: Pick<Transporter, 'sendMail'>;
  log?: Logger;
  catalogue?: TemplateCatalogue;
  clock?: () => Date;
}

const KIND_OF: Record<NotificationPayloadLike['template'], EmailReplyKind> = {
  ack: 'acknowledgement',
  status: 'notification',
  merged_resolved: 'notification',
  // Like the acknowledgement, it brings a new ticket and its access code.
  split: 'acknowledgement',
  // An officer's public reply is written by a person: no Auto-Submitted, so it may be answered normally.
  comment: 'officer_reply',
};

export function createEmailSender(deps: EmailSenderDeps): Sender {
  const clock = deps.clock ?? (() => new Date());
  return async (msg) => {
    const p = msg.payload as NotificationPayloadLike;
    if (p?.to?.kind !== 'email' || !p.to.value) throw new PermanentDeliveryError('not an e-mail contact');
    const ticket = String(p.vars?.ticket ?? '');
    if (!ticket) throw new PermanentDeliveryError('notification without a ticket number');
    let rendered: { subject?: string; text: string };
    try {
      rendered = renderPayload(p, { orgName: deps.settings.orgName, style: 'email', catalogue: deps.catalogue });
    } catch (err) {
      // A template that cannot be filled will not be fillable on the next attempt either.
      throw new PermanentDeliveryError(`template: ${(err as Error).message}`);
    }
    const to = p.to.value.toLowerCase();
    const thread = msg.caseId !== null ? await replyThreadFor(deps.database.db, msg.caseId, to) : { references: [] as string[] };
    const mail = buildReplyMessage({
      kind: KIND_OF[p.template] ?? 'notification',
      from: deps.config.mailFrom,
      to,
      ticketNumber: ticket,
      subject: thread.subject,
      fallbackSubject: rendered.subject ?? ticket,
      text: rendered.text,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      messageIdDomain: deps.settings.messageIdDomain,
      ticketPattern: deps.settings.ticketPattern,
      uniqueId: createHash('sha256').update(msg.deliveryKey).digest('hex').slice(0, 24),
    });
    if (deps.settings.replyTo) mail.replyTo = deps.settings.replyTo;
    try {
      await deps.transport.sendMail(mail);
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      // 5xx: the relay refused this message for good (unknown recipient, policy); 4xx and network errors retry.
      if (code !== undefined && code >= 500 && code < 600) throw new PermanentDeliveryError(`smtp ${code}: ${(err as Error).message}`);
      throw err;
    }
    if (msg.caseId !== null) {
      const references = parseMessageIds(mail.references as string[] | undefined);
      await recordEmailMessage(deps.database.db, { messageId: parseMessageIds(mail.messageId)[0], caseId: msg.caseId, direction: 'out', address: to, subject: String(mail.subject), references, at: clock() });
    }
    deps.log?.debug({ cat: 'email', to: maskContact(to), ticket, deliveryKey: msg.deliveryKey }, 'mail sent');
  };
}

/** The nodemailer transport for `CEPAT_SMTP_URL`. */
export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}
