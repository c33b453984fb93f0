import type { FastifyInstance } from 'fastify';
import { channelsOf } from '../../../channels/config/channel-registry.js';
import { verifyPartnerWebhook } from '../../../channels/partners/partner-inbound.js';
import { receivePartnerPayload } from '../../../services/channels/receive-partner-reports.js';
import type { AppContext } from '../../../services/context.js';
import { trackingUrl } from '../../../services/intake/submit-complaint.js';
import { assertSigned, channelDisabled, rawBodyOf } from './guard.js';

/**
 * `/webhooks/partners/:partner`: reports pushed by a partner system (LAPOR!, Qlue, JAKI, a DPRD faction's
 * post …), signed with the HMAC its configuration names and mapped by its field mapping. Partner integrators
 * are developers, so problems are answered precisely: 404 `channel_disabled` for a partner not enabled,
 * 401 `invalid_signature`, 400 `validation_failed` naming every missing field (and nothing of the batch is
 * stored). 201 when a report made a new case, 200 when all were already known; each report is answered
 * with our ticket number so the partner can refer to it.
 */
export async function partnerWebhooks(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Params: { partner: string } }>(
    '/webhooks/partners/:partner',
    { schema: { tags: ['webhooks'], summary: 'Reports pushed by a partner system (HMAC-signed)', params: { type: 'object', properties: { partner: { type: 'string', maxLength: 41 } } } } },
    async (request, reply) => {
      const channels = channelsOf(ctx);
      const setup = Object.prototype.hasOwnProperty.call(channels.partners, request.params.partner) ? channels.partners[request.params.partner] : undefined;
      if (!setup?.inbound) throw channelDisabled(`partners/${request.params.partner}`);
      const header = setup.config.inbound.signature!.header;
      assertSigned(verifyPartnerWebhook(setup.config, { rawBody: rawBodyOf(request), headers: request.headers }, channels.values), header);
      const results = await receivePartnerPayload(ctx, channels, setup, request.body, { requestId: request.id });
      const created = results.some((r) => r.result.disposition === 'new_case');
      return reply.status(created ? 201 : 200).send({
        status: 'ok',
        reports: results.map((r) => ({
          id: r.externalId,
          disposition: r.result.disposition,
          ticket: r.result.case.ticket,
          tracking_url: trackingUrl(ctx, r.result.case.ticket),
        })),
      });
    },
  );
}
