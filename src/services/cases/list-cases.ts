import type { Expression, SqlBool } from 'kysely';
import type { Actor } from '../../domain/case/roles.js';
import { READ_ALL_ROLES } from '../../domain/case/roles.js';
import { OPEN_STATUSES } from '../../domain/case/status.js';
import { validationFailed } from '../../domain/errors.js';
import { tokenize } from '../../domain/triage/text/index.js';
import type { CaseRow } from '../../store/case.repository.js';
import { caseSearchCondition } from '../../store/dialect.js';
import type { AppContext } from '../context.js';
import { actorReach } from './reach.js';

export interface CaseFilters {
  status?: string[];
  agency?: string;
  area?: string;
  category?: string[];
  channel?: string[];
  from?: string;
  to?: string;
  overdue?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
}

interface Cursor {
  c: string;
  i: number;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof v.c === 'string' && Number.isInteger(v.i)) return v;
  } catch {
    // fall through
  }
  throw validationFailed([{ field: 'cursor', message: 'invalid cursor' }]);
}

/**
 * Lists cases newest first with keyset (cursor) pagination, so paging stays fast and stable while new cases
 * arrive. The actor's scope is applied in SQL: nobody can page into cases outside their reach.
 */
export async function listCases(ctx: AppContext, actor: Actor, f: CaseFilters): Promise<{ items: CaseRow[]; nextCursor: string | null }> {
  const { db } = ctx.database;
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  let q = db.selectFrom('cases').selectAll('cases');
  const reach = await actorReach(db, actor);
  if (actor.kind === 'partner') q = q.where('cases.partner_api_key_id', '=', actor.apiKeyId);
  else if (actor.kind === 'user' && !READ_ALL_ROLES.includes(actor.role)) {
    const agencies = [...reach.agencySubtree];
    const area = actor.role === 'territorial_officer' ? actor.areaCode : null;
    q = q.where((eb) => {
      const ors: Expression<SqlBool>[] = [];
      if (agencies.length) ors.push(eb('cases.agency_id', 'in', agencies));
      if (area) ors.push(eb.or([eb('cases.area_code', '=', area), eb('cases.area_code', 'like', `${area}.%`)]));
      return ors.length ? eb.or(ors) : eb.val(false) as unknown as Expression<SqlBool>;
    });
  }
  if (f.status?.length) q = q.where('cases.status', 'in', f.status);
  if (f.agency) q = q.where('cases.agency_id', '=', f.agency);
  if (f.area) {
    const area = f.area;
    q = q.where((eb) => eb.or([eb('cases.area_code', '=', area), eb('cases.area_code', 'like', `${area}.%`)]));
  }
  if (f.category?.length) q = q.where('cases.category_code', 'in', f.category);
  if (f.channel?.length) q = q.where('cases.channel', 'in', f.channel);
  if (f.from) q = q.where('cases.created_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('cases.created_at', '<', new Date(f.to).toISOString());
  if (f.overdue) {
    const now = ctx.clock().toISOString();
    q = q.where('cases.status', 'in', [...OPEN_STATUSES]).where('cases.resolution_due_at', '<', now);
  }
  if (f.q?.trim()) {
    const ticketLike = f.q.trim().toUpperCase();
    if (/^[A-Z]{2,5}-\d{4}-\d{6}$/.test(ticketLike)) q = q.where('cases.ticket', '=', ticketLike);
    else q = q.where(caseSearchCondition(ctx.database.dialect, tokenize(f.q)));
  }
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    q = q.where((eb) => eb.or([eb('cases.created_at', '<', c.c), eb.and([eb('cases.created_at', '=', c.c), eb('cases.id', '<', c.i)])]));
  }
  const rows = await q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ c: last.created_at, i: last.id }) : null };
}
