import { loadChannelConfig, type ChannelConfig } from './channel-config.js';

/**
 * Where routes, senders and jobs find the channel configuration of a running context. Until AppContext
 * carries it as a field (`ctx.channels`, loaded in bootstrap), it is attached to the context object here:
 * loaded from the process environment on first use, or given explicitly (tests, `cepat simulate`) with
 * `useChannelConfig` before the first request. Keyed by context, so two servers in one process (tests) never
 * share or swap each other's configuration.
 */
const attached = new WeakMap<object, ChannelConfig>();

export function useChannelConfig(ctx: object, config: ChannelConfig): ChannelConfig {
  attached.set(ctx, config);
  return config;
}

export function channelsOf(ctx: object): ChannelConfig {
  let config = attached.get(ctx);
  if (!config) {
    config = loadChannelConfig(process.env);
    attached.set(ctx, config);
  }
  return config;
}
