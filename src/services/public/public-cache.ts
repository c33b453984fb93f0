import type { AppContext } from '../context.js';

/**
 * Public figures are read by anyone, without a login, and one answer takes aggregate queries over a whole
 * period: a burst of visitors (or a script varying the period) must not turn into a burst of table scans. Each
 * answer is kept for `ttlMs` on the application clock; concurrent requests for the same key share one
 * computation; and computations run one at a time, so anonymous traffic costs the database at most one scan at
 * a time, whatever it asks.
 */
interface PublicCache {
  entries: Map<string, { at: number; value: Promise<unknown> }>;
  /** The tail of the queue of computations. */
  gate: Promise<unknown>;
}
const caches = new WeakMap<AppContext, PublicCache>();
const MAX_ENTRIES = 200;

export function cachedPublic<T>(ctx: AppContext, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = { entries: new Map(), gate: Promise.resolve() }));
  const now = ctx.clock().getTime();
  const hit = cache.entries.get(key);
  if (hit && now - hit.at >= 0 && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = cache.gate.then(compute, compute);
  cache.gate = value.catch(() => undefined);
  if (ttlMs <= 0) return value;
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!); // the oldest
  cache.entries.delete(key);
  cache.entries.set(key, { at: now, value });
  // A failure is not kept: the next request tries again.
  const entries = cache.entries;
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
