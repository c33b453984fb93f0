import type { OutboundRequest } from '../../channels/partners/outbound-request.js';
import { PermanentDeliveryError } from '../outbox-worker.js';
import { RateLimitedError, type TokenBucket } from './token-bucket.js';

/**
 * Runs one provider call built as data (OutboundRequest) and sorts the outcome for the outbox:
 * - 2xx: the answer, parsed as JSON when it is JSON;
 * - 429: RateLimitedError (retried later; the bucket pauses for Retry-After);
 * - 5xx, 408, 401, timeouts and network errors: a plain Error, retried with backoff (a 401 is usually a token
 *   being rotated, which an operator fixes without losing the queue);
 * - other 4xx: PermanentDeliveryError, since sending the same request again gets the same answer.
 * Provider bodies are cut short in error messages: they may echo the text we sent.
 */
export interface ProviderAnswer {
  status: number;
  body: unknown;
}

export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export class PermanentProviderError extends PermanentDeliveryError {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentProviderError';
  }
}

export async function callProvider(provider: string, req: OutboundRequest, o: { timeoutMs: number; bucket?: TokenBucket; idempotencyKey?: string }): Promise<ProviderAnswer> {
  await o.bucket?.acquire();
  const headers = { ...req.headers, ...(o.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : {}) };
  let res: Response;
  try {
    res = await fetch(req.url, { method: req.method, headers, body: req.method === 'GET' ? undefined : req.body, signal: AbortSignal.timeout(o.timeoutMs), redirect: 'error' });
  } catch (err) {
    const e = err as Error;
    const what = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${o.timeoutMs} ms` : `${e.message}${(e as { cause?: Error }).cause ? `: ${(e as { cause?: Error }).cause!.message}` : ''}`;
    throw new Error(`${provider}: ${what}`);
  }
  const text = await res.text();
  let body: unknown = text;
  if (/json/i.test(res.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (res.ok) return { status: res.status, body };
  const snippet = text.replace(/\s+/g, ' ').slice(0, 300);
  if (res.status === 429) {
    const wait = retryAfterMs(res.headers.get('retry-after'), res.headers.get('x-rate-limit-reset')) ?? 60_000;
    o.bucket?.pause(wait);
    throw new RateLimitedError(provider, wait);
  }
  if (res.status >= 500 || res.status === 408 || res.status === 401) throw new ProviderError(res.status, body, `${provider}: HTTP ${res.status} ${snippet}`);
  throw new PermanentProviderError(res.status, body, `${provider}: HTTP ${res.status} ${snippet}`);
}

/** Retry-After in seconds or as an HTTP date; X sends x-rate-limit-reset as epoch seconds. */
export function retryAfterMs(retryAfter: string | null, resetEpoch: string | null, now = Date.now()): number | undefined {
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  if (resetEpoch && /^\d+$/.test(resetEpoch.trim())) return Math.max(0, Number(resetEpoch) * 1000 - now);
  return undefined;
}
