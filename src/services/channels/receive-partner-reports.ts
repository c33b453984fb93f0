import type { ChannelConfig } from '../../channels/config/channel-config.js';
import type { PartnerSetup } from '../../channels/config/partner-setup.js';
import { mapPartnerPayload, mapPartnerReport } from '../../channels/partners/partner-inbound.js';
import type { NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import { findArea, findCategory } from '../../store/reference.repository.js';
import type { AppContext, RequestMeta } from '../context.js';
import { receiveChannelMessage, type ChannelMessageResult } from './receive-channel-message.js';

/**
 * Reports from a partner system (LAPOR!, Qlue, JAKI, a DPRD faction's post …), pushed to its webhook or
 * fetched by the poller, mapped by the partner's declarative configuration. Every report of a batch is mapped
 * before any is stored, so a malformed batch stores nothing. A category or area code of theirs that our
 * catalogue does not know is dropped (the report still becomes a case and goes to triage) rather than refusing
 * a citizen's report over a mapping gap; the log names it so the mapping can be fixed.
 */
export interface PartnerIntakeResult {
  externalId: string;
  result: ChannelMessageResult;
}

export async function receivePartnerPayload(ctx: AppContext, channels: ChannelConfig, partner: PartnerSetup, payload: unknown, meta: RequestMeta = {}): Promise<PartnerIntakeResult[]> {
  const complaints = mapPartnerPayload(partner.config, payload, { now: ctx.clock() });
  return receiveMapped(ctx, channels, partner, complaints, meta);
}

/** Items already split (the poller's pages). */
export async function receivePartnerItems(ctx: AppContext, channels: ChannelConfig, partner: PartnerSetup, items: unknown[], meta: RequestMeta = {}): Promise<PartnerIntakeResult[]> {
  const complaints = items.map((item) => mapPartnerReport(partner.config, item, { now: ctx.clock() }));
  return receiveMapped(ctx, channels, partner, complaints, meta);
}

async function receiveMapped(ctx: AppContext, channels: ChannelConfig, partner: PartnerSetup, complaints: NormalizedComplaint[], meta: RequestMeta): Promise<PartnerIntakeResult[]> {
  const out: PartnerIntakeResult[] = [];
  for (const raw of complaints) {
    const complaint = await withKnownCodes(ctx, partner, raw);
    const photos = complaint.replyContext?.photoUrls?.split(' ').filter(Boolean) ?? [];
    const result = await receiveChannelMessage(
      ctx,
      {
        complaint,
        mediaUrls: photos,
        media: { hosts: partner.config.mediaHosts, timeoutMs: channels.media.timeoutMs, maxCount: channels.media.maxPerMessage },
        // Each partner report is its own report: never joined to another by sender and time.
        conversationWindowMinutes: 0,
      },
      meta,
    );
    out.push({ externalId: complaint.externalId, result });
  }
  return out;
}

async function withKnownCodes(ctx: AppContext, partner: PartnerSetup, c: NormalizedComplaint): Promise<NormalizedComplaint> {
  const db = ctx.database.db;
  let out = c;
  if (c.categoryCode && !(await findCategory(db, c.categoryCode))) {
    ctx.log.warn({ cat: 'channels', partner: partner.config.id, category: c.categoryCode }, 'partner categoryMap names a category we do not have');
    out = { ...out, categoryCode: undefined };
  }
  const area = c.location?.areaCode;
  if (area && !(await findArea(db, area))) {
    ctx.log.info({ cat: 'channels', partner: partner.config.id, area }, 'partner area code unknown here; kept as an attribute');
    const { areaCode: _dropped, ...location } = c.location!;
    out = { ...out, location, attributes: { ...out.attributes, partnerAreaCode: area } };
  }
  return out;
}
