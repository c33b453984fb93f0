import type { Kysely } from 'kysely';
import { bigIntType, serialPrimaryKey, serialType, type DialectName } from '../dialect.js';

/**
 * Frozen: SLA state per case, per-case outcome rows for the monthly reports, red flags, notifications, the
 * admin-edited holiday table, TKD appeals and finalized TKD snapshots.
 */
export function slaReports(dialect: DialectName) {
  const id = serialType(dialect);
  const pk = serialPrimaryKey(dialect);
  const big = bigIntType(dialect);
  const ts = 'varchar(30)';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('calendar_holidays')
        .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('type', 'varchar(20)', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('source', 'varchar(120)', (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calendar_holidays_year_idx').on('calendar_holidays').column('year').execute();

      await db.schema
        .createTable('case_sla')
        .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
        .addColumn('policy_id', 'varchar(80)', (c) => c.notNull())
        .addColumn('state', 'varchar(10)', (c) => c.notNull())
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_response_due_at', ts)
        .addColumn('follow_up_due_at', ts)
        .addColumn('red_flag_due_at', ts)
        .addColumn('auto_close_at', ts)
        .addColumn('next_check_at', ts)
        .addColumn('escalated_until', ts)
        .addColumn('holdings', 'text', (c) => c.notNull())
        .addColumn('red_flags', 'text', (c) => c.notNull())
        .addColumn('outcome_sig', 'varchar(64)', (c) => c.notNull())
        .addColumn('computed_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_sla_next_check_idx').on('case_sla').column('next_check_at').execute();

      await db.schema
        .createTable('sla_outcomes')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('scope', 'varchar(8)', (c) => c.notNull())
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull())
        .addColumn('month', 'varchar(7)', (c) => c.notNull())
        .addColumn('received_at', ts, (c) => c.notNull())
        .addColumn('channel', 'varchar(20)', (c) => c.notNull())
        .addColumn('area_code', 'varchar(20)')
        .addColumn('held', 'text', (c) => c.notNull())
        .addColumn('held_from', ts, (c) => c.notNull())
        .addColumn('held_to', ts)
        .addColumn('held_parts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('ver_status', 'varchar(12)')
        .addColumn('ver_due', ts)
        .addColumn('resp_status', 'varchar(12)')
        .addColumn('resp_due', ts)
        .addColumn('fu_status', 'varchar(12)')
        .addColumn('fu_due', ts)
        .addColumn('res_status', 'varchar(12)')
        .addColumn('res_due', ts)
        .addColumn('response_ms', big)
        .addColumn('resolution_ms', big)
        .addColumn('resolved_at', ts)
        .addColumn('red_flag_at', ts)
        .addColumn('red_flag_month', 'varchar(7)')
        .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('policy_id', 'varchar(80)', (c) => c.notNull())
        .addColumn('computed_at', ts, (c) => c.notNull())
        .addUniqueConstraint('sla_outcomes_key', ['case_id', 'scope', 'agency_id'])
        .execute();
      // The monthly TKD report aggregates a month's cohort per agency from this index alone (it covers every
      // column the aggregation reads), so the table is not touched; red flags and the backlog have their own.
      await db.schema
        .createIndex('sla_outcomes_month_idx')
        .on('sla_outcomes')
        .columns(['month', 'scope', 'agency_id', 'rated', 'case_id', 'ver_status', 'ver_due', 'resp_status', 'resp_due', 'fu_status', 'fu_due', 'res_status', 'res_due', 'resolved_at', 'reopened'])
        .execute();
      await db.schema.createIndex('sla_outcomes_flag_idx').on('sla_outcomes').columns(['red_flag_month', 'scope', 'agency_id']).execute();
      // The backlog at an instant: rows still held (held_to null) or released after it, received before it.
      await db.schema.createIndex('sla_outcomes_held_idx').on('sla_outcomes').columns(['scope', 'held_to', 'held_from', 'held_parts', 'agency_id', 'received_at']).execute();

      // The reports read each case's latest rating; this index answers that without touching the table.
      await db.schema.createIndex('ratings_case_latest_idx').on('ratings').columns(['case_id', 'id', 'score']).execute();

      await db.schema
        .createTable('sla_misroutes')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('holding_index', 'integer', (c) => c.notNull())
        .addColumn('charged_to', 'varchar(80)', (c) => c.notNull())
        .addColumn('held_by', 'varchar(80)', (c) => c.notNull())
        .addColumn('from_at', ts, (c) => c.notNull())
        .addColumn('to_at', ts, (c) => c.notNull())
        .addColumn('month', 'varchar(7)', (c) => c.notNull())
        .addColumn('working_ms', big, (c) => c.notNull())
        .addUniqueConstraint('sla_misroutes_key', ['case_id', 'holding_index'])
        .execute();
      await db.schema.createIndex('sla_misroutes_month_idx').on('sla_misroutes').columns(['month', 'charged_to']).execute();

      await db.schema
        .createTable('sla_red_flags')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('holding_index', 'integer', (c) => c.notNull())
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull())
        .addColumn('charged_to', 'varchar(80)', (c) => c.notNull())
        .addColumn('raised_at', ts, (c) => c.notNull())
        .addColumn('month', 'varchar(7)', (c) => c.notNull())
        .addColumn('recorded_at', ts, (c) => c.notNull())
        .addColumn('withdrawn_at', ts)
        .addUniqueConstraint('sla_red_flags_key', ['case_id', 'holding_index'])
        .execute();
      await db.schema.createIndex('sla_red_flags_month_idx').on('sla_red_flags').columns(['month', 'charged_to']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', id, pk)
        .addColumn('dedupe_key', 'varchar(250)', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('agency_id', 'varchar(80)', (c) => c.references('agencies.id'))
        .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('data', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('read_at', ts)
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notifications_agency_idx').on('notifications').columns(['agency_id', 'id']).execute();

      await db.schema
        .createTable('tkd_appeals')
        .addColumn('id', id, pk)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull().references('agencies.id'))
        .addColumn('remedy', 'varchar(20)', (c) => c.notNull())
        .addColumn('to_agency_id', 'varchar(80)', (c) => c.references('agencies.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('filed_by', 'varchar(60)', (c) => c.notNull())
        .addColumn('filed_at', ts, (c) => c.notNull())
        .addColumn('decided_by', 'varchar(60)')
        .addColumn('decided_at', ts)
        .addColumn('decision_note', 'text')
        .execute();
      await db.schema.createIndex('tkd_appeals_case_idx').on('tkd_appeals').columns(['case_id', 'agency_id']).execute();
      await db.schema.createIndex('tkd_appeals_status_idx').on('tkd_appeals').columns(['status', 'agency_id']).execute();

      await db.schema
        .createTable('tkd_snapshots')
        .addColumn('id', id, pk)
        .addColumn('month', 'varchar(7)', (c) => c.notNull().unique())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('as_of', ts, (c) => c.notNull())
        .addColumn('finalized_at', ts, (c) => c.notNull())
        .addColumn('finalized_by', 'varchar(60)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tkd_snapshot_lines')
        .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('tkd_snapshots.id'))
        .addColumn('case_id', 'integer', (c) => c.notNull())
        .addColumn('agency_id', 'varchar(80)', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tkd_snapshot_lines_pk', ['snapshot_id', 'case_id', 'agency_id'])
        .execute();
    },
  };
}
