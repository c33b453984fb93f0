import type { Kysely } from 'kysely';

/**
 * Frozen: indexes the public statistics read. Every public figure selects the cases (and their SLA outcome rows)
 * received in a period; without an index on that time each anonymous request for a short period scanned both
 * whole tables.
 */
export function publicStatsIndexes() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('cases_received_idx').on('cases').columns(['received_at']).execute();
      await db.schema.createIndex('sla_outcomes_received_idx').on('sla_outcomes').columns(['scope', 'received_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('sla_outcomes_received_idx').execute();
      await db.schema.dropIndex('cases_received_idx').execute();
    },
  };
}
