import type { PartnerConfig, PartnerRequestSpec } from './partner-config.js';
import { setPath } from './json-path.js';
import type { OutboundRequest } from './outbound-request.js';
import { signatureHeaderValue } from './webhook-signature.js';

/**
 * Calls to a partner, built from the request templates in its config: status updates pushed back when a
 * case that came from them changes, and forwarding a case to them (a case rejected as *bukan wewenang* goes
 * to LAPOR!, which routes it to the competent institution).
 */
export type TemplateValues = Record<string, string | number | boolean | undefined>;

export class PartnerRequestError extends Error {
  constructor(
    readonly code: 'partner_secret_missing' | 'partner_template_value_missing' | 'partner_request_not_configured',
    message: string,
  ) {
    super(message);
    this.name = 'PartnerRequestError';
  }
}

export interface StatusUpdateInput {
  /** Their report id (replyContext.partnerExternalId). */
  externalId: string;
  /** Our status code (e.g. 'proses'). */
  status: string;
  ticketNumber: string;
  updatedAt: Date;
  /** Public follow-up note or rejection reason. */
  note?: string;
  agencyName?: string;
  trackingUrl?: string;
}

/** The status update request, or undefined when this status is not one the partner knows (not pushed). */
export function buildStatusUpdateRequest(config: PartnerConfig, input: StatusUpdateInput, env: Record<string, string | undefined>): OutboundRequest | undefined {
  if (!config.statusUpdate) return undefined;
  const theirStatus = config.statusMap[input.status];
  if (theirStatus === undefined) return undefined;
  return buildPartnerRequest(config, config.statusUpdate, {
    externalId: input.externalId,
    status: theirStatus,
    ourStatus: input.status,
    ticketNumber: input.ticketNumber,
    updatedAt: input.updatedAt.toISOString(),
    note: input.note,
    agencyName: input.agencyName,
    trackingUrl: input.trackingUrl,
  }, env);
}

export interface ForwardInput {
  ticketNumber: string;
  title?: string;
  text: string;
  /** Our category code; sent as theirs through the reverse of categoryMap when one maps to it. */
  categoryCode?: string;
  lat?: number;
  lng?: number;
  address?: string;
  areaCode?: string;
  receivedAt: Date;
  /** Why it is forwarded (the *bukan wewenang* reason shown to the citizen). */
  reason: string;
  /** The institution we believe is competent, when known. */
  targetInstitution?: string;
  trackingUrl?: string;
  /**
   * Reporter identity, only for reporters who are neither anonymous nor confidential and agreed to the
   * forward: the caller decides, this builder sends whatever it is given.
   */
  reporterName?: string;
  reporterPhone?: string;
  reporterEmail?: string;
}

export function buildForwardRequest(config: PartnerConfig, input: ForwardInput, env: Record<string, string | undefined>): OutboundRequest {
  if (!config.forward) throw new PartnerRequestError('partner_request_not_configured', `partner '${config.id}' has no forward request`);
  const theirCategory = input.categoryCode ? Object.entries(config.categoryMap).find(([, ours]) => ours === input.categoryCode)?.[0] : undefined;
  return buildPartnerRequest(config, config.forward, {
    ...input,
    category: theirCategory,
    receivedAt: input.receivedAt.toISOString(),
  }, env);
}

export function buildPartnerRequest(config: PartnerConfig, spec: PartnerRequestSpec, values: TemplateValues, env: Record<string, string | undefined>): OutboundRequest {
  const baseUrl = (config.baseUrlEnv && env[config.baseUrlEnv]) || config.baseUrl;
  const url = spec.url.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'baseUrl') {
      if (!baseUrl) throw new PartnerRequestError('partner_template_value_missing', `partner '${config.id}': baseUrl is not configured`);
      return baseUrl.replace(/\/+$/, '');
    }
    const v = values[name];
    if (v === undefined || v === '') throw new PartnerRequestError('partner_template_value_missing', `partner '${config.id}': '${name}' needed for the URL`);
    return encodeURIComponent(String(v));
  });

  const bodyObject: Record<string, unknown> = {};
  for (const [path, template] of Object.entries(spec.body)) {
    const single = template.match(/^\{(\w+)\}$/);
    if (single) {
      const v = values[single[1]];
      if (v !== undefined) setPath(bodyObject, path, v);
      continue;
    }
    setPath(bodyObject, path, template.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? '')));
  }
  const body = spec.format === 'json' ? JSON.stringify(bodyObject) : formEncode(bodyObject);
  const headers: Record<string, string> = {
    'content-type': spec.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    ...spec.headers,
  };
  const secret = (name: string) => {
    const v = env[name];
    if (!v) throw new PartnerRequestError('partner_secret_missing', `partner '${config.id}': environment variable ${name} is not set`);
    return v;
  };
  if (spec.auth?.kind === 'bearer') headers.authorization = `Bearer ${secret(spec.auth.tokenEnv)}`;
  else if (spec.auth?.kind === 'header') headers[spec.auth.header.toLowerCase()] = secret(spec.auth.valueEnv);
  else if (spec.auth?.kind === 'hmac') headers[spec.auth.header.toLowerCase()] = signatureHeaderValue(spec.auth, secret(spec.auth.secretEnv), body);
  return { url, method: spec.method, headers, body };
}

/** Flat form encoding; nested paths become `a[b]` keys, the PHP convention most Indonesian backends read. */
function formEncode(obj: Record<string, unknown>, prefix = '', out = new URLSearchParams()): string {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (v !== null && typeof v === 'object') formEncode(v as Record<string, unknown>, key, out);
    else if (v !== undefined) out.append(key, String(v));
  }
  return out.toString();
}
