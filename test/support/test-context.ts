import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { bootstrap } from '../../src/services/bootstrap.js';
import type { AppContext } from '../../src/services/context.js';
import { tableOnlyTriage, type TriageEngine } from '../../src/services/triage/engine.js';

/**
 * Integration tests run on the dialect chosen by the environment: SQLite by default, PostgreSQL when
 * CEPAT_TEST_DATABASE_URL is set (CI runs the suite once each way). Every context gets a fresh SQLite file or
 * a fresh PostgreSQL schema, so runs never see each other's data.
 */
export const TEST_PG_URL = process.env.CEPAT_TEST_DATABASE_URL;
export const TEST_DIALECT: 'sqlite' | 'postgres' = TEST_PG_URL ? 'postgres' : 'sqlite';

export interface TestContext {
  ctx: AppContext;
  dataDir: string;
  /** Moves the clock used by services. */
  setNow(d: Date | string): void;
  close(): Promise<void>;
  env: Record<string, string>;
}

/**
 * `productTriage: true` runs the product's own triage engine (model, place finder, duplicate linking); by
 * default tests use the routing-table-only engine so that intake mechanics are not mixed with triage decisions
 * (e.g. two identical test complaints would otherwise be merged as duplicates).
 */
export async function createTestContext(opts: { now?: string; triage?: TriageEngine; productTriage?: boolean; env?: Record<string, string> } = {}): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-test-'));
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    CEPAT_DATA_DIR: dataDir,
    CEPAT_ADMIN_PASSWORD: 'admin-password-1',
    CEPAT_PUBLIC_URL: 'http://cepat.test',
    CEPAT_WORKERS: 'off',
    CEPAT_LOG_LEVEL: 'silent',
    // The test clock stands still: a cache keyed on it would never expire.
    CEPAT_PUBLIC_CACHE_SECONDS: '0',
    ...(TEST_PG_URL ? { DATABASE_URL: TEST_PG_URL, CEPAT_DB_SCHEMA: schema } : {}),
    ...opts.env,
  };
  const config = loadConfig(env);
  let now = new Date(opts.now ?? '2026-11-23T02:00:00.000Z');
  const ctx = await bootstrap(config, { log: pino({ level: 'silent' }), clock: () => new Date(now), triage: opts.productTriage ? undefined : (opts.triage ?? tableOnlyTriage) });
  return {
    ctx,
    dataDir,
    env,
    setNow(d) {
      now = new Date(d);
    },
    async close() {
      await ctx.database.close();
      if (TEST_PG_URL) {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
