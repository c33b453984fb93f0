import { getPath } from './json-path.js';
import type { PartnerConfig } from './partner-config.js';
import { PartnerRequestError } from './partner-outbound.js';
import type { OutboundRequest } from './outbound-request.js';
import { signatureHeaderValue } from './webhook-signature.js';

/**
 * Polling a partner's API for new reports (`poll` in its config). Pure: the job runs the request, then hands
 * the parsed answer to the same mapping as the webhook, so both paths make identical complaints.
 */
export function buildPollRequest(config: PartnerConfig, values: { since: Date; cursor?: string }, env: Record<string, string | undefined>): OutboundRequest {
  const poll = config.poll;
  if (!poll) throw new PartnerRequestError('partner_request_not_configured', `partner '${config.id}' has no poll configuration`);
  const baseUrl = (config.baseUrlEnv && env[config.baseUrlEnv]) || config.baseUrl;
  const url = poll.url.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'baseUrl') {
      if (!baseUrl) throw new PartnerRequestError('partner_template_value_missing', `partner '${config.id}': baseUrl is not configured`);
      return baseUrl.replace(/\/+$/, '');
    }
    if (name === 'since') return encodeURIComponent(values.since.toISOString());
    if (name === 'cursor') return encodeURIComponent(values.cursor ?? '');
    throw new PartnerRequestError('partner_template_value_missing', `partner '${config.id}': unknown placeholder '{${name}}' in poll.url`);
  });
  const headers: Record<string, string> = { accept: 'application/json', ...poll.headers };
  const secret = (name: string) => {
    const v = env[name];
    if (!v) throw new PartnerRequestError('partner_secret_missing', `partner '${config.id}': environment variable ${name} is not set`);
    return v;
  };
  if (poll.auth?.kind === 'bearer') headers.authorization = `Bearer ${secret(poll.auth.tokenEnv)}`;
  else if (poll.auth?.kind === 'header') headers[poll.auth.header.toLowerCase()] = secret(poll.auth.valueEnv);
  // A GET has no body: the signature covers the path and query instead.
  else if (poll.auth?.kind === 'hmac') headers[poll.auth.header.toLowerCase()] = signatureHeaderValue(poll.auth, secret(poll.auth.secretEnv), new URL(url).pathname + new URL(url).search);
  return { url, method: 'GET', headers, body: '' };
}

export interface PollPage {
  /** Each element is one report, to map with mapPartnerReport. */
  items: unknown[];
  nextCursor?: string;
}

export function parsePollResponse(config: PartnerConfig, body: unknown): PollPage {
  const poll = config.poll;
  const itemsPath = poll?.itemsPath ?? config.inbound.itemsPath;
  const items = itemsPath ? getPath(body, itemsPath) : body;
  if (!Array.isArray(items)) throw new PartnerRequestError('partner_request_not_configured', `partner '${config.id}': poll answer has no array of reports at ${itemsPath ?? 'the root'}`);
  const cursor = poll?.nextCursorPath ? getPath(body, poll.nextCursorPath) : undefined;
  const next = typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : undefined;
  return { items, nextCursor: next || undefined };
}

/** Their id for a forwarded report, when the config says where their answer holds it. */
export function forwardedReportId(config: PartnerConfig, body: unknown): string | undefined {
  const p = config.forward?.responseIdPath;
  if (!p) return undefined;
  const v = getPath(body, p);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}
