import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

const run = promisify(execFile);

describe(`audit trail (${TEST_DIALECT})`, () => {
  let t: TestContext;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await createTestContext();
    for (let i = 0; i < 3; i++) {
      const r = await submitComplaint(t.ctx, { channel: 'web', externalId: `a-${i}`, receivedAt: new Date(), rawPayload: {}, text: 'Pohon tumbang menutup jalan', categoryCode: 'pohon-tumbang', location: { areaCode: '31.71.01.1001' }, reporter: { contactKind: 'none' } });
      await transitionCase(t.ctx, { caseRef: r.case.id, action: 'start', input: {}, actor: { kind: 'user', userId: 1, role: 'admin' } });
      ids.push(r.case.id);
    }
  });
  afterAll(async () => t.close());

  it('every change wrote a chained event; an intact log verifies', async () => {
    const report = await verifyAudit(t.ctx);
    expect(report.broken).toEqual([]);
    expect(report.events).toBeGreaterThanOrEqual(9);
  });

  it('detects an altered event and names the case', async () => {
    const db = t.ctx.database.db;
    const ev = await db.selectFrom('events').selectAll().where('case_id', '=', ids[0]).where('seq', '=', 2).executeTakeFirstOrThrow();
    await db.updateTable('events').set({ actor: 'user:999' }).where('id', '=', ev.id).execute();
    const report = await verifyAudit(t.ctx);
    expect(report.broken.map((b) => b.caseId)).toEqual([ids[0]]);
    expect(report.broken[0].problems).toContainEqual({ kind: 'altered', seq: 2 });
    await db.updateTable('events').set({ actor: ev.actor }).where('id', '=', ev.id).execute();
  });

  it('detects a removed event, including the newest one, and the CLI exits non-zero naming the case', async () => {
    const db = t.ctx.database.db;
    const last = await db.selectFrom('events').selectAll().where('case_id', '=', ids[1]).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await db.deleteFrom('events').where('id', '=', last.id).execute();
    const report = await verifyAudit(t.ctx);
    expect(report.broken.map((b) => b.caseId)).toEqual([ids[1]]);
    const cli = path.resolve('bin/cepat.mjs');
    const err = await run(process.execPath, [cli, 'audit', 'verify'], { env: { ...process.env, ...t.env } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stdout).toMatch(new RegExp(`BROKEN case ${ids[1]} \\(JKT-`));
  }, 60_000);
});
