import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeCases } from '../../src/services/sla/recompute-open-cases.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { ADMIN, CaseDriver, officer, wib } from './sla-helpers.js';

const KEL = 'kel-31.71.01.1001';
const SATPOL = 'sudin-satpol-pp-31.71';
const DUKCAPIL = 'sudin-dukcapil-31.71';

describe(`stored SLA state, recomputed on every change (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let d: CaseDriver;
  beforeAll(async () => {
    t = await createTestContext();
    d = new CaseDriver(t);
  });
  afterAll(async () => t.close());

  const kase = (id: number) => t.ctx.database.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const sla = (id: number) => t.ctx.database.db.selectFrom('case_sla').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  const outcomes = (id: number) => t.ctx.database.db.selectFrom('sla_outcomes').selectAll().where('case_id', '=', id).orderBy('scope').orderBy('agency_id').execute();

  it('stores the due times of a report routed to a kelurahan at intake (Jakarta calendar, kelurahan policy)', async () => {
    // Monday 23 Nov 2026, 09:00 WIB. The kelurahan verifies within 3 working days (close of Thu 26) and
    // follows up within 24 hours; settlement within 60 days.
    const c = await d.submit('2026-11-23 09:00', 'lainnya');
    expect(c.agencyId).toBe(KEL);
    const row = await kase(c.id);
    expect(row.verify_due_at).toBe(wib('2026-11-26 16:00').toISOString());
    expect(row.response_due_at).toBe(wib('2026-11-24 09:00').toISOString());
    expect(row.resolution_due_at).toBe(wib('2027-01-22 09:00').toISOString());
    const s = await sla(c.id);
    expect(s).toMatchObject({ policy_id: 'jakarta-kelurahan', state: 'open', paused: 0, red_flag_due_at: wib('2026-12-01 16:00').toISOString() });
    // The first escalation step: the reminder at half the 24-hour follow-up.
    expect(s.next_check_at).toBe(wib('2026-11-23 21:00').toISOString());
    const rows = await outcomes(c.id);
    expect(rows.map((r) => [r.scope, r.agency_id, r.month, r.fu_status, r.ver_status])).toEqual([
      ['agency', KEL, '2026-11', 'pending', 'pending'],
      ['case', KEL, '2026-11', 'pending', 'pending'],
    ]);
  });

  it('pauses while waiting for the citizen and shifts the due times by exactly the pause', async () => {
    const c = await d.submit('2026-11-23 09:00', 'kebisingan');
    expect(c.agencyId).toBe(SATPOL);
    await d.act('2026-11-23 10:00', c.id, 'request_info', officer(SATPOL), { publicNote: 'Jam berapa kebisingan terjadi?' });
    let row = await kase(c.id);
    expect([row.verify_due_at, row.response_due_at, row.resolution_due_at]).toEqual([null, null, null]);
    expect((await sla(c.id)).paused).toBe(1);
    // The citizen answers two working days later (Wed 10:00): 16 working hours paused.
    await d.act('2026-11-25 10:00', c.id, 'citizen_reply', { kind: 'citizen', reporterId: 1 });
    row = await kase(c.id);
    // Verification: close of H+3 (Thu 26 16:00) plus 16 working hours → Mon 30 Nov 16:00.
    expect(row.verify_due_at).toBe(wib('2026-11-30 16:00').toISOString());
    // Settlement: 60 calendar days + 48 hours paused.
    expect(row.resolution_due_at).toBe(wib('2027-01-24 09:00').toISOString());
    expect((await sla(c.id)).paused).toBe(0);
  });

  it('charges a misroute to the unit that misrouted and starts the receiver’s own clocks', async () => {
    const c = await d.submit('2026-11-23 09:00', 'kebisingan');
    await d.act('2026-11-23 11:00', c.id, 'transfer', officer(SATPOL), { targetAgencyId: KEL, reason: 'wilayah kelurahan' });
    await d.act('2026-11-24 11:00', c.id, 'transfer', officer(KEL), { targetAgencyId: DUKCAPIL, reason: 'bukan wewenang kelurahan', misrouted: true });
    const rows = await outcomes(c.id);
    expect(rows.filter((r) => r.scope === 'agency').map((r) => r.agency_id)).toEqual([DUKCAPIL, SATPOL]);
    const misroutes = await t.ctx.database.db.selectFrom('sla_misroutes').selectAll().where('case_id', '=', c.id).execute();
    expect(misroutes).toHaveLength(1);
    // Nov 23 11:00 → Nov 24 11:00 = 5 + 3 working hours lost at the kelurahan, charged to the Satpol PP office.
    expect(misroutes[0]).toMatchObject({ charged_to: SATPOL, held_by: KEL, working_ms: 8 * 3_600_000, month: '2026-11' });
    const holdings = JSON.parse((await sla(c.id)).holdings) as { agency: string; charged_to: string; misrouted: boolean }[];
    expect(holdings.map((h) => [h.agency, h.charged_to, h.misrouted])).toEqual([
      [SATPOL, SATPOL, false],
      [KEL, SATPOL, true],
      [DUKCAPIL, DUKCAPIL, false],
    ]);
    // Dukcapil's own clock starts on receipt (Tue 24 11:00): the category's Jakarta follow-up of 6 working
    // days ends at the close of Wed 2 Dec.
    expect((await kase(c.id)).response_due_at).toBe(wib('2026-12-02 16:00').toISOString());
    expect((await sla(c.id)).policy_id).toBe('jakarta-default');
  });

  it('counts a staff reply as a response, and a resolved case waits for the LAPOR! auto-close', async () => {
    const c = await d.submit('2026-11-23 09:00', 'adminduk');
    await d.reply('2026-11-23 13:00', c.id, officer(DUKCAPIL));
    const agencyRow = (await outcomes(c.id)).find((r) => r.scope === 'agency')!;
    expect(agencyRow.response_ms).toBe(4 * 3_600_000);
    await d.act('2026-11-24 09:00', c.id, 'start', officer(DUKCAPIL));
    await d.act('2026-11-24 15:00', c.id, 'resolve', officer(DUKCAPIL), { publicNote: 'KTP sudah dicetak' });
    const s = await sla(c.id);
    // 10 working days after Tue 24 Nov: Wed 25 … Tue 8 Dec.
    expect(s).toMatchObject({ state: 'resolved', auto_close_at: wib('2026-12-08 16:00').toISOString(), next_check_at: wib('2026-12-08 16:00').toISOString() });
    expect((await kase(c.id)).resolution_due_at).toBeNull();
  });

  it('writes nothing when only time passed, and backfills cases on demand', async () => {
    const c = await d.submit('2026-11-23 09:00', 'lainnya');
    const before = await outcomes(c.id);
    d.at('2026-11-30 09:00');
    expect(await recomputeCases(t.ctx)).toBeGreaterThan(0);
    const after = await outcomes(c.id);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    await t.ctx.database.db.deleteFrom('sla_outcomes').where('case_id', '=', c.id).execute();
    await t.ctx.database.db.deleteFrom('case_sla').where('case_id', '=', c.id).execute();
    await recomputeCases(t.ctx, { all: true });
    expect((await outcomes(c.id)).map((r) => [r.scope, r.agency_id])).toEqual(before.map((r) => [r.scope, r.agency_id]));
    void ADMIN;
  });
});
