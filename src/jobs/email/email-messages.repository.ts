import type { Executor } from '../../store/transaction.js';

/**
 * The Message-IDs exchanged per case (table `email_messages`): the citizen's (`in`) and ours (`out`). A reply
 * whose In-Reply-To/References names one of them belongs to that case; our next message answers the citizen's
 * latest one, so their mail client shows one conversation.
 */
export interface EmailMessageRecord {
  messageId: string;
  caseId: number;
  direction: 'in' | 'out';
  address?: string;
  subject?: string;
  references?: string[];
  at: Date;
}

/** Stores the id once; a redelivered message or a resent reply changes nothing. */
export async function recordEmailMessage(db: Executor, r: EmailMessageRecord): Promise<void> {
  await db
    .insertInto('email_messages')
    .values({
      message_id: r.messageId.slice(0, 300),
      case_id: r.caseId,
      direction: r.direction,
      address: r.address ?? null,
      subject: r.subject ?? null,
      refs: r.references?.length ? r.references.join(' ') : null,
      created_at: r.at.toISOString(),
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/** The case of the newest known id among those a message refers to (ids oldest first, as in References). */
export async function caseForMessageIds(db: Executor, ids: readonly string[]): Promise<number | undefined> {
  if (ids.length === 0) return undefined;
  const rows = await db.selectFrom('email_messages').select(['message_id', 'case_id']).where('message_id', 'in', [...new Set(ids)].slice(-50)).execute();
  const byId = new Map(rows.map((r) => [r.message_id, r.case_id]));
  for (const id of [...ids].reverse()) {
    const c = byId.get(id);
    if (c !== undefined) return c;
  }
  return undefined;
}

export interface ReplyThread {
  /** The message our reply answers. */
  inReplyTo?: string;
  /** Its References plus itself, oldest first. */
  references: string[];
  /** The citizen's subject, when the case began or continued by e-mail. */
  subject?: string;
}

/**
 * What our next message to `address` about the case replies to: the citizen's latest e-mail, else the latest
 * e-mail intake of the case (its Message-ID is the idempotency key; recorded before `email_messages` is), else
 * our own latest message, so even a case opened on the web portal keeps one thread in the citizen's mailbox.
 */
export async function replyThreadFor(db: Executor, caseId: number, address: string): Promise<ReplyThread> {
  const inbound = await db
    .selectFrom('email_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('direction', '=', 'in')
    .where('address', '=', address.toLowerCase())
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (inbound) {
    const refs = inbound.refs ? inbound.refs.split(' ') : [];
    return { inReplyTo: inbound.message_id, references: [...refs, inbound.message_id], subject: inbound.subject ?? undefined };
  }
  const intake = await db
    .selectFrom('inbound_messages')
    .innerJoin('cases', 'cases.id', 'inbound_messages.case_id')
    .select(['inbound_messages.external_id', 'cases.title'])
    .where('inbound_messages.case_id', '=', caseId)
    .where('inbound_messages.channel', '=', 'email')
    .orderBy('inbound_messages.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (intake && !intake.external_id.startsWith('sha256:')) {
    return { inReplyTo: intake.external_id, references: [intake.external_id], subject: intake.title ?? undefined };
  }
  const ours = await db
    .selectFrom('email_messages')
    .select(['message_id', 'refs'])
    .where('case_id', '=', caseId)
    .where('direction', '=', 'out')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (ours) return { inReplyTo: ours.message_id, references: [...(ours.refs ? ours.refs.split(' ') : []), ours.message_id] };
  return { references: [] };
}
