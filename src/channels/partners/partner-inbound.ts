import type { NormalizedComplaint, ReporterInput } from '../../domain/intake/normalized-complaint.js';
import type { ContactKind } from '../../domain/channels.js';
import { validationFailed, type ErrorDetail } from '../../domain/errors.js';
import { tryNormalizeIndonesianMsisdn } from '../sms/msisdn.js';
import { getPath } from './json-path.js';
import type { PartnerConfig } from './partner-config.js';
import { parseLooseTime } from './time-parse.js';
import { verifyHmacSignature, type SignatureCheck } from './webhook-signature.js';

/** Checks a partner webhook's HMAC header. A partner configured without a signature is refused outright. */
export function verifyPartnerWebhook(
  config: PartnerConfig,
  request: { rawBody: Buffer | string; headers: Record<string, string | string[] | undefined> },
  env: Record<string, string | undefined>,
): SignatureCheck {
  const sig = config.inbound.signature;
  if (!sig) return { ok: false, reason: 'secret_missing' };
  const wanted = sig.header.toLowerCase();
  const header = Object.entries(request.headers).find(([k]) => k.toLowerCase() === wanted)?.[1];
  return verifyHmacSignature(sig, request.rawBody, header, env[sig.secretEnv]);
}

/**
 * Their JSON (one report, or several under `inbound.itemsPath`) → normalized complaints. A report missing its
 * id or text is refused with every missing field named; optional fields that do not parse (a latitude of
 * "n/a") are left out rather than failing the whole report.
 */
export function mapPartnerPayload(config: PartnerConfig, payload: unknown, options: { now: Date }): NormalizedComplaint[] {
  if (config.inbound.itemsPath) {
    const items = getPath(payload, config.inbound.itemsPath);
    if (!Array.isArray(items)) throw validationFailed([{ field: config.inbound.itemsPath, message: 'expected an array of reports' }]);
    return items.map((item) => mapPartnerReport(config, item, options));
  }
  return [mapPartnerReport(config, payload, options)];
}

export function mapPartnerReport(config: PartnerConfig, report: unknown, options: { now: Date }): NormalizedComplaint {
  const f = config.fields;
  const text = (p?: string) => (p ? asText(getPath(report, p)) : undefined);
  const problems: ErrorDetail[] = [];
  const externalId = text(f.externalId);
  const body = text(f.text);
  if (!externalId) problems.push({ field: f.externalId, message: 'report id missing' });
  if (!body) problems.push({ field: f.text, message: 'report text missing' });
  if (problems.length) throw validationFailed(problems);

  const lat = f.lat ? asNumber(getPath(report, f.lat)) : undefined;
  const lng = f.lng ? asNumber(getPath(report, f.lng)) : undefined;
  const pointOk = lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0);
  const address = text(f.address);
  const areaCode = text(f.areaCode);
  const location = pointOk || address || areaCode
    ? { ...(pointOk ? { lat, lng } : {}), ...(address ? { address } : {}), ...(areaCode ? { areaCode } : {}) }
    : undefined;

  const theirCategory = text(f.category);
  const theirType = text(f.reportType);
  const attributes: Record<string, string | string[]> = {};
  for (const [name, p] of Object.entries(config.extraFields)) {
    const v = getPath(report, p);
    if (Array.isArray(v)) attributes[name] = v.map(asText).filter((s): s is string => !!s);
    else if (asText(v)) attributes[name] = asText(v)!;
  }
  if (theirCategory) attributes.partnerCategory = theirCategory;

  const replyContext: Record<string, string> = { partnerId: config.id, partnerExternalId: externalId! };
  if (text(f.reporterUserId)) replyContext.partnerUserId = text(f.reporterUserId)!;
  const photos = f.photoUrls ? getPath(report, f.photoUrls) : undefined;
  const photoUrls = (Array.isArray(photos) ? photos : photos !== undefined ? [photos] : []).map(asText).filter((u): u is string => !!u && /^https?:\/\//.test(u));
  if (photoUrls.length) replyContext.photoUrls = photoUrls.join(' ');

  return {
    channel: config.channel,
    externalId: partnerExternalId(config, externalId!),
    receivedAt: (f.receivedAt && parseLooseTime(getPath(report, f.receivedAt), config.inbound.naiveTimeOffset)) || options.now,
    rawPayload: report,
    text: body!,
    title: text(f.title),
    categoryCode: theirCategory ? config.categoryMap[theirCategory] : undefined,
    location,
    reporter: reporterOf(config, report, externalId!),
    replyContext,
    partnerId: config.id,
    attributes: Object.keys(attributes).length ? attributes : undefined,
    reportType: theirType ? config.reportTypeMap[theirType] : undefined,
  };
}

/**
 * Their report ids are unique per partner, not across partners: on the generic `partner` channel (several
 * organisations) the id is prefixed with the partner id so two partners' report 101 never collide. A named
 * system on its own channel (lapor, qlue, jaki) keeps its id as is.
 */
export function partnerExternalId(config: Pick<PartnerConfig, 'id' | 'channel'>, theirId: string): string {
  return config.id === config.channel ? theirId : `${config.id}:${theirId}`;
}

/** `partner_user` contact value: the report in their system, `<partner id>:<their report id>`. */
export function partnerReportAddress(partnerId: string, theirReportId: string): string {
  return `${partnerId}:${theirReportId}`;
}

/** The inverse of partnerReportAddress (partner ids never contain ':'; report ids may). */
export function parsePartnerReportAddress(value: string): { partnerId: string; reportId: string } | undefined {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return undefined;
  return { partnerId: value.slice(0, at), reportId: value.slice(at + 1) };
}

/**
 * The reporter is answered *through the partner*: their primary contact is the report in the partner's system
 * (`partner_user` = `<partner>:<report id>`), so every notification about the case becomes a status update on
 * that report, for anonymous reporters too, and follows the reporter if the case is merged. Phone and e-mail
 * are kept as extra contacts for officers. (The partner's user id is not an address we can send to; it stays
 * in the raw payload and the reply context.)
 */
function reporterOf(config: PartnerConfig, report: unknown, theirReportId: string): ReporterInput {
  const f = config.fields;
  const text = (p?: string) => (p ? asText(getPath(report, p)) : undefined);
  const extra: { kind: ContactKind; value: string }[] = [];
  const phoneText = text(f.reporterPhone);
  const phone = phoneText ? tryNormalizeIndonesianMsisdn(phoneText) : undefined;
  if (phone) extra.push({ kind: 'phone', value: phone });
  const email = text(f.reporterEmail)?.toLowerCase();
  if (email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) extra.push({ kind: 'email', value: email });
  const reporter: ReporterInput = { contactKind: 'partner_user', contactValue: partnerReportAddress(config.id, theirReportId) };
  const name = text(f.reporterName);
  if (name) reporter.name = name;
  if (extra.length) reporter.extraContacts = extra;
  if (f.anonymous && asBoolean(getPath(report, f.anonymous))) reporter.anonymous = true;
  if (f.confidential && asBoolean(getPath(report, f.confidential))) reporter.confidential = true;
  return reporter;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** Numbers, or numeric strings with a decimal point or an Indonesian decimal comma ("-6,2088"). */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function asBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return typeof v === 'string' && ['1', 'true', 'ya', 'yes', 'y'].includes(v.trim().toLowerCase());
}
