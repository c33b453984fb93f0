import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL lives in this file; the rest of the code is dialect-free.
 */
export type DialectName = 'sqlite' | 'postgres';

/** Column type of an auto-increment primary key. */
export function serialType(dialect: DialectName): ColumnDataType {
  return dialect === 'postgres' ? 'serial' : 'integer';
}

/** Column definition of an auto-increment primary key (SQLite: AUTOINCREMENT, never reusing ids). */
export function serialPrimaryKey(dialect: DialectName): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === 'postgres' ? (c) => c.primaryKey() : (c) => c.primaryKey().autoIncrement();
}

/** Type for floating-point coordinates. */
export function doubleType(dialect: DialectName): ColumnDataType {
  return dialect === 'postgres' ? 'double precision' : 'real';
}

/** Creates the full-text index over `cases.search_text` (already normalised by the Indonesian pipeline). */
export async function createCaseSearchIndex(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    // 'simple' config: the text is stemmed by our own pipeline, so PostgreSQL must not stem it again.
    await sql`ALTER TABLE cases ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(db);
    await sql`CREATE INDEX cases_search_tsv_idx ON cases USING GIN (search_tsv)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE cases_fts USING fts5(search_text, content='cases', content_rowid='id', tokenize='unicode61')`.execute(db);
  await sql`CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
      INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
  await sql`CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
      INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`.execute(db);
  await sql`CREATE TRIGGER cases_fts_au AFTER UPDATE OF search_text ON cases BEGIN
      INSERT INTO cases_fts(cases_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
}

/** A WHERE condition: the case's search text contains every term (terms come from the same pipeline). */
export function caseSearchCondition(dialect: DialectName, terms: string[]): Expression<SqlBool> {
  const clean = terms.map((t) => t.replace(/[^\p{L}\p{N}_]/gu, '')).filter((t) => t.length > 0);
  if (clean.length === 0) return sql<SqlBool>`1 = 1`;
  if (dialect === 'postgres') {
    return sql<SqlBool>`cases.search_tsv @@ to_tsquery('simple', ${clean.join(' & ')})`;
  }
  const match = clean.map((t) => `"${t}"`).join(' ');
  return sql<SqlBool>`cases.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${match})`;
}

/**
 * Locks a case row for the rest of the transaction so concurrent changes to one case serialize (PostgreSQL).
 * SQLite needs nothing: it has one writer at a time and Kysely runs its transactions on one connection.
 */
export async function lockCaseRow(db: Kysely<any>, dialect: DialectName, caseId: number): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`.execute(db);
}

/** Type for 64-bit integers (durations in ms): PostgreSQL's integer is 32-bit, SQLite's is always 64-bit. */
export function bigIntType(dialect: DialectName): ColumnDataType {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}
