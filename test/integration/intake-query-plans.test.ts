import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { captureQueries } from '../support/query-plans.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

/**
 * Intake runs on every complaint, so none of its statements may read a whole table that grows with the case
 * load: a full scan there makes intake slower every day (the repeated-message check and the duplicate index's
 * catch-up once did exactly that). Every statement the intake path issues is captured and its SQLite query
 * plan checked. SQLite only: the plans are SQLite's.
 */
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
  let queries: ReturnType<typeof captureQueries>;
  beforeAll(async () => {
    t = await createTestContext({ productTriage: true });
    queries = captureQueries(t);
  });
  afterAll(async () => t.close());

  it('reads no growing table in full', async () => {
    // New and returning reporters, a repeat of the same incident (duplicate linking), a retried delivery.
    for (let i = 0; i < 4; i++) await submitComplaint(t.ctx, complaint(i));
    await submitComplaint(t.ctx, complaint(9, { text: 'Saluran air tersumbat di gang 1, kalau hujan air masuk ke rumah warga' }));
    await submitComplaint(t.ctx, complaint(0));
    await submitComplaint(t.ctx, complaint(10, { categoryCode: undefined, location: { lat: -6.2, lng: 106.8 } }));

    const statements = queries.statements();
    expect(statements.size).toBeGreaterThan(10);
    expect(queries.fullScans(statements)).toEqual([]);
  });
});
