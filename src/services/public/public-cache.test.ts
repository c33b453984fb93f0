import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { cachedPublic } from './public-cache.js';

function fakeContext() {
  let now = Date.parse('2026-11-28T00:00:00Z');
  const ctx = { clock: () => new Date(now) } as unknown as AppContext;
  return { ctx, advance: (ms: number) => (now += ms) };
}

describe('cachedPublic', () => {
  it('reuses an answer within the TTL on the application clock, and shares one computation', async () => {
    const { ctx, advance } = fakeContext();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cachedPublic(ctx, 'k', 60_000, compute), cachedPublic(ctx, 'k', 60_000, compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    advance(59_000);
    expect(await cachedPublic(ctx, 'k', 60_000, compute)).toBe(1);
    expect(await cachedPublic(ctx, 'other', 60_000, compute)).toBe(2);
    advance(1_000);
    expect(await cachedPublic(ctx, 'k', 60_000, compute)).toBe(3);
  });

  it('does not keep a failure', async () => {
    const { ctx } = fakeContext();
    await expect(cachedPublic(ctx, 'k', 60_000, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cachedPublic(ctx, 'k', 60_000, async () => 'ok')).toBe('ok');
  });
});

describe('cachedPublic computations', () => {
  it('run one at a time, whatever the keys, and a failure does not stop the next', async () => {
    const { ctx } = fakeContext();
    let running = 0;
    let most = 0;
    const slow = (fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (fail) throw new Error('boom');
      return 'ok';
    };
    const results = await Promise.allSettled([cachedPublic(ctx, 'a', 0, slow()), cachedPublic(ctx, 'b', 60_000, slow(true)), cachedPublic(ctx, 'c', 60_000, slow())]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
  });
});
