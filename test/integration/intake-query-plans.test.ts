import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

/**
 * Intake runs on every complaint, so none of its statements may read a whole table that grows with the case
 * load: a full scan there makes intake slower every day (the repeated-message check and the duplicate index's
 * catch-up once did exactly that). Every statement the intake path issues is captured and its SQLite query
 * plan checked. SQLite only: the plans are SQLite's.
 */
const GROWING = ['cases', 'events', 'reporters', 'reporter_contacts', 'case_reporters', 'inbound_messages', 'outbox', 'assignments', 'sla_outcomes', 'case_sla', 'comments', 'attachments', 'ratings'];
const FULL_SCAN = new RegExp(`^SCAN (${GROWING.join('|')})\\b`);

function complaint(i: number, over: Partial<NormalizedComplaint> = {}): NormalizedComplaint {
  return {
    channel: 'web',
    externalId: `plan-${i}`,
    receivedAt: new Date('2026-11-23T01:59:00Z'),
    rawPayload: { i },
    text: `Saluran air tersumbat di gang ${i}, kalau hujan air masuk ke rumah warga`,
    categoryCode: 'saluran-tersumbat',
    location: { areaCode: '31.74.01.1001' },
    reporter: { name: 'Sari', contactKind: 'email', contactValue: `sari${i % 2}@example.id` },
    ...over,
  };
}

describe.skipIf(TEST_DIALECT !== 'sqlite')('intake query plans (sqlite)', () => {
  let t: TestContext;
  const nodes: RootOperationNode[] = [];
  beforeAll(async () => {
    t = await createTestContext({ productTriage: true });
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        nodes.push(args.node);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    Object.assign(t.ctx.database, { db: t.ctx.database.db.withPlugin(capture) });
  });
  afterAll(async () => t.close());

  it('reads no growing table in full', async () => {
    // New and returning reporters, a repeat of the same incident (duplicate linking), a retried delivery.
    for (let i = 0; i < 4; i++) await submitComplaint(t.ctx, complaint(i));
    await submitComplaint(t.ctx, complaint(9, { text: 'Saluran air tersumbat di gang 1, kalau hujan air masuk ke rumah warga' }));
    await submitComplaint(t.ctx, complaint(0));
    await submitComplaint(t.ctx, complaint(10, { categoryCode: undefined, location: { lat: -6.2, lng: 106.8 } }));

    const executor = t.ctx.database.db.getExecutor();
    const statements = new Map<string, readonly unknown[]>();
    for (const n of nodes) {
      const q = executor.compileQuery(n, { queryId: 'plan' } as never);
      // Inserts are left out: their plans list the foreign-key scans of child tables that SQLite runs only
      // while deferred violations are outstanding (never here), which would read as false alarms.
      if (/^(select|update|delete)/i.test(q.sql) && !statements.has(q.sql)) statements.set(q.sql, q.parameters);
    }
    expect(statements.size).toBeGreaterThan(10);
    const raw = new SqliteDatabase(path.join(t.dataDir, 'cepat.sqlite'), { readonly: true });
    try {
      const scans = [...statements].flatMap(([s, params]) =>
        (raw.prepare(`EXPLAIN QUERY PLAN ${s}`).all(...params) as { detail: string }[]).filter((r) => FULL_SCAN.test(r.detail)).map((r) => `${r.detail} in: ${s}`),
      );
      expect(scans).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
