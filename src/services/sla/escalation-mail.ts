import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import { maskContact } from '../../config/logger.js';

/**
 * E-mail to staff (escalations), delivered by the outbox worker like citizens' messages. The payload is
 * already rendered (escalation-message.ts); the delivery key becomes the Message-ID so a resend after a crash
 * is recognisable by the receiving server.
 */
export const STAFF_EMAIL_KIND = 'staff_email';

export interface StaffEmailPayload {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** An outbox sender for STAFF_EMAIL_KIND: SMTP when configured, else the log (contacts masked). */
export function staffEmailSender(config: Config, log: Logger): (msg: { deliveryKey: string; payload: unknown }) => Promise<void> {
  if (!config.smtpUrl) {
    return async (msg) => {
      const p = msg.payload as StaffEmailPayload;
      log.info({ cat: 'outbox', kind: STAFF_EMAIL_KIND, to: maskContact(p.to), deliveryKey: msg.deliveryKey, subject: p.subject }, 'staff e-mail (log sender)');
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  const domain = new URL(config.publicUrl).hostname;
  return async (msg) => {
    const p = msg.payload as StaffEmailPayload;
    await transport.sendMail({
      from: config.mailFrom,
      to: p.to,
      subject: p.subject,
      text: p.text,
      messageId: `<${msg.deliveryKey.replace(/[^\w.-]/g, '.')}@${domain}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}
