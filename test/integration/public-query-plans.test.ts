import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { publicAreas, publicMap, publicStats } from '../../src/services/public/public-stats.js';
import { captureQueries } from '../support/query-plans.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

/**
 * The public statistics answer anyone, without a login: a request for a short period must not read the whole
 * case table (or the SLA outcome rows), whatever the database's size. SQLite plans only.
 */
describe.skipIf(TEST_DIALECT !== 'sqlite')('public statistics query plans (sqlite)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ now: '2026-11-20T03:00:00Z' });
    for (let i = 0; i < 3; i++) {
      await submitComplaint(t.ctx, {
        channel: 'web',
        externalId: `plans-${i}`,
        receivedAt: new Date('2026-11-20T02:00:00Z'),
        rawPayload: null,
        text: 'Sampah menumpuk di pinggir jalan',
        categoryCode: 'sampah',
        location: { areaCode: '31.74.01.1001', lat: -6.26, lng: 106.81 },
        reporter: { contactKind: 'email', contactValue: `plans${i}@example.id` },
      });
    }
  });
  afterAll(async () => t.close());

  it('reads a short period through the time indexes, not whole tables', async () => {
    const queries = captureQueries(t);
    const day = { from: '2026-11-20', to: '2026-11-20' };
    expect((await publicStats(t.ctx, day)).totals.received).toBe(3);
    expect((await publicMap(t.ctx, day)).features).toHaveLength(3);
    await publicAreas(t.ctx, { ...day, level: 'kelurahan' });
    const statements = queries.statements();
    expect([...statements.keys()].some((s) => s.includes('sla_outcomes'))).toBe(true);
    expect(queries.fullScans(statements)).toEqual([]);
  });

  it('counts a period from covering indexes alone, without visiting case or SLA rows (long periods stay cheap)', async () => {
    const queries = captureQueries(t);
    await publicStats(t.ctx, { from: '2025-11-21', to: '2026-11-20' });
    const counting = queries.plans(queries.statements()).filter((p) => /SUM\(CASE|"resolution_ms"/.test(p.sql));
    // The breakdowns, the hourly counts, the on-time shares and the resolution times.
    expect(counting.length).toBeGreaterThanOrEqual(4);
    for (const { sql, steps } of counting) {
      const reads = steps.filter((d) => /^(SEARCH|SCAN) (cases|sla_outcomes)\b/.test(d));
      expect(reads.length, sql).toBeGreaterThan(0);
      for (const d of reads) expect(d, sql).toMatch(/USING COVERING INDEX/);
    }
  });
});
