import type { Logger } from 'pino';
import type { ChannelConfig } from '../../channels/config/channel-config.js';
import type { NotificationPayloadLike } from '../../channels/templates/render-payload.js';
import type { Database } from '../../store/db.js';
import { PermanentDeliveryError } from '../outbox-worker.js';

/** What the channel senders need besides their configuration: the database (threads, parts sent, receipts). */
export interface SenderDeps {
  database: Database;
  channels: ChannelConfig;
  /** Base of links to us (SMS receipt callback URL). */
  publicUrl: string;
  log: Logger;
  /** Real time, for provider rules measured in real time (Messenger's 24-hour window). */
  clock?: () => Date;
}

/** The notification payload of src/services/notify, checked enough to fail permanently on garbage. */
export function notificationOf(payload: unknown, wantedKind: string): NotificationPayloadLike {
  const p = payload as NotificationPayloadLike;
  if (!p || typeof p !== 'object' || !p.to || typeof p.to.value !== 'string' || !p.template) throw new PermanentDeliveryError('not a notification payload');
  if (p.to.kind !== wantedKind) throw new PermanentDeliveryError(`contact kind '${p.to.kind}' cannot be sent as ${wantedKind}`);
  return { ...p, vars: p.vars ?? {} };
}

/** Builder errors (a text over a hard limit, a malformed number) will not get better on retry. */
export function permanentOnBuildError<T>(build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof PermanentDeliveryError) throw err;
    throw new PermanentDeliveryError((err as Error).message);
  }
}
