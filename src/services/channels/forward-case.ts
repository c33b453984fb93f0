import type { ChannelConfig } from '../../channels/config/channel-config.js';
import { DomainError } from '../../domain/errors.js';
import { findCaseById } from '../../store/case.repository.js';
import { appendEvent } from '../../store/event.repository.js';
import { enqueue } from '../../store/outbox.repository.js';
import type { Database } from '../../store/db.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';

/**
 * Forwarding a case the province rejected as *bukan wewenang* (not its authority) to a partner that routes
 * it to the competent institution — LAPOR! SP4N by default (`CEPAT_FORWARD_PARTNER`). The officer decides by
 * naming the partner in the rejection's "forwarded to" (e.g. "LAPOR! (Kementerian PUPR)"); the channel job
 * picks such rejections up from the event log (`forwardRejectedCases`), and `forwardCase` does it for one case
 * on demand. Either way one outbox message per (partner, case) — its delivery key makes a second request a
 * no-op — written with an audit event in one transaction; the partner sender makes the call.
 */
export interface ForwardPayload {
  op: 'forward';
  partnerId: string;
  caseId: number;
  reason: string;
  targetInstitution?: string;
}

export const forwardKey = (partnerId: string, caseId: number) => `forward:${partnerId}:${caseId}`;

export async function forwardCase(ctx: AppContext, input: { caseId: number; partnerId: string; actor: string; targetInstitution?: string }, meta: RequestMeta = {}): Promise<{ queued: boolean }> {
  return inTransaction(ctx.database, async (trx) => {
    const kase = await findCaseById(trx, input.caseId);
    if (!kase) throw new DomainError('case_not_found', `Laporan '${input.caseId}' tidak ditemukan`, `Case '${input.caseId}' not found`);
    if (kase.status !== 'ditolak' || kase.reject_reason !== 'bukan_wewenang') {
      throw new DomainError('transition_not_allowed', 'Hanya laporan yang ditolak karena bukan wewenang yang dapat diteruskan', 'Only cases rejected as bukan wewenang can be forwarded');
    }
    const key = forwardKey(input.partnerId, kase.id);
    const exists = await trx.selectFrom('outbox').select('id').where('delivery_key', '=', key).executeTakeFirst();
    if (exists) return { queued: false };
    const now = ctx.clock();
    const payload: ForwardPayload = {
      op: 'forward',
      partnerId: input.partnerId,
      caseId: kase.id,
      reason: kase.reject_note ?? 'Bukan kewenangan Pemerintah Provinsi',
      targetInstitution: input.targetInstitution ?? kase.forwarded_to ?? undefined,
    };
    await enqueue(trx, { deliveryKey: key, kind: 'partner', caseId: kase.id, payload }, now);
    await appendEvent(trx, { caseId: kase.id, action: 'case.forward_queued', actor: input.actor, after: { partner: input.partnerId, targetInstitution: payload.targetInstitution ?? null }, at: now, requestId: meta.requestId });
    return { queued: true };
  });
}

const WATERMARK = 'channels.forward.last_event_id';

/**
 * Scans rejections written since the last scan and forwards those whose "forwarded to" names the forward
 * partner (its id or name, any case). A case that came from that partner is not sent back to it: its status
 * update ("bukan wewenang") already tells the partner. At most 500 rejections per pass; the next pass goes on.
 */
export async function forwardRejectedCases(ctx: AppContext, channels: ChannelConfig): Promise<number> {
  const partnerId = channels.forwardPartner;
  if (!partnerId) return 0;
  const partner = channels.partners[partnerId].config;
  const db = ctx.database.db;
  const mark = await db.selectFrom('settings').select('value').where('key', '=', WATERMARK).executeTakeFirst();
  // The first scan of a deployment looks back one day only: older rejections were handled before forwarding
  // was switched on, and re-sending them to LAPOR! months later would surprise everyone.
  const firstSince = new Date(ctx.clock().getTime() - 24 * 3_600_000).toISOString();
  const events = await db
    .selectFrom('events')
    .select(['id', 'case_id', 'after'])
    .where('action', '=', 'case.reject')
    .where((eb) => (mark ? eb('id', '>', Number(mark.value)) : eb('at', '>=', firstSince)))
    .orderBy('id')
    .limit(500)
    .execute();
  const names = [partner.id, partner.name].map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((n) => n.length >= 3);
  let queued = 0;
  for (const e of events) {
    const after = JSON.parse(e.after ?? '{}') as { reason?: string; forwarded_to?: string | null };
    const target = (after.forwarded_to ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (after.reason !== 'bukan_wewenang' || e.case_id === null || !names.some((n) => target.includes(n))) continue;
    const kase = await findCaseById(db, e.case_id);
    if (!kase || kase.channel === partner.channel) continue;
    const r = await forwardCase(ctx, { caseId: kase.id, partnerId, actor: 'system:forward', targetInstitution: after.forwarded_to ?? undefined }).catch((err) => {
      // Reopened since: not ours to forward any more.
      if (err instanceof DomainError) return { queued: false };
      throw err;
    });
    if (r.queued) queued++;
  }
  const last = events.at(-1)?.id;
  if (last !== undefined) {
    await db.insertInto('settings').values({ key: WATERMARK, value: String(last) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: String(last) })).execute();
  }
  return queued;
}

/** After the partner accepted it: their id for the report, in the case's audit trail. */
export async function recordForwarded(database: Database, input: { caseId: number; partnerId: string; theirId: string | null; at: Date }): Promise<void> {
  await inTransaction(database, async (trx) => {
    await appendEvent(trx, { caseId: input.caseId, action: 'case.forwarded', actor: `system:partner:${input.partnerId}`, after: { partner: input.partnerId, partnerReportId: input.theirId }, at: input.at });
  });
}
