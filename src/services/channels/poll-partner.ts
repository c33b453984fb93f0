import type { ChannelConfig } from '../../channels/config/channel-config.js';
import type { PartnerSetup } from '../../channels/config/partner-setup.js';
import { buildPollRequest, parsePollResponse } from '../../channels/partners/partner-poll.js';
import type { AppContext } from '../context.js';
import { callProvider } from '../../jobs/senders/http-call.js';
import { receivePartnerItems } from './receive-partner-reports.js';

/**
 * One poll of a partner's API: pages from `{since}` (the last successful poll, minus an overlap) until their
 * answer has no next cursor. Reports are idempotent by their id, so the overlap and a poll repeated after a
 * crash only find known reports. The mark moves only after every page was taken, so a failed poll is
 * repeated from the same point next time.
 */
export interface PollOutcome {
  pages: number;
  reports: number;
  created: number;
}

const markKey = (partnerId: string) => `channels.poll.${partnerId}.since`;

export async function pollPartner(ctx: AppContext, channels: ChannelConfig, setup: PartnerSetup): Promise<PollOutcome> {
  const poll = setup.config.poll;
  if (!poll || !setup.poll) return { pages: 0, reports: 0, created: 0 };
  const db = ctx.database.db;
  const startedAt = ctx.clock();
  const mark = await db.selectFrom('settings').select('value').where('key', '=', markKey(setup.config.id)).executeTakeFirst();
  const since = mark ? new Date(mark.value) : new Date(startedAt.getTime() - poll.initialLookbackHours * 3_600_000);
  const outcome: PollOutcome = { pages: 0, reports: 0, created: 0 };
  let cursor: string | undefined;
  do {
    const request = buildPollRequest(setup.config, { since, cursor }, channels.values);
    const answer = await callProvider(`partner:${setup.config.id}`, request, { timeoutMs: channels.httpTimeoutMs });
    const page = parsePollResponse(setup.config, answer.body);
    const results = await receivePartnerItems(ctx, channels, setup, page.items, { requestId: `poll:${setup.config.id}` });
    outcome.pages++;
    outcome.reports += results.length;
    outcome.created += results.filter((r) => r.result.disposition === 'new_case').length;
    cursor = page.nextCursor;
  } while (cursor && outcome.pages < poll.maxPages);
  const next = new Date(startedAt.getTime() - poll.overlapSeconds * 1000).toISOString();
  await db.insertInto('settings').values({ key: markKey(setup.config.id), value: next }).onConflict((oc) => oc.column('key').doUpdateSet({ value: next })).execute();
  return outcome;
}
