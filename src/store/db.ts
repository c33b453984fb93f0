import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.js';
import type { DialectName } from './dialect.js';
import type { DB } from './schema.js';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** PostgreSQL schema holding the tables (search_path), when not the default. */
  schema?: string;
  /**
   * Keeps the query planner's statistics current as tables grow. SQLite keeps none unless asked (without them it
   * can prefer a status index that reads every open case of all time over the time index of a one-year public
   * map); PostgreSQL's autovacuum already does it.
   */
  refreshPlannerStats(): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the configured database: an embedded SQLite file by default, PostgreSQL when DATABASE_URL says so. */
export async function openDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') return openPostgres(database.url, database.schema);
  return openSqlite(database.file);
}

export function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  // Durability first: WAL with synchronous=FULL means a commit has reached the disk when it returns, so a
  // 2xx sent after the commit is never lost on a crash or power cut.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Group commit runs each intake in a SAVEPOINT; its sub-journal (the pages' images for a rollback to the
  // savepoint) spills to a temporary file past 64 KiB, and one intake touches more than that. In memory the
  // sub-journal costs no system calls: 15–20 % less time per intake, half the system time (measured in-process,
  // 10 concurrent intakes).
  raw.pragma('temp_store = MEMORY');
  // SQLite's advice for a connection that lives long: analyze what has grown at open, then now and then.
  raw.pragma('optimize = 0x10002');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    dialect: 'sqlite',
    refreshPlannerStats: async () => void (await sql`PRAGMA optimize`.execute(db)),
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs more than running a small insert. The
 * queries are few distinct shapes with parameters, so prepared statements are cached by their SQL text. Safe:
 * Kysely runs one query at a time on its single SQLite connection.
 */
function withStatementCache(raw: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        // Dynamic IN-lists make many shapes; a bounded cache keeps memory flat.
        if (cache.size >= 2000) cache.clear();
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

export async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name '${schema}'`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`SELECT 1`.execute(db);
  return { db, dialect: 'postgres', schema, refreshPlannerStats: async () => undefined, close: () => db.destroy() };
}
