import { redactContacts } from '../../../domain/privacy/redact.js';
import type { AttributeDef } from '../../../channels/open311/attributes.js';
import { formatDateTime } from '../../../channels/open311/datetime.js';
import type { UpdateItem } from '../../../channels/open311/updates.js';
import type { AppContext } from '../../../services/context.js';
import { open311ExtendedStatus, open311Status, STATUS_LABELS, type Status } from '../../../domain/case/status.js';
import { UNCATEGORIZED_SERVICE, type PublicRequestRow, type ServiceRow } from '../../../store/open311.repository.js';

/**
 * Open311 presenters: field names and order as in the specification's examples; JSON and XML come from the
 * same objects. Never a reporter field: a request carries only what the public page of a case shows.
 */
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this API's behaviour last changed (the discovery `changeset`). */
export const CHANGESET = '2026-11-28T00:00:00+07:00';

export interface PresentOptions {
  timeZone: string;
  publicUrl: string;
}

export function presentOptions(ctx: AppContext): PresentOptions {
  return { timeZone: ctx.config.timezone, publicUrl: ctx.config.publicUrl };
}

export function mediaUrl(o: PresentOptions, sha: string | null | undefined): string | null {
  return sha ? `${o.publicUrl}/open311/v2/media/${sha}` : null;
}

export function serviceNotice(o: PresentOptions, ticket: string): string {
  return `Pantau laporan ini di / Track this request at ${o.publicUrl}/lacak/${encodeURIComponent(ticket)}`;
}

function keywords(text: string): string | null {
  const list = text.split(',').map((k) => k.trim()).filter(Boolean);
  return list.length ? list.join(', ') : null;
}

export function presentService(s: ServiceRow, attributes: readonly AttributeDef[]) {
  return {
    service_code: s.code,
    service_name: s.name_id,
    description: s.description.trim() || s.name_en || null,
    metadata: attributes.length > 0,
    type: 'realtime',
    keywords: keywords(s.keywords),
    group: s.group_name || null,
  };
}

export function presentDefinition(code: string, attributes: readonly AttributeDef[]) {
  return {
    service_code: code,
    attributes: attributes.map((a, i) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription,
      order: i + 1,
      description: a.description,
      values: a.values ? a.values.map((v) => ({ key: v.key, name: v.name })) : undefined,
    })),
  };
}

export function presentDiscovery(o: PresentOptions, jurisdictionId: string) {
  return {
    changeset: CHANGESET,
    contact: `Cepat — ${jurisdictionId} (${o.publicUrl})`,
    key_service: 'API keys are issued by the administrator (npx cepat apikeys create --name NAME).',
    endpoints: [
      { specification: SPECIFICATION, url: `${o.publicUrl}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] },
    ],
  };
}

/** Facts about a page of requests gathered besides the rows. */
export interface RequestExtras {
  photos: Map<number, string>;
  staffReplies: Map<number, string>;
  mergedTickets: Map<number, string>;
  /** With extensions=true: each case's history. */
  notes?: Map<number, UpdateItem[]>;
}

/** status_notes: why it is closed (rejection, merge), else the latest public reply of an officer. */
function statusNotes(r: PublicRequestRow, x: RequestExtras): string | null {
  if (r.status === 'ditolak') {
    const parts = [r.reject_note ?? `Ditolak (${r.reject_reason ?? 'lainnya'})`, r.forwarded_to ? `diteruskan ke / forwarded to ${r.forwarded_to}` : null];
    return parts.filter(Boolean).join(' — ');
  }
  if (r.status === 'digabung' && r.merged_into_id !== null) {
    const target = x.mergedTickets.get(r.merged_into_id);
    return `Digabung dengan laporan / merged into ${target ?? 'another request'}`;
  }
  return x.staffReplies.get(r.id) ?? null;
}

export function presentRequest(r: PublicRequestRow, x: RequestExtras, o: PresentOptions, extensions: boolean) {
  const status = r.status as Status;
  const base = {
    service_request_id: r.ticket,
    status: open311Status(status),
    status_notes: statusNotes(r, x),
    service_name: r.service_name ?? 'Belum dikategorikan (menunggu triase)',
    service_code: r.category_code ?? UNCATEGORIZED_SERVICE,
    description: redactContacts(r.description),
    agency_responsible: r.agency_name,
    service_notice: serviceNotice(o, r.ticket),
    requested_datetime: formatDateTime(r.created_at, o.timeZone),
    updated_datetime: formatDateTime(r.updated_at, o.timeZone),
    expected_datetime: formatDateTime(r.resolution_due_at, o.timeZone),
    address: redactContacts(r.address),
    address_id: r.area_code,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: mediaUrl(o, x.photos.get(r.id)),
  };
  if (!extensions) return base;
  return {
    ...base,
    extended_attributes: {
      status_extended: open311ExtendedStatus(status, r.reject_reason),
      external_status_code: r.status,
      status_label: STATUS_LABELS[status]?.id ?? r.status,
      title: r.title,
      report_type: r.report_type,
      channel: r.channel,
      support_count: r.support_count,
      merged_into: r.merged_into_id !== null ? (x.mergedTickets.get(r.merged_into_id) ?? null) : null,
      resolved_datetime: formatDateTime(r.resolved_at, o.timeZone),
      closed_datetime: formatDateTime(r.closed_at, o.timeZone),
    },
    notes: (x.notes?.get(r.id) ?? []).map((n) => ({ datetime: formatDateTime(n.at, o.timeZone), description: n.description, type: n.kind, status: n.extendedStatus })),
  };
}

export function presentUpdate(u: UpdateItem, o: PresentOptions) {
  return {
    update_id: u.updateId,
    service_request_id: u.ticket,
    status: u.extendedStatus,
    updated_datetime: formatDateTime(u.at, o.timeZone),
    description: u.description,
    media_url: mediaUrl(o, u.photoSha),
    external_status_code: u.status,
  };
}
