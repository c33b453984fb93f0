/**
 * A per-sender token bucket: `ratePerSecond` sends on average, bursts up to `burst`. A provider's 429 pauses
 * the bucket until its Retry-After, so the next messages do not hammer a provider that already said stop.
 * The clock is injected (tests; the outbox's own clock is for due times, this one is for pacing real calls).
 */
export class RateLimitedError extends Error {
  constructor(
    readonly sender: string,
    readonly retryAfterMs: number,
  ) {
    super(`${sender}: rate limited, retry in ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'RateLimitedError';
  }
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  burst?: number;
  /** Longest a send waits for a token before giving the message back to the outbox to retry later. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly name: string,
    private readonly o: TokenBucketOptions,
  ) {
    this.burst = Math.max(1, o.burst ?? Math.ceil(o.ratePerSecond));
    this.now = o.now ?? (() => Date.now());
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Waits for a token, or throws RateLimitedError when that would take longer than maxWaitMs. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.sleep(wait);
  }

  /** Takes a token now or books the next one; returns how long to wait for it. */
  reserve(): number {
    const now = this.now();
    if (now < this.pausedUntil) throw new RateLimitedError(this.name, this.pausedUntil - now);
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.o.ratePerSecond);
    this.last = Math.max(this.last, now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    const wait = ((1 - this.tokens) / this.o.ratePerSecond) * 1000;
    if (wait > (this.o.maxWaitMs ?? 2000)) throw new RateLimitedError(this.name, wait);
    this.tokens -= 1; // booked: the next caller waits behind this one
    return wait;
  }

  /** The provider said 429: nothing goes out before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    // Resume gently: the bucket starts refilling only when the pause ends, not with a full burst.
    this.tokens = 0;
    this.last = this.pausedUntil;
  }
}
