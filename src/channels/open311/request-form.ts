import { randomUUID } from 'node:crypto';
import { validationFailed, type ErrorDetail } from '../../domain/errors.js';
import type { NormalizedComplaint, ReporterInput } from '../../domain/intake/normalized-complaint.js';
import { tryNormalizeIndonesianMsisdn } from '../sms/msisdn.js';
import { readAttributes, type AttributeDef, type FormParams } from './attributes.js';

/**
 * POST /requests: the Open311 parameters turned into the one normalized complaint. Every problem is listed at
 * once (Open311 returns a list of errors). An empty parameter counts as absent, as the standard says.
 */
export const MAX_DESCRIPTION = 4000;

/** Parameters never kept in the stored raw message: the key is a secret. */
const SECRET_PARAMS = new Set(['api_key']);

export interface RequestFormContext {
  /** The service (category) named by service_code, or null when there is no such active service. */
  service: { code: string; name: string } | null;
  attributeDefs: readonly AttributeDef[];
  apiKeyId: number;
  /** The client's Idempotency-Key header, already checked; without one every POST is a new request. */
  idempotencyKey?: string;
  receivedAt: Date;
}

/** One value of a parameter: empty counts as absent; a parameter sent twice is a problem. */
export function single(params: FormParams, key: string, problems: ErrorDetail[]): string | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    const nonEmpty = v.filter((s) => s.trim() !== '');
    if (nonEmpty.length > 1) {
      problems.push({ field: key, message: 'given more than once' });
      return undefined;
    }
    return nonEmpty[0]?.trim();
  }
  return v.trim() === '' ? undefined : v.trim();
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const AREA_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** The Idempotency-Key header: 8–100 of [A-Za-z0-9._:-], or a 400. */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (!IDEMPOTENCY_KEY.test(value)) throw validationFailed([{ field: 'Idempotency-Key', message: '8–100 characters of A–Z a–z 0–9 . _ : -' }]);
  return value;
}

/** The idempotency key is scoped to the API key: two partners using the same key never share a case. */
export function externalIdFor(apiKeyId: number, idempotencyKey?: string): string {
  return idempotencyKey ? `idem:${apiKeyId}:${idempotencyKey}` : `req:${apiKeyId}:${randomUUID()}`;
}

function readLocation(params: FormParams, problems: ErrorDetail[]): NormalizedComplaint['location'] {
  const lat = single(params, 'lat', problems);
  const long = single(params, 'long', problems);
  const address = single(params, 'address_string', problems);
  const addressId = single(params, 'address_id', problems);
  const location: NonNullable<NormalizedComplaint['location']> = {};
  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || long === undefined) problems.push({ field: lat === undefined ? 'lat' : 'long', message: 'lat and long go together' });
    else if (!DECIMAL.test(lat) || !DECIMAL.test(long)) problems.push({ field: 'lat/long', message: 'must be decimal degrees (WGS84)' });
    else if (Math.abs(Number(lat)) > 90 || Math.abs(Number(long)) > 180) problems.push({ field: 'lat/long', message: 'out of range' });
    else Object.assign(location, { lat: Number(lat), lng: Number(long) });
  }
  if (address !== undefined) {
    if (address.length > 500) problems.push({ field: 'address_string', message: 'at most 500 characters' });
    else location.address = address;
  }
  if (addressId !== undefined) {
    if (!AREA_CODE.test(addressId)) problems.push({ field: 'address_id', message: 'must be a Kemendagri area code such as 31.71.01.1001' });
    else location.areaCode = addressId;
  }
  const given = lat !== undefined || long !== undefined || address !== undefined || addressId !== undefined;
  if (!given) problems.push({ field: 'location', message: 'required: lat and long, address_string or address_id' });
  return location;
}

function readReporter(params: FormParams, apiKeyId: number, attributes: Record<string, string | string[]>, problems: ErrorDetail[]): ReporterInput {
  const email = single(params, 'email', problems)?.toLowerCase();
  const phoneText = single(params, 'phone', problems);
  const accountId = single(params, 'account_id', problems);
  const name = [single(params, 'first_name', problems), single(params, 'last_name', problems)].filter(Boolean).join(' ');
  if (email !== undefined && (email.length > 200 || !EMAIL.test(email))) problems.push({ field: 'email', message: 'not an e-mail address' });
  let phone: string | undefined;
  if (phoneText !== undefined) {
    phone = tryNormalizeIndonesianMsisdn(phoneText, { allowFixedLine: true });
    if (!phone) problems.push({ field: 'phone', message: 'not an Indonesian phone number' });
  }
  if (name.length > 120) problems.push({ field: 'first_name/last_name', message: 'at most 120 characters together' });
  if (accountId !== undefined && accountId.length > 100) problems.push({ field: 'account_id', message: 'at most 100 characters' });
  // The partner's own user account reaches the citizen through the partner when there is no e-mail or phone.
  const contacts = [
    ...(email ? [{ kind: 'email' as const, value: email }] : []),
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
    ...(accountId ? [{ kind: 'partner_user' as const, value: `${apiKeyId}:${accountId}` }] : []),
  ];
  const [primary, ...extra] = contacts;
  return {
    name: name || undefined,
    contactKind: primary?.kind ?? 'none',
    contactValue: primary?.value,
    extraContacts: extra,
    anonymous: attributes.anonymous === 'true',
    confidential: attributes.confidential === 'true',
  };
}

/** Builds the normalized complaint, or throws one validation error listing every problem. */
export function readRequestForm(params: FormParams, c: RequestFormContext): NormalizedComplaint {
  const problems: ErrorDetail[] = [];
  const serviceCode = single(params, 'service_code', problems);
  if (serviceCode === undefined) {
    if (!problems.some((p) => p.field === 'service_code')) problems.push({ field: 'service_code', message: 'required' });
  }
  else if (!c.service) problems.push({ field: 'service_code', message: `unknown service '${serviceCode}'` });
  const location = readLocation(params, problems);
  const description = single(params, 'description', problems);
  if (description !== undefined && description.length > MAX_DESCRIPTION) problems.push({ field: 'description', message: `at most ${MAX_DESCRIPTION} characters` });
  const mediaUrl = single(params, 'media_url', problems);
  if (mediaUrl !== undefined && (mediaUrl.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(mediaUrl))) problems.push({ field: 'media_url', message: 'must be an http(s) URL' });
  const deviceId = single(params, 'device_id', problems);
  if (deviceId !== undefined && deviceId.length > 200) problems.push({ field: 'device_id', message: 'at most 200 characters' });
  const attrs = readAttributes(c.attributeDefs, params);
  problems.push(...attrs.problems);
  const reporter = readReporter(params, c.apiKeyId, attrs.values, problems);
  if (problems.length) throw validationFailed(problems);

  const rawPayload = Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k)));
  const reportType = attrs.values.report_type as NormalizedComplaint['reportType'] | undefined;
  return {
    channel: 'open311',
    externalId: externalIdFor(c.apiKeyId, c.idempotencyKey),
    receivedAt: c.receivedAt,
    rawPayload,
    // Open311 makes the description optional; the case still needs a text, so the service name stands in.
    text: description ?? c.service!.name,
    categoryCode: c.service!.code,
    location,
    reporter,
    partnerId: String(c.apiKeyId),
    attributes: { ...attrs.values, ...(mediaUrl ? { media_url: mediaUrl } : {}), ...(deviceId ? { device_id: deviceId } : {}) },
    reportType: reportType ?? 'pengaduan',
  };
}
