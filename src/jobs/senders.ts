import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { maskContact } from '../config/logger.js';
import { renderPlain, type NotificationPayload } from '../channels/notify/render.js';
import { loadChannelConfig, type ChannelConfig } from '../channels/config/channel-config.js';
import type { Database } from '../store/db.js';
import { PermanentDeliveryError, type Sender } from './outbox-worker.js';
import { facebookSender } from './senders/facebook-sender.js';
import { partnerSender } from './senders/partner-sender.js';
import type { SenderDeps } from './senders/sender-deps.js';
import { smsSender } from './senders/sms-sender.js';
import { twitterSender } from './senders/twitter-sender.js';

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

/** What the channel senders (SMS, Facebook, X, partners) need; without it those kinds go to the log. */
export interface ChannelSenderOptions {
  database: Database;
  /** Default: read from the environment and CEPAT_SECRETS_FILE (see src/channels/config). */
  channels?: ChannelConfig;
  clock?: () => Date;
}

/** Senders available with the current configuration; kinds without a real sender fall back to the log. */
export function buildSenders(config: Config, log: Logger, extra: Record<string, Sender> = {}, channel?: ChannelSenderOptions): Record<string, Sender> {
  const fallback = logSender(log);
  const senders: Record<string, Sender> = { log: fallback, email: fallback, sms: fallback, facebook: fallback, twitter: fallback, partner: fallback, webhook: fallback };
  if (config.smtpUrl) senders.email = emailSender(config);
  if (channel) {
    const channels = channel.channels ?? loadChannelConfig(process.env);
    const deps: SenderDeps = { database: channel.database, channels, publicUrl: config.publicUrl, log, clock: channel.clock };
    if (channels.sms.gateway) senders.sms = smsSender(deps);
    if (channels.facebook) senders.facebook = facebookSender(deps);
    if (channels.twitter) senders.twitter = twitterSender(deps);
    if (Object.keys(channels.partners).length) senders.partner = partnerSender(deps);
  }
  return { ...senders, ...extra };
}
