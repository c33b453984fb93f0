import type { Kysely } from 'kysely';
import { serialPrimaryKey, serialType, type DialectName } from '../dialect.js';

/**
 * Frozen: versions of the triage classifier. Every trained or installed model is kept with its held-out
 * figures; exactly one (or none) is active and used by the engine, so a bad retrain can be rolled back.
 */
export function triage(dialect: DialectName) {
  const ts = 'varchar(30)';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('triage_models')
        .addColumn('id', serialType(dialect), serialPrimaryKey(dialect))
        .addColumn('version', 'varchar(80)', (c) => c.notNull().unique())
        // install:<file> | retrain | train:db
        .addColumn('source', 'varchar(200)', (c) => c.notNull())
        .addColumn('examples', 'integer', (c) => c.notNull())
        // JSON: accuracy, macro_f1, auto_route … measured on held-out data when the version was made.
        .addColumn('metrics', 'text', (c) => c.notNull())
        // The serialized model (serializeModel), a few MB at most.
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('activated_at', ts)
        .execute();
      await db.schema.createIndex('triage_models_active_idx').on('triage_models').column('active').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('triage_models').execute();
    },
  };
}
