import { sql, type Kysely } from 'kysely';
import { serialPrimaryKey, serialType, type DialectName } from '../dialect.js';

/**
 * Frozen: state the channel adapters keep between requests.
 * - `sms_parts`: parts of concatenated SMS waiting for their siblings (durable, so a restart or a second
 *   process loses nothing); a group is released once complete or after its timeout.
 * - `sms_deliveries`: what we handed to the SMS gateway and the delivery receipts it called back with.
 * - `channel_threads`: per case, channel and contact, the last inbound message (Messenger's 24-hour window,
 *   the X post a reply answers).
 * - `channel_delivery_parts`: parts of a multi-part outbound message already accepted by the provider, so a
 *   retried delivery never sends a part twice.
 */
export function channels(dialect: DialectName) {
  const id = serialType(dialect);
  const pk = serialPrimaryKey(dialect);
  const ts = 'varchar(30)';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sms_parts')
        .addColumn('id', id, pk)
        .addColumn('group_key', 'varchar(300)', (c) => c.notNull())
        .addColumn('part', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('message_id', 'varchar(200)')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', ts, (c) => c.notNull())
        .addColumn('released_at', ts)
        .execute();
      // One open copy of each part: a gateway retry of a part conflicts here instead of being stored twice.
      await sql`CREATE UNIQUE INDEX sms_parts_open_part ON sms_parts (group_key, part) WHERE released_at IS NULL`.execute(db);
      await db.schema.createIndex('sms_parts_group_idx').on('sms_parts').columns(['group_key', 'released_at']).execute();
      await sql`CREATE INDEX sms_parts_open_age ON sms_parts (received_at) WHERE released_at IS NULL`.execute(db);

      await db.schema
        .createTable('sms_deliveries')
        .addColumn('id', id, pk)
        .addColumn('delivery_key', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('gateway_message_id', 'varchar(200)')
        .addColumn('segments', 'integer', (c) => c.notNull())
        .addColumn('encoding', 'varchar(8)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('gateway_status', 'varchar(60)')
        .addColumn('submitted_at', ts, (c) => c.notNull())
        .addColumn('status_at', ts)
        .addColumn('receipt', 'text')
        .execute();
      await db.schema.createIndex('sms_deliveries_gateway_idx').on('sms_deliveries').column('gateway_message_id').execute();

      await db.schema
        .createTable('channel_threads')
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('contact', 'varchar(200)', (c) => c.notNull())
        .addColumn('mode', 'varchar(12)', (c) => c.notNull())
        .addColumn('last_ref', 'varchar(200)', (c) => c.notNull())
        .addColumn('last_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('channel_threads_pk', ['case_id', 'channel', 'contact'])
        .execute();
      await db.schema.createIndex('channel_threads_contact_idx').on('channel_threads').columns(['channel', 'contact', 'last_at']).execute();

      await db.schema
        .createTable('channel_delivery_parts')
        .addColumn('delivery_key', 'varchar(200)', (c) => c.notNull())
        .addColumn('part', 'integer', (c) => c.notNull())
        .addColumn('provider_id', 'varchar(200)')
        .addColumn('sent_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('channel_delivery_parts_pk', ['delivery_key', 'part'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['channel_delivery_parts', 'channel_threads', 'sms_deliveries', 'sms_parts']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
