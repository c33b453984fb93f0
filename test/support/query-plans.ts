import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { TestContext } from './test-context.js';

/** Tables that grow with the case load: reading one of them whole on a hot or public path is a fault. */
const GROWING_TABLES = ['cases', 'events', 'reporters', 'reporter_contacts', 'case_reporters', 'inbound_messages', 'outbox', 'assignments', 'sla_outcomes', 'case_sla', 'comments', 'attachments', 'ratings'];
/** Partial indexes over rows that stay few however large the table grows (confidential cases): reading one whole is fine. */
const SMALL_PARTIAL_INDEXES = ['cases_private_idx'];
const FULL_SCAN = new RegExp(`^SCAN (${GROWING_TABLES.join('|')})\\b(?! USING COVERING INDEX (${SMALL_PARTIAL_INDEXES.join('|')})\\b)`);

/**
 * Records every query the context's database runs from now on, so a test can check their SQLite query plans.
 * `fullScans()` lists each plan step that reads a growing table whole, with its statement. Inserts are left out:
 * their plans list the foreign-key scans of child tables that SQLite runs only while deferred violations are
 * outstanding (never here), which would read as false alarms.
 */
export function captureQueries(t: TestContext) {
  const nodes: RootOperationNode[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.push(args.node);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  Object.assign(t.ctx.database, { db: t.ctx.database.db.withPlugin(capture) });
  return {
    clear: () => void nodes.splice(0),
    statements(): Map<string, readonly unknown[]> {
      const executor = t.ctx.database.db.getExecutor();
      const out = new Map<string, readonly unknown[]>();
      for (const n of nodes) {
        const q = executor.compileQuery(n, { queryId: 'plan' } as never);
        if (/^(select|update|delete)/i.test(q.sql) && !out.has(q.sql)) out.set(q.sql, q.parameters);
      }
      return out;
    },
    fullScans(statements: Map<string, readonly unknown[]>): string[] {
      return this.plans(statements).flatMap(({ sql: s, steps }) => steps.filter((d) => FULL_SCAN.test(d)).map((d) => `${d} in: ${s}`));
    },
    /** The SQLite plan steps of each statement. */
    plans(statements: Map<string, readonly unknown[]>): { sql: string; steps: string[] }[] {
      const raw = new SqliteDatabase(path.join(t.dataDir, 'cepat.sqlite'), { readonly: true });
      try {
        return [...statements].map(([s, params]) => ({ sql: s, steps: (raw.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...params) as { detail: string }[]).map((r) => r.detail) }));
      } finally {
        raw.close();
      }
    },
  };
}
