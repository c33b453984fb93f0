/**
 * A provider call described as data: what every reply/status builder returns and what the outbox senders
 * execute (with undici's fetch) after commit. Keeping it as data lets tests assert the exact request and lets
 * the outbox retry the same request with the same idempotency key.
 */
export interface OutboundRequest {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers: Record<string, string>;
  /** Serialized body (JSON text or form-encoded), ready to send as is. */
  body: string;
}

/** Joins a configured base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
