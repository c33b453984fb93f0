import type { AppContext } from '../context.js';

/**
 * Public figures are read by anyone, without a login, and one answer takes a few aggregate queries over a whole
 * period: a burst of visitors (or a script) must not turn into a burst of table scans. Each answer is kept for
 * `ttlMs` on the application clock, and concurrent requests for the same key share one computation.
 */
const caches = new WeakMap<AppContext, Map<string, { at: number; value: Promise<unknown> }>>();
const MAX_ENTRIES = 200;

export function cachedPublic<T>(ctx: AppContext, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  if (ttlMs <= 0) return compute();
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const now = ctx.clock().getTime();
  const hit = cache.get(key);
  if (hit && now - hit.at >= 0 && now - hit.at < ttlMs) return hit.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = compute();
  cache.set(key, { at: now, value });
  // A failure is not kept: the next request tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

