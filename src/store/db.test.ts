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
});
