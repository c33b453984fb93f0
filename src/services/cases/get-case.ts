import { canRead } from '../../domain/case/scope.js';
import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { forbidden } from '../../domain/errors.js';
import { findSplitLinks, type CaseRow } from '../../store/case.repository.js';
import { caseEvents } from '../../store/event.repository.js';
import type { AppContext } from '../context.js';
import { actorReach, caseScope } from './reach.js';
import { loadCase } from './transition-case.js';

export interface CaseDetail {
  case: CaseRow;
  events: Awaited<ReturnType<typeof caseEvents>>;
  comments: { id: number; visibility: string; author: string; body: string; created_at: string }[];
  assignments: { agency_id: string; kind: string; assigned_at: string; ended_at: string | null; misrouted: number; reason: string | null }[];
  attachments: { id: number; comment_id: number | null; filename: string; content_type: string; size: number; role: string; created_at: string; public_sha256: string | null }[];
  reporters: { id: number; name: string | null; anonymous: number; confidential: number; channel: string; contacts: { kind: string; value: string }[] }[];
  rating: { score: number; comment: string | null } | null;
  /** The ticket of the case this one was split off, and the cases split off this one. */
  splitFrom: string | null;
  splitInto: { ticket: string; status: string }[];
}

/** The case with its whole timeline, for officers in scope. */
export async function getCaseDetail(ctx: AppContext, actor: Actor, ref: number | string): Promise<CaseDetail> {
  const { db } = ctx.database;
  const kase = await loadCase(db, ref);
  if (!canRead(actor, caseScope(kase), await actorReach(db, actor))) {
    throw forbidden('laporan di luar wewenang Anda');
  }
  const [events, comments, assignments, attachments, reporterRows, rating, split] = await Promise.all([
    caseEvents(db, kase.id),
    db.selectFrom('comments').select(['id', 'visibility', 'author', 'body', 'created_at']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db.selectFrom('assignments').select(['agency_id', 'kind', 'assigned_at', 'ended_at', 'misrouted', 'reason']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db.selectFrom('attachments').select(['id', 'comment_id', 'filename', 'content_type', 'size', 'role', 'created_at', 'public_sha256']).where('case_id', '=', kase.id).orderBy('id').execute(),
    db
      .selectFrom('case_reporters')
      .innerJoin('reporters', 'reporters.id', 'case_reporters.reporter_id')
      .select(['reporters.id', 'reporters.name', 'reporters.anonymous', 'reporters.confidential', 'case_reporters.channel'])
      .where('case_reporters.case_id', '=', kase.id)
      .execute(),
    db.selectFrom('ratings').select(['score', 'comment']).where('case_id', '=', kase.id).orderBy('id', 'desc').executeTakeFirst(),
    findSplitLinks(db, kase),
  ]);
  const partner = actor.kind === 'partner';
  const reporters = [];
  for (const r of reporterRows) {
    // Anonymous: hidden from everyone, officers included. Partners never see reporters.
    const hidden = r.anonymous === 1 || partner;
    const contacts = hidden ? [] : await db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', r.id).execute();
    reporters.push({ id: hidden ? 0 : r.id, name: hidden ? null : r.name, anonymous: r.anonymous, confidential: r.confidential, channel: r.channel, contacts });
  }
  const anonymous = reporterRows.some((r) => r.anonymous === 1);
  const detail = {
    case: kase,
    events,
    comments,
    assignments,
    // A citizen's file can name them (its file name, the camera owner in its metadata): for an anonymous
    // reporter, officers get the metadata-free copy under a neutral name (see attachmentFile).
    attachments: anonymous ? attachments.map((a) => (a.role === 'evidence' ? { ...a, filename: neutralName(a) } : a)) : attachments,
    reporters,
    rating: rating ?? null,
    ...split,
  };
  return partner ? partnerView(detail, actorLabel(actor)) : detail;
}

/**
 * What a partner system sees of the cases it submitted: what the public sees (status history, officers' public
 * replies and the files published with them, the citizen's evidence) plus its own messages. Not internal notes,
 * transfer reasons, officers' names or documents attached to internal steps.
 */
function partnerView(d: CaseDetail, self: string): CaseDetail {
  const isStaff = (author: string) => author.startsWith('user:') || author.startsWith('system:');
  const comments = d.comments.filter((c) => c.visibility === 'public' && (isStaff(c.author) || c.author === self));
  const shown = new Set(comments.map((c) => c.id));
  const statusOnly = (json: string | null) => {
    if (!json) return null;
    const status = (JSON.parse(json) as { status?: unknown }).status;
    return typeof status === 'string' ? JSON.stringify({ status }) : null;
  };
  return {
    ...d,
    events: d.events
      .filter((e) => e.action.startsWith('case.'))
      .map((e) => ({ ...e, actor: e.actor === self ? self : 'petugas', before: statusOnly(e.before), after: statusOnly(e.after) })),
    comments: comments.map((c) => ({ ...c, author: isStaff(c.author) ? 'petugas' : c.author })),
    assignments: d.assignments.map((a) => ({ ...a, reason: null })),
    attachments: d.attachments.filter((a) => a.role === 'evidence' || (a.comment_id !== null && shown.has(a.comment_id))),
  };
}

const neutralName = (a: { id: number; filename: string }) => `lampiran-${a.id}${/\.[a-z0-9]{1,5}$/i.exec(a.filename)?.[0].toLowerCase() ?? ''}`;

/**
 * The stored file an actor downloads for an attachment of the case: the original for officers, except a
 * citizen's file of an anonymous reporter and anything a partner gets, which come as the metadata-free public
 * copy when there is one. `undefined` when the attachment is not in the detail (a partner asking for an
 * internal document).
 */
export function attachmentFile(d: CaseDetail, actor: Actor, attachmentId: number, original: string): { sha256: string; filename: string; content_type: string } | undefined {
  const a = d.attachments.find((x) => x.id === attachmentId);
  if (!a) return undefined;
  const anonymousEvidence = a.role === 'evidence' && d.reporters.some((r) => r.anonymous === 1);
  const publicCopy = actor.kind === 'partner' || anonymousEvidence;
  return { sha256: publicCopy ? (a.public_sha256 ?? original) : original, filename: a.filename, content_type: a.content_type };
}
