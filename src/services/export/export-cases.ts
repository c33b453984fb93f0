import { redactContacts } from '../../domain/privacy/redact.js';
import type { AppContext } from '../context.js';

export interface ExportOptions {
  from?: Date;
  to?: Date;
  /** Which time `from`/`to` bound: when the case was stored (default), or when its channel received it. */
  period?: 'created_at' | 'received_at';
  withPii: boolean;
  pageSize?: number;
}

export const EXPORT_COLUMNS = [
  'ticket', 'status', 'report_type', 'channel', 'category', 'area', 'agency', 'priority', 'lat', 'lng', 'address', 'title', 'description',
  'received_at', 'created_at', 'first_response_at', 'resolved_at', 'closed_at', 'resolution_due_at', 'reject_reason', 'merged_into', 'support_count',
] as const;
export const PII_COLUMNS = ['reporter_name', 'reporter_contacts', 'reporter_anonymous', 'reporter_confidential'] as const;

export async function countCases(ctx: AppContext, o: ExportOptions): Promise<number> {
  let q = ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n'));
  if (!o.withPii) q = q.where('is_public', '=', 1);
  const column = o.period ?? 'created_at';
  if (o.from) q = q.where(column, '>=', o.from.toISOString());
  if (o.to) q = q.where(column, '<', o.to.toISOString());
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Streams every case in id order, a page at a time, so memory stays flat for millions of cases. Without PII
 * (open data), only public cases: a confidential or whistle-blowing case is left out whole, since its place,
 * category and agency can point to the person who reported it. With PII (an admin's export), every case, with
 * reporter identity except for anonymous reporters, whom nobody may see.
 */
export async function* exportCases(ctx: AppContext, o: ExportOptions): AsyncGenerator<Record<string, string | number | null>> {
  const db = ctx.database.db;
  let afterId = 0;
  const size = o.pageSize ?? 1000;
  for (;;) {
    let q = db.selectFrom('cases').selectAll().where('id', '>', afterId);
    if (!o.withPii) q = q.where('is_public', '=', 1);
    const column = o.period ?? 'created_at';
    if (o.from) q = q.where(column, '>=', o.from.toISOString());
    if (o.to) q = q.where(column, '<', o.to.toISOString());
    const page = await q.orderBy('id').limit(size).execute();
    if (!page.length) return;
    // Outside the database, a case is known by its ticket: a merge names the case it went into by its ticket.
    const mergedIds = [...new Set(page.map((c) => c.merged_into_id).filter((x): x is number => x !== null))];
    const mergedTickets = new Map(mergedIds.length ? (await db.selectFrom('cases').select(['id', 'ticket']).where('id', 'in', mergedIds).execute()).map((r) => [r.id, r.ticket]) : []);
    const published = (text: string | null) => (o.withPii ? text : redactContacts(text));
    const reporters = o.withPii ? await reportersOf(ctx, page.map((c) => c.reporter_id).filter((x): x is number => x !== null)) : new Map();
    for (const c of page) {
      const row: Record<string, string | number | null> = {
        ticket: c.ticket, status: c.status, report_type: c.report_type, channel: c.channel, category: c.category_code, area: c.area_code, agency: c.agency_id,
        priority: c.priority, lat: c.lat, lng: c.lng, address: published(c.address), title: published(c.title),
        description: published(c.description), received_at: c.received_at, created_at: c.created_at, first_response_at: c.first_response_at,
        resolved_at: c.resolved_at, closed_at: c.closed_at, resolution_due_at: c.resolution_due_at, reject_reason: c.reject_reason, merged_into: c.merged_into_id === null ? null : (mergedTickets.get(c.merged_into_id) ?? null), support_count: c.support_count,
      };
      if (o.withPii) {
        const r = c.reporter_id ? reporters.get(c.reporter_id) : undefined;
        const hidden = !r || r.anonymous === 1;
        Object.assign(row, { reporter_name: hidden ? null : r.name, reporter_contacts: hidden ? null : r.contacts, reporter_anonymous: r?.anonymous ?? null, reporter_confidential: r?.confidential ?? null });
      }
      yield row;
    }
    afterId = page[page.length - 1].id;
  }
}

async function reportersOf(ctx: AppContext, ids: number[]) {
  const db = ctx.database.db;
  const out = new Map<number, { name: string | null; anonymous: number; confidential: number; contacts: string }>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('reporters').selectAll().where('id', 'in', ids).execute();
  const contacts = await db.selectFrom('reporter_contacts').select(['reporter_id', 'kind', 'value']).where('reporter_id', 'in', ids).execute();
  for (const r of rows) {
    out.set(r.id, { name: r.name, anonymous: r.anonymous, confidential: r.confidential, contacts: contacts.filter((c) => c.reporter_id === r.id).map((c) => `${c.kind}:${c.value}`).join(';') });
  }
  return out;
}

/** RFC 4180 field quoting. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
