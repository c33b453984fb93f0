import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/services/auth/api-keys.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

/**
 * Role × endpoint: who may read and change a case routed to Suku Dinas Bina Marga Jakarta Selatan in
 * Kelurahan 31.74.01.1001, and who may not.
 */
type Who = 'anonymous' | 'admin' | 'triage' | 'officer_own' | 'officer_other' | 'head_parent' | 'territorial_in' | 'territorial_out' | 'monitor' | 'auditor' | 'partner_other';

const READ: Record<Who, number> = {
  anonymous: 401, admin: 200, triage: 200, officer_own: 200, officer_other: 403, head_parent: 200, territorial_in: 200, territorial_out: 403, monitor: 200, auditor: 200, partner_other: 403,
};
// 'start' is an agency action: triage operators may not take it (the workflow's roles), monitors/auditors never change.
const START: Record<Who, number> = {
  anonymous: 401, admin: 200, triage: 403, officer_own: 200, officer_other: 403, head_parent: 200, territorial_in: 200, territorial_out: 403, monitor: 403, auditor: 403, partner_other: 403,
};
const CATALOG_EXPORT: Record<Who, number> = {
  anonymous: 401, admin: 200, triage: 403, officer_own: 403, officer_other: 403, head_parent: 403, territorial_in: 403, territorial_out: 403, monitor: 403, auditor: 403, partner_other: 403,
};

describe(`scopes: role × endpoint (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const headers = {} as Record<Who, Record<string, string>>;
  beforeAll(async () => {
    t = await createTestApp();
    headers.anonymous = {};
    headers.admin = await t.loginAs('admin');
    headers.triage = await t.loginAs('triage_operator');
    headers.officer_own = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.74' });
    headers.officer_other = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.75' });
    headers.head_parent = await t.loginAs('agency_head', { agencyId: 'pd-bina-marga' });
    headers.territorial_in = await t.loginAs('territorial_officer', { areaCode: '31.74.01' });
    headers.territorial_out = await t.loginAs('territorial_officer', { areaCode: '31.71' });
    headers.monitor = await t.loginAs('monitor');
    headers.auditor = await t.loginAs('auditor');
    headers.partner_other = { 'x-api-key': (await createApiKey(t.ctx, 'Fraksi X')).key };
  });
  afterAll(async () => t.close());

  async function freshCase(): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Jalan rusak parah', category: 'jalan-rusak', location: { area_code: '31.74.01.1001' } } });
    return res.json().ticket;
  }

  for (const who of Object.keys(READ) as Who[]) {
    it(`${who}: read ${READ[who]}, start ${START[who]}, catalog export ${CATALOG_EXPORT[who]}, list scoped`, async () => {
      const ticket = await freshCase();
      expect((await t.app.inject({ url: `/api/cases/${ticket}`, headers: headers[who] })).statusCode).toBe(READ[who]);
      expect((await t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/start`, headers: headers[who], payload: {} })).statusCode).toBe(START[who]);
      expect((await t.app.inject({ url: '/api/catalog', headers: headers[who] })).statusCode).toBe(CATALOG_EXPORT[who]);
      const list = await t.app.inject({ url: '/api/cases?limit=200', headers: headers[who] });
      if (who === 'anonymous') expect(list.statusCode).toBe(401);
      else {
        const tickets = list.json().items.map((c: { ticket: string }) => c.ticket);
        expect(tickets.includes(ticket)).toBe(READ[who] === 200);
      }
    });
  }

  it('a partner sees the cases it submitted and no reporter identity', async () => {
    const key = (await createApiKey(t.ctx, 'Qlue test')).key;
    const { submitComplaint } = await import('../../src/services/intake/submit-complaint.js');
    const keyRow = await t.ctx.database.db.selectFrom('api_keys').select('id').where('name', '=', 'Qlue test').executeTakeFirstOrThrow();
    const res = await submitComplaint(t.ctx, { channel: 'qlue', externalId: 'q-1', receivedAt: new Date(), rawPayload: {}, text: 'Sampah', partnerId: String(keyRow.id), reporter: { name: 'Ani', contactKind: 'partner_user', contactValue: 'qlue:123' } });
    const detail = await t.app.inject({ url: `/api/cases/${res.case.ticket}`, headers: { 'x-api-key': key } });
    expect(detail.statusCode).toBe(200);
    expect(JSON.stringify(detail.json().reporters)).not.toContain('Ani');
    expect((await t.app.inject({ url: `/api/cases/${res.case.ticket}`, headers: headers.partner_other })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/cases', headers: { 'x-api-key': 'cpt_bogus_key' } })).statusCode).toBe(401);
  });

  it('anonymous reporters are hidden from officers; confidential ones are not public', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Pungli di kantor kelurahan', category: 'pungli', reporter: { name: 'Rahasia', email: 'anon@example.id', anonymous: true } } });
    const detail = (await t.app.inject({ url: `/api/cases/${anon.json().ticket}`, headers: headers.admin })).json();
    expect(detail.reporters[0]).toMatchObject({ anonymous: true, name: null, contacts: [] });
    const conf = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Guru memungut biaya', category: 'layanan-sekolah', reporter: { name: 'Ibu Wati', email: 'wati@example.id', confidential: true } } });
    expect((await t.app.inject(`/api/track/${conf.json().ticket}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/track/${conf.json().ticket}?code=${conf.json().access_code}`)).statusCode).toBe(200);
    const officerView = (await t.app.inject({ url: `/api/cases/${conf.json().ticket}`, headers: headers.admin })).json();
    expect(officerView.reporters[0]).toMatchObject({ confidential: true, name: 'Ibu Wati' });
  });
});
