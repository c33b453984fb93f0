import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './http-call.js';
import { RateLimitedError, TokenBucket } from './token-bucket.js';

describe('token bucket', () => {
  it('allows a burst, then paces at the rate, and gives up past the longest wait', () => {
    let now = 0;
    const b = new TokenBucket('t', { ratePerSecond: 2, burst: 2, maxWaitMs: 1000, now: () => now });
    expect(b.reserve()).toBe(0);
    expect(b.reserve()).toBe(0);
    expect(b.reserve()).toBe(500); // booked: the third waits half a second
    expect(b.reserve()).toBe(1000);
    expect(() => b.reserve()).toThrow(RateLimitedError);
    now = 5000; // refilled (to the burst, not beyond)
    expect(b.reserve()).toBe(0);
    expect(b.reserve()).toBe(0);
    expect(b.reserve()).toBeGreaterThan(0);
  });

  it('pauses after a provider 429 until Retry-After has passed', async () => {
    let now = 0;
    const slept: number[] = [];
    const b = new TokenBucket('t', { ratePerSecond: 10, now: () => now, sleep: async (ms) => void slept.push(ms) });
    b.pause(3000);
    await expect(b.acquire()).rejects.toMatchObject({ retryAfterMs: 3000 });
    now = 3000;
    await b.acquire();
    expect(slept).toEqual([100]); // the pause emptied the bucket: the first token is 100 ms away
  });

  it('reads Retry-After as seconds or a date, and X reset times', () => {
    const now = Date.parse('2026-11-23T02:00:00Z');
    expect(retryAfterMs('120', null, now)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 02:00:30 GMT', null, now)).toBe(30_000);
    expect(retryAfterMs(null, String(now / 1000 + 900), now)).toBe(900_000);
    expect(retryAfterMs(null, null, now)).toBeUndefined();
  });
});
