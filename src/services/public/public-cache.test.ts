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
