import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPopulation } from '../../src/services/reports/reach-report.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { K, L, S } from './report-fixture.js';
import { CaseDriver, officer } from './sla-helpers.js';

type Auth = { authorization: string };

describe(`reports over HTTP: roles, formats, appeals, reach (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let d: CaseDriver;
  let admin: Auth;
  let monitor: Auth;
  let headK: Auth;
  let headL: Auth;
  let triage: Auth;
  const cases: Record<string, { id: number; ticket: string }> = {};
  beforeAll(async () => {
    t = await createTestApp({ now: '2025-07-01T01:00:00Z' });
    d = new CaseDriver(t);
    cases.k = await d.submit('2025-07-01 08:00', 'lainnya', '31.71.01.1001', 'jaki');
    await d.act('2025-07-01 09:00', cases.k.id, 'start', officer(K));
    cases.l = await d.submit('2025-07-01 08:00', 'adminduk', '31.71.01.1002', 'web');
    cases.s = await d.submit('2025-07-02 08:00', 'kebisingan', '31.71.01.1001', 'sms');
    d.at('2025-08-05 10:00');
    admin = await t.loginAs('admin');
    monitor = await t.loginAs('monitor');
    headK = await t.loginAs('agency_head', { agencyId: K });
    headL = await t.loginAs('agency_head', { agencyId: L });
    triage = await t.loginAs('triage_operator');
  }, 60_000);
  afterAll(async () => t.close());

  const get = (url: string, headers?: Auth) => t.app.inject({ url, headers });
  const post = (url: string, payload: unknown, headers?: Auth) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('lets admins, monitors and auditors read every agency, and a head only their own', async () => {
    expect((await get('/api/reports/tkd?month=2025-07')).statusCode).toBe(401);
    expect((await get('/api/reports/tkd?month=2025-07', triage)).statusCode).toBe(403);
    expect((await get('/api/reports/tkd?month=2025-7', monitor)).statusCode).toBe(400);
    const all = (await get('/api/reports/tkd?month=2025-07', monitor)).json();
    expect(all.agencies.length).toBeGreaterThan(300);
    expect(all.agencies.find((a: { agency_id: string }) => a.agency_id === K)).toMatchObject({ received: 1, on_time: { follow_up: { met: 1, counted: 1 } } });
    const own = (await get('/api/reports/tkd?month=2025-07', headK)).json();
    expect(own.agencies.map((a: { agency_id: string }) => a.agency_id)).toEqual([K]);
    expect((await get(`/api/reports/tkd?month=2025-07&agency=${S}`, headK)).statusCode).toBe(403);
    expect((await get(`/api/reports/tkd/${S}/cases?month=2025-07`, headK)).statusCode).toBe(403);
    const drill = (await get(`/api/reports/tkd/${K}/cases?month=2025-07`, headK)).json();
    expect(drill.figures.received).toEqual({ count: 1, case_ids: [cases.k.id] });
    expect(drill.cases.map((c: { ticket: string }) => c.ticket)).toEqual([cases.k.ticket]);
    expect((await get('/api/reports/performance?month=2025-07&by=channel', headK)).statusCode).toBe(403);
    const perf = (await get('/api/reports/performance?month=2025-07&by=channel', monitor)).json();
    expect(perf.groups.map((g: { key: string }) => g.key)).toEqual(['jaki', 'sms', 'web']);
  });

  it('serves every format with a file name', async () => {
    for (const [format, type] of [['csv', 'text/csv'], ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ['pdf', 'application/pdf']]) {
      const res = await get(`/api/reports/tkd?month=2025-07&format=${format}&agency=${K}`, headK);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="tkd-2025-07-${K}.${format}"`);
    }
  });

  it('shows a case’s clock with its attribution to agencies that held it, and only to them', async () => {
    const sla = (await get(`/api/reports/cases/${cases.k.ticket}/sla`, headK)).json();
    expect(sla.holdings).toMatchObject([{ agency_id: K, charged_to: K, policy: 'jakarta-kelurahan', opened_by: 'received' }]);
    expect(sla.holdings[0].targets.find((x: { target: string }) => x.target === 'follow_up')).toMatchObject({ status: 'met', met_at: '2025-07-01T09:00:00+07:00' });
    expect(sla.events.map((e: { action: string }) => e.action)).toEqual(['case.created', 'case.dispatch', 'case.start']);
    expect((await get(`/api/reports/cases/${cases.l.ticket}/sla`, headK)).statusCode).toBe(403);
  });

  it('runs an appeal: the head files, a monitor decides, and the figure moves', async () => {
    const filed = await post('/api/reports/appeals', { case: cases.l.ticket, remedy: 'reattribute', to_agency: K, reason: 'Urusan kelurahan' }, headL);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ agency_id: L, to_agency_id: K, status: 'pending', ticket: cases.l.ticket });
    expect((await post('/api/reports/appeals', { case: cases.s.ticket, remedy: 'exclude', reason: 'x' }, headL)).statusCode).toBe(400);
    expect((await post(`/api/reports/appeals/${filed.json().id}/decision`, { decision: 'accepted' }, headK)).statusCode).toBe(403);
    const decided = await post(`/api/reports/appeals/${filed.json().id}/decision`, { decision: 'accepted', note: 'Benar' }, monitor);
    expect(decided.json()).toMatchObject({ status: 'accepted', decision_note: 'Benar' });
    const mine = (await get('/api/reports/appeals', headK)).json().items;
    expect(mine.map((a: { ticket: string; status: string }) => [a.ticket, a.status])).toEqual([[cases.l.ticket, 'accepted']]);
    const k = (await get('/api/reports/tkd?month=2025-07', headK)).json().agencies[0];
    expect(k.received).toBe(2);
  });

  it('finalizes a month for admins only', async () => {
    expect((await post('/api/reports/tkd/finalize', { month: '2025-07' }, monitor)).statusCode).toBe(403);
    const res = await post('/api/reports/tkd/finalize', { month: '2025-07' }, admin);
    expect(res.statusCode).toBe(201);
    expect((await post('/api/reports/tkd/finalize', { month: '2025-07' }, admin)).statusCode).toBe(409);
    const r = (await get('/api/reports/tkd?month=2025-07', headK)).json();
    expect(r).toMatchObject({ status: 'finalized', finalized: { content_hash: res.json().contentHash, intact: true }, adjustments: [] });
  });

  it('imports populations all-or-nothing and reports complaints per 10,000 residents, lowest first', async () => {
    const bad = await importPopulation(t.ctx, 'code,name,population\n31.71.01.1001,Gambir,20000\n31.71.01.9999,Tidak ada,100\n31.71.01.1002,Cideng,banyak\n');
    expect(bad).toEqual({ ok: false, errors: [{ line: 3, message: 'unknown area code 31.71.01.9999' }, { line: 4, message: 'population "banyak" is not a whole number ≥ 0' }] });
    expect(await importPopulation(t.ctx, 'kode,jumlah_penduduk\n31.71.01.1001,20000\n31.71.01.1002,"12.000"\n')).toEqual({ ok: true, count: 2 });
    const reach = (await get('/api/reports/reach?month=2025-07', monitor)).json();
    expect(reach.rows.slice(0, 2)).toEqual([
      { code: '31.71.01.1002', name: 'Cideng', population: 12000, total: 1, per10k: 0.83, channels: { web: { count: 1, per10k: 0.83 } } },
      { code: '31.71.01.1001', name: 'Gambir', population: 20000, total: 2, per10k: 1, channels: { jaki: { count: 1, per10k: 0.5 }, sms: { count: 1, per10k: 0.5 } } },
    ]);
    expect(reach.rows[2].per10k).toBeNull();
    const kec = (await get('/api/reports/reach?month=2025-07&level=kecamatan', monitor)).json();
    expect(kec.rows[0]).toMatchObject({ code: '31.71.01', population: 32000, total: 3, per10k: 0.94 });
  });

  it('keeps city-wide reach figures (per area and channel) from agency heads, like performance by area', async () => {
    expect((await get('/api/reports/performance?month=2025-07&by=kelurahan', headK)).statusCode).toBe(403);
    for (const url of ['/api/reports/reach?month=2025-07', '/api/reports/reach?month=2025-07&level=kelurahan', '/api/reports/reach?month=2025-07&level=kecamatan']) {
      const res = await get(url, headK);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', message_en: 'City-wide reports (by channel or area) are for admins, monitors and auditors' });
      expect(res.json().error.message).toContain('hanya untuk admin, monitor dan auditor');
      expect(res.body).not.toContain('31.71.01.1001');
    }
    expect((await get('/api/reports/reach?month=2025-07', triage)).statusCode).toBe(403);
    expect((await get('/api/reports/reach?month=2025-07')).statusCode).toBe(401);
    expect((await get('/api/reports/reach?month=2025-07', admin)).statusCode).toBe(200);
    expect((await get('/api/reports/reach?month=2025-07', await t.loginAs('auditor'))).statusCode).toBe(200);
  });
});
