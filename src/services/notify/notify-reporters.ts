import type { Channel } from '../../domain/channels.js';
import { enqueue } from '../../store/outbox.repository.js';
import type { Trx } from '../../store/transaction.js';
import type { CaseRow } from '../../store/case.repository.js';
import type { NotificationTemplate } from '../../channels/templates/render-payload.js';

/** The contact kind a reply goes out on, for each channel a reporter used: answer on the same channel. */
const CONTACT_FOR_CHANNEL: Record<Channel, string[]> = {
  email: ['email'],
  sms: ['phone'],
  facebook: ['facebook_psid'],
  twitter: ['twitter_user_id'],
  lapor: ['partner_user', 'phone', 'email'],
  qlue: ['partner_user', 'email', 'phone'],
  jaki: ['partner_user', 'email', 'phone'],
  partner: ['partner_user', 'email', 'phone'],
  web: ['email', 'phone'],
  open311: ['email', 'phone'],
  walkin: ['phone', 'email'],
  phone: ['phone', 'email'],
};

/** Outbox sender for each contact kind. */
const SENDER_FOR_CONTACT: Record<string, string> = {
  email: 'email',
  phone: 'sms',
  facebook_psid: 'facebook',
  twitter_user_id: 'twitter',
  partner_user: 'partner',
};

export interface Notification {
  /** 'ack' on intake; 'status' on each public status change; 'comment' on a public reply; 'split' for a case split off. */
  template: NotificationTemplate;
  /** Unique part of the delivery key for this logical notification (e.g. the event id). */
  key: string;
  vars: Record<string, string | number | null | undefined>;
}

/**
 * Queues one message per reporter of the case, each on the channel that reporter used, in the caller's
 * transaction. Anonymous reporters get only private replies (the payload says so; senders never post publicly).
 */
export async function notifyReporters(trx: Trx, kase: CaseRow, n: Notification, now: Date, trackingUrl: string): Promise<number> {
  const rows = await trx
    .selectFrom('case_reporters')
    .innerJoin('reporters', 'reporters.id', 'case_reporters.reporter_id')
    .select(['case_reporters.reporter_id', 'case_reporters.channel', 'reporters.anonymous'])
    .where('case_reporters.case_id', '=', kase.id)
    .execute();
  let queued = 0;
  for (const r of rows) {
    const contacts = await trx.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', r.reporter_id).orderBy('id', 'desc').execute();
    const wanted = CONTACT_FOR_CHANNEL[r.channel as Channel] ?? ['email', 'phone'];
    const contact = wanted.map((k) => contacts.find((c) => c.kind === k)).find(Boolean);
    if (!contact) continue;
    const sender = SENDER_FOR_CONTACT[contact.kind];
    if (!sender) continue;
    await enqueue(
      trx,
      {
        deliveryKey: `${n.template}:${kase.id}:${n.key}:${r.reporter_id}`,
        kind: sender,
        caseId: kase.id,
        payload: {
          template: n.template,
          channel: r.channel,
          to: { kind: contact.kind, value: contact.value },
          anonymous: r.anonymous === 1,
          lang: 'id',
          vars: { ticket: kase.ticket, trackingUrl, status: kase.status, ...n.vars },
        },
      },
      now,
    );
    queued++;
  }
  return queued;
}
