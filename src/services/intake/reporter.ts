import type { ReporterInput } from '../../domain/intake/normalized-complaint.js';
import type { Trx } from '../../store/transaction.js';

/**
 * A reporter is recognised by a contact on a channel (same e-mail, same phone), so a citizen's cases connect.
 * Anonymous reporters always get a fresh record: linking their reports would itself reveal something.
 */
export async function findOrCreateReporter(trx: Trx, input: ReporterInput, now: Date): Promise<number> {
  const contacts = [
    ...(input.contactValue && input.contactKind !== 'none' ? [{ kind: input.contactKind, value: input.contactValue }] : []),
    ...(input.extraContacts ?? []),
  ].filter((c) => c.value.trim() !== '');
  if (!input.anonymous && contacts.length) {
    const existing = await trx
      .selectFrom('reporter_contacts')
      .innerJoin('reporters', 'reporters.id', 'reporter_contacts.reporter_id')
      .select(['reporters.id', 'reporters.name'])
      .where('reporter_contacts.kind', '=', contacts[0].kind)
      .where('reporter_contacts.value', '=', contacts[0].value)
      .where('reporters.anonymous', '=', 0)
      .executeTakeFirst();
    if (existing) {
      if (input.name && !existing.name) await trx.updateTable('reporters').set({ name: input.name }).where('id', '=', existing.id).execute();
      await addMissingContacts(trx, existing.id, contacts.slice(1), now);
      return existing.id;
    }
  }
  const row = await trx
    .insertInto('reporters')
    .values({ name: input.name?.trim() || null, anonymous: input.anonymous ? 1 : 0, confidential: input.confidential ? 1 : 0, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addMissingContacts(trx, row.id, contacts, now);
  return row.id;
}

async function addMissingContacts(trx: Trx, reporterId: number, contacts: { kind: string; value: string }[], now: Date): Promise<void> {
  for (const c of contacts) {
    const has = await trx.selectFrom('reporter_contacts').select('id').where('reporter_id', '=', reporterId).where('kind', '=', c.kind).where('value', '=', c.value).executeTakeFirst();
    if (!has) await trx.insertInto('reporter_contacts').values({ reporter_id: reporterId, kind: c.kind, value: c.value, created_at: now.toISOString() }).execute();
  }
}
