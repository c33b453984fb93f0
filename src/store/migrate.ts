import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './db.js';
import { initial } from './migrations/20261128000000-initial.js';
import { slaReports } from './migrations/20261128010000-sla-reports.js';
import { channels } from './migrations/20261128020000-channels.js';
import { walkinEmail } from './migrations/20261128030000-walkin-email.js';
import { triage } from './migrations/20261128040000-triage.js';
import { intakeIndexes } from './migrations/20261128050000-intake-indexes.js';
import { publicStatsIndexes } from './migrations/20261128060000-public-stats-indexes.js';
import { caseSplit } from './migrations/20261128070000-case-split.js';
import { publicStatsCovering } from './migrations/20261128080000-public-stats-covering.js';

/** Migrations in order, named by timestamp. Each file is frozen once released. */
function migrations(dialect: Database['dialect']): Record<string, Migration> {
  return {
    '20261128000000-initial': initial(dialect),
    '20261128010000-sla-reports': slaReports(dialect),
    '20261128020000-channels': channels(dialect),
    '20261128030000-walkin-email': walkinEmail(dialect),
    '20261128040000-triage': triage(dialect),
    '20261128050000-intake-indexes': intakeIndexes(),
    '20261128060000-public-stats-indexes': publicStatsIndexes(),
    '20261128070000-case-split': caseSplit(),
    '20261128080000-public-stats-covering': publicStatsCovering(),
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: new InCodeProvider(migrations(database.dialect)),
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
