import type { Kysely } from 'kysely';

/**
 * Frozen: a case split off another one (a report of two problems becomes two cases) names its parent, so both
 * show the link and the parent can list its children. The index is partial: almost no case is split, and
 * intake should not pay for indexing a NULL per case.
 */
export function caseSplit() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('cases').addColumn('split_from_id', 'integer', (c) => c.references('cases.id')).execute();
      await db.schema
        .createIndex('cases_split_from_idx')
        .on('cases')
        .column('split_from_id')
        .where('split_from_id', 'is not', null)
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('cases_split_from_idx').execute();
      await db.schema.alterTable('cases').dropColumn('split_from_id').execute();
    },
  };
}
