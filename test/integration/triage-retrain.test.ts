import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeModel } from '../../src/domain/triage/classifier/index.js';
import { TriageRetrainJob } from '../../src/jobs/triage-retrain.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { installModel, trainModel } from '../../src/services/triage/model-versions.js';
import { retrainSchedule, setRetrainInterval } from '../../src/services/triage/retrain-schedule.js';
import { listModelVersions } from '../../src/store/triage.repository.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { complaint, syntheticExamples } from './triage-support.js';

describe(`triage retrain job (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ productTriage: true });
  });
  afterAll(async () => t.close());

  it('skips with too little history, then trains from labelled cases and keeps every version', async () => {
    const job = new TriageRetrainJob({ ctx: t.ctx, log: t.ctx.log });
    expect(await job.runIfDue()).toMatchObject({ status: 'skipped' });
    // Not due again within the interval.
    expect(await job.runIfDue()).toBeNull();

    // A weak model first (trained on two labels only): the retrain should beat it on the held-out slice.
    const weak = trainModel(syntheticExamples(20, 5).filter((e) => e.label === 'sampah' || e.label === 'pju-mati'), t.ctx.clock(), { version: 'weak' });
    await installModel(t.ctx, serializeModel(weak), 'test');
    const db = t.ctx.database.db;
    for (const e of syntheticExamples(20, 11)) {
      const res = await submitComplaint(t.ctx, complaint({ text: e.text, categoryCode: e.label, location: { areaCode: '31.74.01.1001' } }));
      await db.updateTable('cases').set({ status: 'selesai' }).where('id', '=', res.case.id).execute();
    }
    t.setNow('2026-11-24T03:00:00Z');
    const outcome = await job.runIfDue();
    expect(outcome).toMatchObject({ status: 'promoted' });
    expect(outcome!.candidate!.accuracy).toBeGreaterThanOrEqual(outcome!.current!.accuracy);
    const versions = await listModelVersions(db);
    expect(versions).toHaveLength(2);
    expect(versions.find((v) => v.active === 1)?.source).toBe('retrain');
  }, 60_000);

  it('follows the schedule an administrator sets: a longer interval, off, and refuses nonsense', async () => {
    const job = new TriageRetrainJob({ ctx: t.ctx, log: t.ctx.log });
    const db = t.ctx.database.db;
    const last = (await retrainSchedule(db, t.ctx.clock())).lastRunAt!;
    expect(last).toBe('2026-11-24T03:00:00.000Z');
    const weekly = await setRetrainInterval(t.ctx, 168, 'system:test');
    expect(weekly).toEqual({ everyHours: 168, lastRunAt: last, nextDueAt: '2026-12-01T03:00:00.000Z' });
    t.setNow('2026-11-26T03:00:00Z');
    expect(await job.runIfDue()).toBeNull();
    t.setNow('2026-12-01T03:00:00Z');
    expect(await job.runIfDue()).not.toBeNull();

    expect((await setRetrainInterval(t.ctx, 0, 'system:test')).nextDueAt).toBeNull();
    t.setNow('2027-03-01T03:00:00Z');
    expect(await job.runIfDue()).toBeNull();

    await expect(setRetrainInterval(t.ctx, -1, 'system:test')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(setRetrainInterval(t.ctx, Number.NaN, 'system:test')).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await retrainSchedule(db, t.ctx.clock())).everyHours).toBe(0);
    const audit = await db.selectFrom('events').select(['actor', 'after']).where('action', '=', 'settings.triage_retrain_interval').orderBy('id').execute();
    expect(audit.map((e) => JSON.parse(e.after!).every_hours)).toEqual([168, 0]);
  }, 60_000);
});
