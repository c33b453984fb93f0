import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { maskContact } from '../config/logger.js';
import { renderPlain, type NotificationPayload } from '../channels/notify/render.js';
import { PermanentDeliveryError, type Sender } from './outbox-worker.js';

/** E-mail through SMTP (nodemailer). The delivery key becomes the Message-ID, so a resend is recognisable. */
export function emailSender(config: Config): Sender {
  const transport = nodemailer.createTransport(config.smtpUrl!);
  const domain = new URL(config.publicUrl).hostname;
  return async (msg) => {
    const p = msg.payload as NotificationPayload;
    if (p.to.kind !== 'email') throw new PermanentDeliveryError('not an e-mail contact');
    const { subject, text } = renderPlain(p);
    await transport.sendMail({
      from: config.mailFrom,
      to: p.to.value,
      subject,
      text,
      messageId: `<${msg.deliveryKey.replace(/[^\w.-]/g, '.')}@${domain}>`,
      headers: p.template === 'ack' ? { 'Auto-Submitted': 'auto-replied' } : { 'Auto-Submitted': 'auto-generated' },
    });
  };
}

/** Development sender: writes the message to the log (contacts masked) instead of sending it. */
export function logSender(log: Logger): Sender {
  return async (msg) => {
    const p = msg.payload as NotificationPayload;
    log.info({ cat: 'outbox', kind: msg.kind, to: maskContact(p.to?.value), deliveryKey: msg.deliveryKey, text: p.to ? renderPlain(p).text : undefined }, 'message (log sender)');
  };
}

/** Senders available with the current configuration; kinds without a real sender fall back to the log. */
export function buildSenders(config: Config, log: Logger, extra: Record<string, Sender> = {}): Record<string, Sender> {
  const fallback = logSender(log);
  const senders: Record<string, Sender> = { log: fallback, email: fallback, sms: fallback, facebook: fallback, twitter: fallback, partner: fallback, webhook: fallback };
  if (config.smtpUrl) senders.email = emailSender(config);
  return { ...senders, ...extra };
}
