import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { openDatabase } from '../store/db.js';
import { FileStore } from '../store/files.js';
import { GroupCommitter } from '../store/group-commit.js';
import { migrateToLatest } from '../store/migrate.js';
import type { AppContext } from './context.js';
import { seedReferenceData } from './reference/seed-reference.js';
import { seedWalkinPosts } from './walkin/posts.js';
import type { TriageEngine } from './triage/engine.js';
import { StoredTriageEngine } from './triage/stored-engine.js';
import { ensureFirstAdmin } from './users/manage-users.js';

export interface BootOptions {
  log?: Logger;
  clock?: () => Date;
  triage?: TriageEngine;
  /** Print-once callback for a generated admin password. */
  onAdminCreated?: (username: string, password: string | undefined) => void;
}

/** Opens the database, migrates, seeds reference data and the first admin: everything `npm start` needs. */
export async function bootstrap(config: Config, opts: BootOptions = {}): Promise<AppContext> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  await migrateToLatest(database);
  const ctx: AppContext = {
    database,
    config,
    files: new FileStore(path.join(config.dataDir, 'attachments')),
    log,
    clock: opts.clock ?? (() => new Date()),
    triage: opts.triage ?? new StoredTriageEngine(() => ctx),
    intakeCommits: new GroupCommitter(database),
    secret: await serverSecret(database),
  };
  await seedReferenceData(ctx);
  await seedWalkinPosts(ctx);
  const admin = await ensureFirstAdmin(ctx);
  if (admin.created) opts.onAdminCreated?.('admin', admin.generatedPassword);
  return ctx;
}

async function serverSecret(database: AppContext['database']): Promise<Buffer> {
  const found = await database.db.selectFrom('settings').select('value').where('key', '=', 'server_secret').executeTakeFirst();
  if (found) return Buffer.from(found.value, 'base64');
  const value = randomBytes(32).toString('base64');
  await database.db.insertInto('settings').values({ key: 'server_secret', value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await database.db.selectFrom('settings').select('value').where('key', '=', 'server_secret').executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
