import type { DueEscalation, EscalationRecipient, EscalationStep } from '../../domain/sla/index.js';
import { enqueue } from '../../store/outbox.repository.js';
import { activeUsers, insertNotification } from '../../store/sla.repository.js';
import type { Trx } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { STAFF_EMAIL_KIND, type StaffEmailPayload } from './escalation-mail.js';
import { escalationKind, escalationMessage } from './escalation-message.js';
import type { SlaRecomputation } from './recompute-case-sla.js';
import type { SlaRuntime } from './sla-runtime.js';

/**
 * Turns due escalation steps into in-app notifications and e-mails (through the outbox), once each: every
 * notification has a unique key `{step key}:{recipient}` and the e-mail the same key as its delivery key, both
 * inserted with "insert or ignore" in the caller's transaction. Two scanners, or one scanner run twice, store
 * and send each one once.
 *
 * Who is who (configuration lives in the ladder; the mapping to people is here):
 * - `assignee`: the holding agency as a whole (every officer of it sees the notification); the triage
 *   operators for a case still in the intake queue;
 * - `supervisor`: the unit above the holder (Suku Dinas → Dinas, kelurahan → kecamatan); the holder's head
 *   when it has none; the admins for the intake queue;
 * - `agency_head`: the users with role agency_head of the agency (the agency itself when none is registered);
 * - `monitor`: every user with role monitor (the monitoring office).
 */
interface Recipient {
  readonly key: string;
  readonly userId: number | null;
  readonly agencyId: string | null;
  readonly email: string | null;
}

async function usersAsRecipients(trx: Trx, role: string, agencyId?: string): Promise<Recipient[]> {
  return (await activeUsers(trx, { role, agencyId })).map((u) => ({ key: `u${u.id}`, userId: u.id, agencyId: null, email: u.email }));
}

function agencyRecipient(rt: SlaRuntime, agencyId: string): Recipient[] {
  const a = rt.agency(agencyId);
  return a ? [{ key: `a:${agencyId}`, userId: null, agencyId, email: a.email }] : [];
}

async function heads(trx: Trx, rt: SlaRuntime, agencyId: string): Promise<Recipient[]> {
  const found = await usersAsRecipients(trx, 'agency_head', agencyId);
  return found.length > 0 ? found : agencyRecipient(rt, agencyId);
}

async function recipientsFor(trx: Trx, rt: SlaRuntime, who: EscalationRecipient, agencyId: string | null): Promise<Recipient[]> {
  switch (who) {
    case 'assignee':
      return agencyId ? agencyRecipient(rt, agencyId) : usersAsRecipients(trx, 'triage_operator');
    case 'supervisor': {
      if (!agencyId) return usersAsRecipients(trx, 'admin');
      const parent = rt.agency(agencyId)?.parentId;
      return parent ? agencyRecipient(rt, parent) : heads(trx, rt, agencyId);
    }
    case 'agency_head':
      return agencyId ? heads(trx, rt, agencyId) : usersAsRecipients(trx, 'admin');
    case 'monitor':
      return usersAsRecipients(trx, 'monitor');
  }
}

function fractionOf(ladder: readonly EscalationStep[], stepId: string): number | null {
  for (const s of ladder) {
    if ('onRedFlag' in s) continue;
    if ((s.id ?? `at${Math.round(s.atFractionOfTarget * 100)}`) === stepId) return s.atFractionOfTarget;
  }
  return null;
}

/** Delivers every due step of a recomputed case; returns how many notifications this call stored. */
export async function deliverEscalations(trx: Trx, ctx: AppContext, rec: SlaRecomputation, now: Date): Promise<number> {
  const { runtime: rt, clock, kase } = rec;
  let stored = 0;
  for (const step of rec.due) {
    const deadline = deadlineOf(step, rec);
    const { title, body } = escalationMessage(step, {
      ticket: kase.ticket,
      agencyName: step.agencyId ? (rt.agency(step.agencyId)?.name ?? step.agencyId) : null,
      deadlineLocal: deadline ? rt.calendar.formatLocal(deadline) : null,
      fraction: step.target === 'red_flag' ? null : fractionOf(rt.ladder, step.stepId),
      caseUrl: `${ctx.config.publicUrl}/api/cases/${encodeURIComponent(kase.ticket)}`,
    });
    const recipients = new Map<string, Recipient>();
    for (const who of step.notify) for (const r of await recipientsFor(trx, rt, who, step.agencyId)) recipients.set(r.key, r);
    for (const r of recipients.values()) {
      const key = `${step.key}:${r.key}`;
      const inserted = await insertNotification(trx, {
        dedupe_key: key,
        user_id: r.userId,
        agency_id: r.agencyId,
        case_id: kase.id,
        kind: escalationKind(step),
        title,
        body,
        data: JSON.stringify({ step: step.stepId, target: step.target, holding: step.holdingIndex, agency: step.agencyId, due_at: step.dueAt.toISOString(), notify: step.notify, policy: clock.holdings[step.holdingIndex]?.policyId ?? null }),
        created_at: now.toISOString(),
        read_at: null,
      });
      if (inserted) stored++;
      if (r.email) {
        const payload: StaffEmailPayload = { to: r.email, subject: `[${kase.ticket}] ${title}`, text: body };
        await enqueue(trx, { deliveryKey: `sla:${key}`, kind: STAFF_EMAIL_KIND, caseId: kase.id, payload }, now);
      }
    }
  }
  return stored;
}

function deadlineOf(step: DueEscalation, rec: SlaRecomputation): Date | null {
  const h = rec.clock.holdings[step.holdingIndex];
  if (!h) return null;
  if (step.target === 'red_flag') return h.redFlag?.at ?? h.redFlagDueAt;
  return h.targets.find((t) => t.target === step.target)?.dueAt ?? null;
}
