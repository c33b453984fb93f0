import type { Actor } from '../../domain/case/roles.js';
import { caseNotFound } from '../../domain/errors.js';
import { maskContact } from '../../config/logger.js';
import { findCaseByTicket } from '../../store/case.repository.js';
import type { AppContext } from '../context.js';
import { deriveAccessCode } from '../intake/ticket.js';
import { trackingUrl } from '../intake/submit-complaint.js';
import { assertCanTakeIntakeAt } from './permissions.js';
import { getPost } from './posts.js';
import type { ReceiptData } from './receipt-render.js';

/**
 * The receipt of a complaint taken at a post, for printing or reprinting. Only staff who may take intake at
 * that post get it (it shows the access code, which is derived from the ticket, never stored); a ticket taken
 * elsewhere is "not found" here.
 */
export async function loadReceipt(ctx: AppContext, actor: Actor, postId: string, ticket: string, orgName = 'Pemerintah Provinsi DKI Jakarta'): Promise<ReceiptData> {
  const post = await getPost(ctx, postId);
  await assertCanTakeIntakeAt(ctx.database.db, actor, post);
  const db = ctx.database.db;
  const kase = await findCaseByTicket(db, ticket.toUpperCase());
  if (!kase || kase.post_id !== post.id) throw caseNotFound(ticket);
  const [officer, category, contacts] = await Promise.all([
    kase.intake_officer_id ? db.selectFrom('users').select(['display_name', 'username']).where('id', '=', kase.intake_officer_id).executeTakeFirst() : undefined,
    kase.category_code ? db.selectFrom('categories').select('name_id').where('code', '=', kase.category_code).executeTakeFirst() : undefined,
    kase.reporter_id ? db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', kase.reporter_id).orderBy('id').execute() : [],
  ]);
  // The acknowledgement goes to the phone first at walk-in posts (src/services/notify), else the e-mail.
  const contact = contacts.find((c) => c.kind === 'phone') ?? contacts.find((c) => c.kind === 'email');
  const summary = kase.description.length > 240 ? `${kase.description.slice(0, 237).trimEnd()}...` : kase.description;
  return {
    ticket: kase.ticket,
    accessCode: deriveAccessCode(ctx.secret, kase.ticket),
    trackingUrl: trackingUrl(ctx, kase.ticket),
    postName: post.name,
    officerName: officer ? officer.display_name || officer.username : null,
    takenAtText: formatLocal(new Date(kase.received_at), ctx.config.timezone),
    categoryName: category?.name_id ?? null,
    summary,
    sentTo: contact ? `${contact.kind === 'phone' ? 'SMS' : 'e-mail'} ${maskContact(contact.value)}` : null,
    orgName,
  };
}

/** `Sabtu, 28 November 2026 pukul 09.15 WIB`. */
export function formatLocal(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
}
