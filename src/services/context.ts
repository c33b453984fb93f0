import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../store/db.js';
import type { FileStore } from '../store/files.js';
import type { GroupCommitter } from '../store/group-commit.js';
import type { TriageEngine } from './triage/engine.js';

/**
 * What use cases need from the world, passed explicitly (no globals): tests build one over a real database
 * with a fixed clock.
 */
export interface AppContext {
  database: Database;
  config: Config;
  files: FileStore;
  log: Logger;
  clock: () => Date;
  triage: TriageEngine;
  /** Batches concurrent intakes into one commit on SQLite (see group-commit.ts). */
  intakeCommits: GroupCommitter;
  /** Server secret (generated at first start, kept in the settings table) for derived codes. */
  secret: Buffer;
}

/** Per-request facts recorded in the audit trail. */
export interface RequestMeta {
  requestId?: string;
}
