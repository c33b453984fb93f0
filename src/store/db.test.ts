import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './db.js';

describe('openSqlite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-db-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens for durability (WAL, synchronous=FULL, foreign keys) with sub-journals in memory', async () => {
    const database = openSqlite(path.join(dir, 'cepat.sqlite'));
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`PRAGMA ${name}`).execute(database.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('temp_store')).toBe(2);
    } finally {
      await database.close();
    }
  });

  it('gathers planner statistics for tables that have grown, at open and on refresh', async () => {
    const file = path.join(dir, 'stats.sqlite');
    const stats = async (database: ReturnType<typeof openSqlite>) =>
      (await sql<{ tbl: string; idx: string }>`SELECT tbl, idx FROM sqlite_stat1 ORDER BY idx`.execute(database.db).catch(() => ({ rows: [] }))).rows;
    const first = openSqlite(file);
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, status TEXT, at TEXT)`.execute(first.db);
    await sql`CREATE INDEX t_status ON t (status)`.execute(first.db);
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO t (status, at) SELECT 'open', i FROM n`.execute(first.db);
    expect(await stats(first)).toEqual([]);
    await first.refreshPlannerStats();
    expect(await stats(first)).toEqual([{ tbl: 't', idx: 't_status' }]);
    await sql`DROP TABLE sqlite_stat1`.execute(first.db);
    await first.close();
    const reopened = openSqlite(file);
    try {
      expect(await stats(reopened)).toEqual([{ tbl: 't', idx: 't_status' }]);
    } finally {
      await reopened.close();
    }
  });
});
