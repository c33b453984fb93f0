import { canRead } from '../../domain/case/scope.js';
import type { Actor } from '../../domain/case/roles.js';
import { forbidden } from '../../domain/errors.js';
import type { CaseRow } from '../../store/case.repository.js';
import { caseEvents } from '../../store/event.repository.js';
import type { AppContext } from '../context.js';
import { actorReach } from './reach.js';
import { loadCase } from './transition-case.js';

export interface CaseDetail {
  case: CaseRow;
  events: Awaited<ReturnType<typeof caseEvents>>;
  comments: { id: number; visibility: string; author: string; body: string; created_at: string }[];
  assignments: { agency_id: string; kind: string; assigned_at: string; ended_at: string | null; misrouted: number; reason: string | null }[];
  attachments: { id: number; filename: string; content_type: string; size: number; role: string; created_at: string; public_sha256: string | null }[];
  reporters: { id: number; name: string | null; anonymous: number; confidential: number; channel: string; contacts: { kind: string; value: string }[] }[];
  rating: { score: number; comment: string | null } | null;
}

/** The case with its whole timeline, for officers in scope. */
export async function getCaseDetail(ctx: AppContext, actor: Actor, ref: number | string): Promise<CaseDetail> {
  const { db } = ctx.database;
  const kase = await loadCase(db, ref);
  if (!canRead(actor, { agencyId: kase.agency_id, areaCode: kase.area_code, partnerApiKeyId: kase.partner_api_key_id }, await actorReach(db, actor))) {
    throw forbidden('laporan di luar wewenang Anda');
  }
  const [events, comments, assignments, attachments, reporterRows, rating] = await Promise.all([
    caseEvents(db, kase.id),
    db.selectFrom('comments').select(['id', 'visibility', 'author', 'body', 'created_at']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db.selectFrom('assignments').select(['agency_id', 'kind', 'assigned_at', 'ended_at', 'misrouted', 'reason']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db.selectFrom('attachments').select(['id', 'filename', 'content_type', 'size', 'role', 'created_at', 'public_sha256']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db
      .selectFrom('case_reporters')
      .innerJoin('reporters', 'reporters.id', 'case_reporters.reporter_id')
      .select(['reporters.id', 'reporters.name', 'reporters.anonymous', 'reporters.confidential', 'case_reporters.channel'])
      .where('case_reporters.case_id', '=', kase.id)
      .execute(),
    db.selectFrom('ratings').select(['score', 'comment']).where('case_id', '=', kase.id).orderBy('id', 'desc').executeTakeFirst(),
  ]);
  const partner = actor.kind === 'partner';
  const reporters = [];
  for (const r of reporterRows) {
    // Anonymous: hidden from everyone, officers included. Partners never see reporters.
    const hidden = r.anonymous === 1 || partner;
    const contacts = hidden ? [] : await db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', r.id).execute();
    reporters.push({ id: hidden ? 0 : r.id, name: hidden ? null : r.name, anonymous: r.anonymous, confidential: r.confidential, channel: r.channel, contacts });
  }
  return {
    case: kase,
    events,
    comments: partner ? comments.filter((c) => c.visibility === 'public') : comments,
    assignments,
    attachments,
    reporters,
    rating: rating ?? null,
  };
}
