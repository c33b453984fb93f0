import type { FastifyInstance } from 'fastify';
import { channelsOf } from '../../../channels/config/channel-registry.js';
import type { AppContext } from '../../../services/context.js';
import { facebookWebhook } from './facebook.js';
import { partnerWebhooks } from './partners.js';
import { smsWebhook } from './sms.js';
import { twitterWebhook } from './twitter.js';

/**
 * Provider webhooks. They are always registered; each answers 404 `channel_disabled` until its channel is
 * configured (docs/channels.md), so turning a channel on needs no code and no route change.
 */
export async function webhookRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Read (and validated) now, so a configuration problem stops the server before it listens, every problem listed.
  channelsOf(ctx);
  await facebookWebhook(app, ctx);
  await twitterWebhook(app, ctx);
  await smsWebhook(app, ctx);
  await partnerWebhooks(app, ctx);
}
