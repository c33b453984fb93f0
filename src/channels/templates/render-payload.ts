import { STATUSES, type Status } from '../../domain/case/status.js';
import { PHRASES, type Language, type TemplateCatalogue, type TemplateEvent } from './catalogue.js';
import { pickLanguage, renderNotification, type DeliveryStyle, type RenderedMessage, type TemplateValues } from './render.js';

/**
 * Bridge from the outbox notification payload (src/services/notify: `template`, `to`, `anonymous`, `lang`,
 * `vars` with `ticket`, `status`, `accessCode`, `trackingUrl`, `note`, `reason`, `emergency` …) to the
 * templates, so every sender renders the same way.
 */
/** What an outbox notification is about (services/notify writes it, every sender renders it). */
export type NotificationTemplate = 'ack' | 'status' | 'comment' | 'merged_resolved' | 'split';

export interface NotificationPayloadLike {
  template: NotificationTemplate;
  channel: string;
  to: { kind: string; value: string };
  anonymous: boolean;
  lang: string;
  vars: Record<string, string | number | null | undefined>;
}

export function eventOf(payload: NotificationPayloadLike): TemplateEvent {
  switch (payload.template) {
    case 'ack':
      return 'acknowledgement';
    case 'comment':
      return 'comment';
    case 'merged_resolved':
      return 'merged_resolved';
    case 'split':
      return 'split';
    case 'status': {
      const status = String(payload.vars.status ?? '');
      if (!(STATUSES as readonly string[]).includes(status)) throw new Error(`unknown status '${status}' in notification`);
      return status as Status;
    }
  }
}

/**
 * The style follows the contact the message goes to. On X, anonymous reporters and the acknowledgement (which
 * the split notice, which hold an access code) go by DM; other updates answer publicly unless `vars.replyMode` says 'dm'.
 */
export function styleOf(payload: NotificationPayloadLike): DeliveryStyle {
  switch (payload.to.kind) {
    case 'email':
      return 'email';
    case 'phone':
      return 'sms';
    case 'twitter_user_id':
      return payload.anonymous || payload.template === 'ack' || payload.template === 'split' || payload.vars.replyMode === 'dm' ? 'chat' : 'public_post';
    default:
      return 'chat';
  }
}

export function renderPayload(
  payload: NotificationPayloadLike,
  options: { orgName: string; catalogue?: TemplateCatalogue; style?: DeliveryStyle; maxSmsSegments?: number },
): RenderedMessage {
  const language: Language = pickLanguage(payload.lang);
  const v = payload.vars;
  const text = (x: unknown) => (x === null || x === undefined || x === '' ? undefined : String(x));
  const values: TemplateValues = {
    ticketNumber: text(v.ticket ?? v.ticketNumber) ?? '',
    trackingUrl: text(v.trackingUrl) ?? '',
    orgName: options.orgName,
  };
  for (const [k, val] of Object.entries(v)) {
    if (k !== 'ticket' && k !== 'emergency' && text(val) !== undefined) values[k] = text(val);
  }
  // An anonymous reporter's name is never written into a message.
  if (payload.anonymous) delete values.reporterName;
  if (v.emergency && v.emergency !== '0' && v.emergency !== 'false') values.emergencyNote = PHRASES[language].emergency;
  return renderNotification({
    event: eventOf(payload),
    style: options.style ?? styleOf(payload),
    language,
    values,
    catalogue: options.catalogue,
    maxSmsSegments: options.maxSmsSegments,
  });
}
