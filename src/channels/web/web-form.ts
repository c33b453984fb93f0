import { randomUUID } from 'node:crypto';
import { tryNormalizeIndonesianMsisdn } from '../sms/msisdn.js';
import { validationFailed, type ErrorDetail } from '../../domain/errors.js';
import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';

/** The citizen portal's complaint form, as JSON or as multipart fields (flat names). */
export interface WebComplaintForm {
  text: string;
  title?: string;
  category?: string;
  report_type?: 'pengaduan' | 'aspirasi' | 'permintaan_informasi' | 'wbs';
  location?: { lat?: number; lng?: number; address?: string; area_code?: string };
  reporter?: { name?: string; email?: string; phone?: string; anonymous?: boolean; confidential?: boolean };
  /** Client-generated idempotency key (also accepted as the Idempotency-Key header). */
  client_request_id?: string;
}

export const webComplaintSchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 4000 },
    title: { type: 'string', maxLength: 200 },
    category: { type: 'string', maxLength: 60 },
    report_type: { type: 'string', enum: ['pengaduan', 'aspirasi', 'permintaan_informasi', 'wbs'] },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lng: { type: 'number', minimum: -180, maximum: 180 },
        address: { type: 'string', maxLength: 500 },
        area_code: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
      },
    },
    reporter: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: 120 },
        email: { type: 'string', format: 'email', maxLength: 200 },
        phone: { type: 'string', maxLength: 30 },
        anonymous: { type: 'boolean' },
        confidential: { type: 'boolean' },
      },
    },
    client_request_id: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' },
  },
} as const;

/** Multipart sends flat string fields; this turns them into the JSON form shape (validated by the same schema). */
export function formFromFields(fields: Record<string, string>): WebComplaintForm {
  const num = (v?: string) => (v === undefined || v === '' ? undefined : Number(v));
  const bool = (v?: string) => v === 'true' || v === '1' || v === 'on';
  const form: WebComplaintForm = {
    text: fields.text ?? '',
    title: fields.title || undefined,
    category: fields.category || undefined,
    report_type: (fields.report_type || undefined) as WebComplaintForm['report_type'],
    client_request_id: fields.client_request_id || undefined,
  };
  if (fields.lat || fields.lng || fields.address || fields.area_code) {
    form.location = { lat: num(fields.lat), lng: num(fields.lng), address: fields.address || undefined, area_code: fields.area_code || undefined };
  }
  if (fields.name || fields.email || fields.phone || fields.anonymous || fields.confidential) {
    form.reporter = { name: fields.name || undefined, email: fields.email || undefined, phone: fields.phone || undefined, anonymous: bool(fields.anonymous), confidential: bool(fields.confidential) };
  }
  return form;
}

/** Turns the portal form into the normalized complaint; the channel is `web` unless an officer takes it. */
export function webFormToComplaint(form: WebComplaintForm, opts: { idempotencyKey?: string; attachments?: AttachmentInput[]; receivedAt: Date; rawPayload: unknown }): NormalizedComplaint {
  const problems: ErrorDetail[] = [];
  let phone: string | undefined;
  if (form.reporter?.phone) {
    phone = tryNormalizeIndonesianMsisdn(form.reporter.phone);
    if (!phone) problems.push({ field: 'reporter.phone', message: 'not an Indonesian phone number' });
  }
  if (Number.isNaN(form.location?.lat) || Number.isNaN(form.location?.lng)) problems.push({ field: 'location', message: 'lat/lng must be numbers' });
  if (problems.length) throw validationFailed(problems);
  const email = form.reporter?.email?.toLowerCase();
  const primary = email ? { kind: 'email' as const, value: email } : phone ? { kind: 'phone' as const, value: phone } : null;
  const extra = email && phone ? [{ kind: 'phone' as const, value: phone }] : [];
  return {
    channel: 'web',
    externalId: opts.idempotencyKey ?? form.client_request_id ?? `web-${randomUUID()}`,
    receivedAt: opts.receivedAt,
    rawPayload: opts.rawPayload,
    text: form.text,
    title: form.title,
    categoryCode: form.category,
    reportType: form.report_type,
    location: form.location ? { lat: form.location.lat, lng: form.location.lng, address: form.location.address, areaCode: form.location.area_code } : undefined,
    reporter: {
      name: form.reporter?.name,
      contactKind: primary?.kind ?? 'none',
      contactValue: primary?.value,
      extraContacts: extra,
      anonymous: form.reporter?.anonymous,
      confidential: form.reporter?.confidential,
    },
    attachments: opts.attachments,
  };
}
