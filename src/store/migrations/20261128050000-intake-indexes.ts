import type { Kysely } from 'kysely';

/**
 * Frozen: indexes the intake path reads on every complaint. Without them the repeated-message check (a sender's
 * cases of the last 24 hours, found by the contact value alone) scanned every contact and every case, so intake
 * slowed as the tables grew.
 */
export function intakeIndexes() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('cases_reporter_idx').on('cases').columns(['reporter_id', 'received_at']).execute();
      await db.schema.createIndex('reporter_contacts_value_idx').on('reporter_contacts').column('value').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('reporter_contacts_value_idx').execute();
      await db.schema.dropIndex('cases_reporter_idx').execute();
    },
  };
}
