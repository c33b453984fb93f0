import type { Kysely } from 'kysely';
import { serialPrimaryKey, serialType, type DialectName } from '../dialect.js';

/**
 * Frozen: walk-in posts (the City Hall pendopo, kecamatan and kelurahan posts) with their weekly hours, dated
 * exceptions and assigned officers; and the e-mail Message-IDs exchanged per case, so a citizen's reply threads
 * onto its case and our answers continue the citizen's thread.
 */
export function walkinEmail(dialect: DialectName) {
  const id = serialType(dialect);
  const pk = serialPrimaryKey(dialect);
  const ts = 'varchar(30)';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('walkin_posts')
        .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('area_code', 'varchar(20)', (c) => c.references('areas.code'))
        .addColumn('address', 'text')
        .addColumn('closed_on_holidays', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('walkin_posts_area_idx').on('walkin_posts').column('area_code').execute();

      await db.schema
        .createTable('walkin_hours')
        .addColumn('id', id, pk)
        .addColumn('post_id', 'varchar(80)', (c) => c.notNull().references('walkin_posts.id'))
        .addColumn('weekday', 'integer', (c) => c.notNull())
        .addColumn('opens', 'varchar(5)', (c) => c.notNull())
        .addColumn('closes', 'varchar(5)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('walkin_hours_post_idx').on('walkin_hours').column('post_id').execute();

      await db.schema
        .createTable('walkin_exceptions')
        .addColumn('id', id, pk)
        // Null: the exception applies to every post (a city-wide cancelled weekend).
        .addColumn('post_id', 'varchar(80)', (c) => c.references('walkin_posts.id'))
        .addColumn('date', 'varchar(10)', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addColumn('opens', 'varchar(5)')
        .addColumn('closes', 'varchar(5)')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('walkin_exceptions_date_idx').on('walkin_exceptions').columns(['date', 'post_id']).execute();

      await db.schema
        .createTable('walkin_post_officers')
        .addColumn('post_id', 'varchar(80)', (c) => c.notNull().references('walkin_posts.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('assigned_at', ts, (c) => c.notNull())
        .addColumn('assigned_by', 'varchar(60)', (c) => c.notNull())
        .addPrimaryKeyConstraint('walkin_post_officers_pk', ['post_id', 'user_id'])
        .execute();
      await db.schema.createIndex('walkin_post_officers_user_idx').on('walkin_post_officers').column('user_id').execute();

      await db.schema
        .createTable('email_messages')
        .addColumn('id', id, pk)
        .addColumn('message_id', 'varchar(300)', (c) => c.notNull().unique())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('direction', 'varchar(3)', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('subject', 'text')
        .addColumn('refs', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('email_messages_case_idx').on('email_messages').columns(['case_id', 'direction']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['email_messages', 'walkin_post_officers', 'walkin_exceptions', 'walkin_hours', 'walkin_posts']) await db.schema.dropTable(t).execute();
    },
  };
}
