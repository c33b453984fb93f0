/**
 * fetch wrapper for the Cepat API: same origin, cookie session (officers), JSON or multipart bodies, and one
 * error type carrying the API's stable code and both language versions of its message.
 */
export interface ErrorDetail {
  field?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageId: string | null,
    readonly messageEn: string | null,
    readonly details: ErrorDetail[] = [],
  ) {
    super(messageEn ?? messageId ?? code);
  }

  /** No answer at all (offline, server down, connection dropped): the request may or may not have arrived. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form; // the browser sets the multipart boundary itself
  }
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', null, null);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: string; message?: string; message_en?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e && typeof e === 'object') return new ApiError(status, e.code ?? 'error', e.message ?? null, e.message_en ?? null, e.details ?? []);
  return new ApiError(status, status === 404 ? 'not_found' : 'http_error', null, null);
}

export const enc = encodeURIComponent;
