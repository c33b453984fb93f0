import type { ChannelConfig } from '../channels/config/channel-config.js';
import { PeriodicTask } from './periodic.js';
import { channelsOf } from '../channels/config/channel-registry.js';
import { forwardRejectedCases } from '../services/channels/forward-case.js';
import { pollPartner } from '../services/channels/poll-partner.js';
import { releaseStaleSms } from '../services/channels/sms-intake.js';
import type { AppContext } from '../services/context.js';

/**
 * The channels' background work, in the worker process next to the outbox:
 * - polls each partner that has `poll` configured, every `poll.intervalSeconds`;
 * - forwards cases rejected as *bukan wewenang* to the forward partner (LAPOR!) when the officer named it;
 * - releases SMS parts whose siblings stopped coming (when no further SMS arrives to do it).
 * Each task runs alone (a slow partner never overlaps itself) and a failure is logged and retried on the
 * next tick; nothing here holds state that a restart would lose.
 */
export interface ChannelJobs {
  /** One pass of every task that is due (tests call it directly). */
  runOnce(): Promise<void>;
  /** Runs the passes on a timer (the server does; tests and the CLI call runOnce). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function partnerPoller(ctx: AppContext, channels: ChannelConfig = channelsOf(ctx)): ChannelJobs {
  const log = ctx.log.child({ cat: 'channels' });
  const nextPollAt = new Map<string, number>();

  async function pass(): Promise<void> {
    const now = Date.now();
    for (const setup of Object.values(channels.partners)) {
      if (!setup.poll || !setup.config.poll) continue;
      if ((nextPollAt.get(setup.config.id) ?? 0) > now) continue;
      nextPollAt.set(setup.config.id, now + setup.config.poll.intervalSeconds * 1000);
      try {
        const r = await pollPartner(ctx, channels, setup);
        if (r.reports) log.info({ partner: setup.config.id, ...r }, 'partner polled');
      } catch (err) {
        log.warn({ partner: setup.config.id, err: (err as Error).message }, 'partner poll failed; retried next interval');
      }
    }
    try {
      const n = await forwardRejectedCases(ctx, channels);
      if (n) log.info({ forwarded: n, partner: channels.forwardPartner }, 'cases queued for forwarding');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'forward scan failed');
    }
    if (channels.sms.secret) {
      try {
        const n = await releaseStaleSms(ctx, channels);
        if (n) log.info({ released: n }, 'incomplete multipart SMS released');
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'SMS part release failed');
      }
    }
  }

  const task = new PeriodicTask(pass, (err) => ctx.log.error({ cat: 'channels', err }, 'channel jobs pass failed'));
  return { runOnce: () => task.runOnce(), start: (ms: number) => task.start(ms), stop: () => task.stop() };
}

/** Starts the ticks; `intervalMs` is the tick, each partner still waits its own poll interval. */
export function startPartnerPoller(ctx: AppContext, options: { intervalMs?: number; channels?: ChannelConfig } = {}): ChannelJobs {
  const jobs = partnerPoller(ctx, options.channels);
  jobs.start(options.intervalMs ?? 30_000);
  return jobs;
}
