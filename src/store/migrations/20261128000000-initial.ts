import type { Kysely } from 'kysely';
import { createCaseSearchIndex, doubleType, serialPrimaryKey, serialType, type DialectName } from '../dialect.js';

/** Frozen: the first schema. Later changes go in new files, never edits here. */
export function initial(dialect: DialectName) {
  const id = serialType(dialect);
  const dbl = doubleType(dialect);
  const pk = serialPrimaryKey(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('areas')
        .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'varchar(12)', (c) => c.notNull())
        .addColumn('parent_code', 'varchar(20)', (c) => c.references('areas.code'))
        .addColumn('geometry', 'text')
        .addColumn('population', 'integer')
        .execute();
      await db.schema.createIndex('areas_parent_idx').on('areas').column('parent_code').execute();

      await db.schema
        .createTable('agencies')
        .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('level', 'varchar(12)', (c) => c.notNull())
        .addColumn('parent_id', 'varchar(80)', (c) => c.references('agencies.id'))
        .addColumn('area_code', 'varchar(20)', (c) => c.references('areas.code'))
        .addColumn('field', 'varchar(60)')
        .addColumn('head_name', 'text')
        .addColumn('head_title', 'text')
        .addColumn('head_eselon', 'varchar(10)')
        .addColumn('email', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();
      await db.schema.createIndex('agencies_field_area_idx').on('agencies').columns(['field', 'area_code']).execute();

      await db.schema
        .createTable('categories')
        .addColumn('code', 'varchar(60)', (c) => c.primaryKey())
        .addColumn('name_id', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('group_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('default_level', 'varchar(12)', (c) => c.notNull())
        .addColumn('field', 'varchar(60)')
        .addColumn('sla_policy', 'varchar(60)', (c) => c.notNull())
        .addColumn('priority', 'varchar(12)', (c) => c.notNull().defaultTo('normal'))
        .addColumn('requires_after_photo', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('routing_rules')
        .addColumn('id', id, pk)
        .addColumn('category_code', 'varchar(60)', (c) => c.notNull().references('categories.code'))
        .addColumn('area_code', 'varchar(20)', (c) => c.notNull().defaultTo(''))
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull().references('agencies.id'))
        .addUniqueConstraint('routing_rules_unique', ['category_code', 'area_code'])
        .execute();

      await db.schema
        .createTable('reporters')
        .addColumn('id', id, pk)
        .addColumn('name', 'text')
        .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('reporter_contacts')
        .addColumn('id', id, pk)
        .addColumn('reporter_id', 'integer', (c) => c.notNull().references('reporters.id'))
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reporter_contacts_lookup_idx').on('reporter_contacts').columns(['kind', 'value']).execute();
      await db.schema.createIndex('reporter_contacts_reporter_idx').on('reporter_contacts').column('reporter_id').execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', id, pk)
        .addColumn('ticket', 'varchar(30)', (c) => c.notNull().unique())
        .addColumn('access_code_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('resume_status', 'varchar(20)')
        .addColumn('report_type', 'varchar(30)', (c) => c.notNull().defaultTo('pengaduan'))
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('category_code', 'varchar(60)', (c) => c.references('categories.code'))
        .addColumn('area_code', 'varchar(20)', (c) => c.references('areas.code'))
        .addColumn('lat', dbl)
        .addColumn('lng', dbl)
        .addColumn('address', 'text')
        .addColumn('agency_id', 'varchar(80)', (c) => c.references('agencies.id'))
        .addColumn('priority', 'varchar(12)', (c) => c.notNull().defaultTo('normal'))
        .addColumn('reporter_id', 'integer', (c) => c.references('reporters.id'))
        .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('merged_into_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('reject_reason', 'varchar(30)')
        .addColumn('reject_note', 'text')
        .addColumn('forwarded_to', 'text')
        .addColumn('partner_api_key_id', 'integer')
        .addColumn('open311_token', 'varchar(40)', (c) => c.unique())
        .addColumn('post_id', 'varchar(80)')
        .addColumn('intake_officer_id', 'integer')
        .addColumn('triage', 'text')
        .addColumn('flags', 'text')
        .addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('first_response_at', 'varchar(30)')
        .addColumn('resolved_at', 'varchar(30)')
        .addColumn('closed_at', 'varchar(30)')
        .addColumn('verify_due_at', 'varchar(30)')
        .addColumn('response_due_at', 'varchar(30)')
        .addColumn('resolution_due_at', 'varchar(30)')
        .addColumn('sla_paused_at', 'varchar(30)')
        .execute();
      for (const [name, cols] of [
        ['cases_status_idx', ['status', 'created_at']],
        ['cases_agency_idx', ['agency_id', 'status']],
        ['cases_area_idx', ['area_code']],
        ['cases_category_idx', ['category_code', 'created_at']],
        ['cases_created_idx', ['created_at']],
        ['cases_updated_idx', ['updated_at']],
        ['cases_channel_idx', ['channel', 'created_at']],
      ] as const) {
        await db.schema.createIndex(name).on('cases').columns([...cols]).execute();
      }
      await createCaseSearchIndex(db, dialect);

      await db.schema
        .createTable('case_reporters')
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('reporter_id', 'integer', (c) => c.notNull().references('reporters.id'))
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('joined_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_reporters_pk', ['case_id', 'reporter_id'])
        .execute();

      await db.schema
        .createTable('inbound_messages')
        .addColumn('id', id, pk)
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('external_id', 'varchar(300)', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('stored_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('disposition', 'varchar(20)', (c) => c.notNull())
        // The idempotency key: a retried webhook never makes two cases.
        .addUniqueConstraint('inbound_messages_idem', ['channel', 'external_id'])
        .execute();
      await db.schema.createIndex('inbound_messages_case_idx').on('inbound_messages').column('case_id').execute();

      await db.schema
        .createTable('assignments')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull().references('agencies.id'))
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('assigned_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('assigned_by', 'varchar(60)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('ended_at', 'varchar(30)')
        .addColumn('misrouted', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('assignments_case_idx').on('assignments').column('case_id').execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('visibility', 'varchar(10)', (c) => c.notNull())
        .addColumn('author', 'varchar(60)', (c) => c.notNull())
        .addColumn('author_name', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('comments_case_idx').on('comments').column('case_id').execute();

      await db.schema
        .createTable('attachments')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('comment_id', 'integer', (c) => c.references('comments.id'))
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('public_sha256', 'varchar(64)')
        .addColumn('content_type', 'varchar(60)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('exif_lat', dbl)
        .addColumn('exif_lng', dbl)
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_case_idx').on('attachments').column('case_id').execute();

      await db.schema
        .createTable('ratings')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ratings_case_idx').on('ratings').column('case_id').execute();

      await db.schema
        .createTable('users')
        .addColumn('id', id, pk)
        .addColumn('username', 'varchar(80)', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'varchar(30)', (c) => c.notNull())
        .addColumn('agency_id', 'varchar(80)', (c) => c.references('agencies.id'))
        .addColumn('area_code', 'varchar(20)', (c) => c.references('areas.code'))
        .addColumn('email', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', id, pk)
        .addColumn('name', 'varchar(120)', (c) => c.notNull().unique())
        .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
        .addColumn('role', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', id, pk)
        .addColumn('delivery_key', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(30)', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('locked_until', 'varchar(30)')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema
        .createTable('events')
        .addColumn('id', id, pk)
        .addColumn('stream', 'varchar(40)', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('action', 'varchar(40)', (c) => c.notNull())
        .addColumn('actor', 'varchar(80)', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('request_id', 'varchar(80)')
        .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        // Two writers racing for the same chain position fail instead of forking the chain.
        .addUniqueConstraint('events_stream_seq', ['stream', 'seq'])
        .execute();
      await db.schema.createIndex('events_case_idx').on('events').column('case_id').execute();
      await db.schema.createIndex('events_at_idx').on('events').column('at').execute();

      await db.schema
        .createTable('event_heads')
        .addColumn('stream', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ticket_counters')
        .addColumn('period', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
