import type { Actor } from '../../domain/case/roles.js';
import { DomainError, validationFailed } from '../../domain/errors.js';
import { findCaseByTicket, type CaseRow } from '../../store/case.repository.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { hashAccessCode } from '../intake/ticket.js';
import { addCaseComment } from './add-comment.js';
import { transitionCase } from './transition-case.js';

/** Checks ticket + access code; the same answer for a wrong code and an unknown ticket (no ticket probing). */
export async function authenticateCitizen(ctx: AppContext, ticket: string, code: string | undefined): Promise<{ kase: CaseRow; actor: Actor }> {
  const kase = await findCaseByTicket(ctx.database.db, ticket);
  if (!kase || !code || hashAccessCode(code) !== kase.access_code_hash) {
    throw new DomainError('invalid_access_code', 'Nomor tiket atau kode akses salah', 'Wrong ticket number or access code');
  }
  return { kase, actor: { kind: 'citizen', reporterId: kase.reporter_id ?? 0 } };
}

/** The citizen adds information; when the case was waiting for them, their answer resumes it. */
export async function citizenAddInfo(ctx: AppContext, ticket: string, code: string, text: string, requestId?: string): Promise<CaseRow> {
  const { kase, actor } = await authenticateCitizen(ctx, ticket, code);
  await addCaseComment(ctx, { caseRef: kase.id, actor, body: text, visibility: 'public', authorName: 'Pelapor' }, { requestId });
  if (kase.status === 'menunggu_pelapor') return (await transitionCase(ctx, { caseRef: kase.id, action: 'citizen_reply', input: {}, actor }, { requestId })).case;
  return (await findCaseByTicket(ctx.database.db, ticket))!;
}

export async function citizenRate(ctx: AppContext, ticket: string, code: string, score: number, comment: string | undefined, requestId?: string): Promise<void> {
  const { kase, actor } = await authenticateCitizen(ctx, ticket, code);
  if (!Number.isInteger(score) || score < 1 || score > 5) throw validationFailed([{ field: 'score', message: '1 to 5' }]);
  if (kase.status !== 'selesai' && kase.status !== 'ditutup') {
    throw new DomainError('transition_not_allowed', 'Penilaian hanya untuk laporan yang sudah selesai', 'Only resolved cases can be rated');
  }
  await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    await trx.insertInto('ratings').values({ case_id: kase.id, score, comment: comment?.trim() || null, created_at: now.toISOString() }).execute();
    await appendEvent(trx, { caseId: kase.id, action: 'case.rated', actor: `citizen:${actor.kind === 'citizen' ? actor.reporterId : 0}`, after: { score }, at: now, requestId });
  });
}
