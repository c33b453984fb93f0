import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, multipart } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

/** A report of two problems becomes two cases, each routed to its own agency, with the reporter told the new ticket. */
describe(`splitting a case (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: { authorization: string };
  let sudinJaksel: { authorization: string };
  let sudinJakpus: { authorization: string };
  let monitor: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sudinJaksel = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.74' });
    sudinJakpus = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.71' });
    monitor = await t.loginAs('monitor');
  });
  afterAll(async () => t.close());

  async function submit(extra: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        text: 'Jalan berlubang dalam di Jl. Fatmawati, dan got di sebelahnya mampet sampai banjir',
        category: 'jalan-rusak',
        location: { area_code: '31.74.01.1001', lat: -6.27, lng: 106.79, address: 'Jl. Fatmawati No. 5' },
        reporter: { name: 'Siti', email: `siti${Math.random()}@example.id` },
        ...extra,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { ticket: string; access_code: string };
  }
  const split = (who: { authorization: string }, ticket: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/split`, headers: who, payload: payload as Record<string, unknown> });
  const detail = async (ticket: string) => (await t.app.inject({ url: `/api/cases/${ticket}`, headers: admin })).json();

  it('creates a routed case per extra problem, linked both ways, inheriting the reporter, place and receipt time', async () => {
    const parent = await submit();
    const res = await split(sudinJaksel, parent.ticket, {
      reason: 'Dua masalah untuk dua instansi',
      parts: [{ text: 'Got di sebelah jalan mampet sampai banjir', category: 'saluran-tersumbat' }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.created).toHaveLength(1);
    const child = body.created[0];
    expect(child).toMatchObject({ status: 'disposisi', category: 'saluran-tersumbat', area: '31.74.01.1001' });
    expect(child.agency).not.toBe('sudin-bina-marga-31.74');
    expect(child.agency).toBeTruthy();
    expect(child.ticket).not.toBe(parent.ticket);
    expect(body.case.splitInto).toEqual([{ ticket: child.ticket, status: 'disposisi' }]);
    expect(body.case.can_split).toBe(true);
    expect((await t.app.inject({ url: `/api/cases/${parent.ticket}`, headers: monitor })).json().can_split).toBe(false);

    const p = await detail(parent.ticket);
    const c = await detail(child.ticket);
    expect(p.status).toBe('disposisi');
    expect(p.category).toBe('jalan-rusak');
    expect(p.timeline.at(-1)).toMatchObject({ action: 'case.split', after: { into: [child.ticket], reason: 'Dua masalah untuk dua instansi' } });
    expect(c.splitFrom).toBe(parent.ticket);
    expect(c.description).toBe('Got di sebelah jalan mampet sampai banjir');
    expect(c.received_at).toBe(p.received_at);
    expect(c).toMatchObject({ channel: p.channel, location: p.location, address: p.address, public: true });
    expect(c.reporters.map((r: { name: string }) => r.name)).toEqual(['Siti']);
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(['case.created', 'case.dispatch']);
    expect(c.timeline[0].after.splitFrom).toBe(parent.ticket);
    expect(c.due.resolution).toBeTruthy();

    // The reporter is told the new ticket, with its own access code, on the channel they used.
    const db = t.ctx.database.db;
    const note = await db.selectFrom('outbox').selectAll().where('case_id', '=', child.id).where('delivery_key', 'like', 'split:%').executeTakeFirstOrThrow();
    const payload = JSON.parse(note.payload as unknown as string) as { template: string; to: { kind: string }; vars: { ticket: string; splitFrom: string; accessCode: string } };
    expect(payload).toMatchObject({ template: 'split', to: { kind: 'email' }, vars: { ticket: child.ticket, splitFrom: parent.ticket } });
    // That code opens the new case for the citizen.
    const tracked = await t.app.inject(`/api/track/${child.ticket}?code=${payload.vars.accessCode}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ split_from_ticket: parent.ticket, can: { add_info: true } });
    expect((await t.app.inject(`/api/track/${parent.ticket}`)).json().split_into_tickets).toEqual([child.ticket]);
  });

  it('leaves a part without a category in the triage queue, and a part elsewhere without the original pin', async () => {
    const parent = await submit();
    const res = await split(admin, parent.ticket, {
      parts: [
        { text: 'Ada juga pohon miring di taman' },
        { text: 'Lampu jalan mati di Menteng', category: 'pju-mati', area: '31.71.06.1001', title: 'PJU mati' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const [unsorted, elsewhere] = res.json().created;
    expect(unsorted).toMatchObject({ status: 'menunggu', category: null, agency: null, area: '31.74.01.1001' });
    expect(elsewhere).toMatchObject({ area: '31.71.06.1001', category: 'pju-mati' });
    const e = await detail(elsewhere.ticket);
    expect(e).toMatchObject({ location: null, address: null, title: 'PJU mati' });
  });

  it('copies the citizen photos to the new case but not officers’ files', async () => {
    const mp = multipart({ text: 'Jalan berlubang dan got mampet', category: 'jalan-rusak', area_code: '31.74.01.1001' }, [{ field: 'photos', filename: 'lubang.jpg', type: 'image/jpeg', data: await jpeg() }]);
    const filed = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: mp.headers, payload: mp.payload });
    expect(filed.statusCode).toBe(201);
    const ticket = filed.json().ticket as string;
    const doc = multipart({}, [{ field: 'file', filename: 'surat-tugas.jpg', type: 'image/jpeg', data: await jpeg() }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/start`, headers: { ...sudinJaksel, ...doc.headers }, payload: doc.payload })).statusCode).toBe(200);
    const before = await detail(ticket);
    expect(before.attachments.map((a: { role: string }) => a.role).sort()).toEqual(['document', 'evidence']);
    const res = await split(admin, ticket, { parts: [{ text: 'Got mampet', category: 'saluran-tersumbat' }] });
    const child = await detail(res.json().created[0].ticket);
    const evidence = before.attachments.find((a: { role: string }) => a.role === 'evidence');
    expect(child.attachments.map((a: { role: string; filename: string }) => [a.role, a.filename])).toEqual([['evidence', evidence.filename]]);
    const file = await t.app.inject({ url: `/api/cases/${child.ticket}/attachments/${child.attachments[0].id}`, headers: admin });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals((await t.app.inject({ url: `/api/cases/${ticket}/attachments/${evidence.id}`, headers: admin })).rawPayload)).toBe(true);
  });

  it('keeps a confidential report confidential in every part', async () => {
    const parent = await submit({ reporter: { name: 'Rahasia', email: 'r@example.id', confidential: true } });
    const res = await split(admin, parent.ticket, { parts: [{ text: 'Got mampet', category: 'saluran-tersumbat' }] });
    const child = res.json().created[0];
    expect((await detail(child.ticket)).public).toBe(false);
    expect((await t.app.inject(`/api/track/${child.ticket}`)).statusCode).toBe(404);
  });

  it('refuses other agencies, read-only roles, closed cases and bad input, changing nothing', async () => {
    const parent = await submit();
    const count = async () => Number((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const n = await count();
    const part = { parts: [{ text: 'Got mampet', category: 'saluran-tersumbat' }] };
    expect((await split(sudinJakpus, parent.ticket, part)).statusCode).toBe(403);
    expect((await split(monitor, parent.ticket, part)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${parent.ticket}/split`, payload: part })).statusCode).toBe(401);
    expect((await split(admin, parent.ticket, { parts: [] })).statusCode).toBe(400);
    expect((await split(admin, parent.ticket, { parts: [{ text: '' }] })).statusCode).toBe(400);
    expect((await split(admin, parent.ticket, { parts: [{ text: 'x', area: 'Jakarta' }] })).statusCode).toBe(400);
    const unknownCategory = await split(admin, parent.ticket, { parts: [{ text: 'ok' }, { text: 'x', category: 'tidak-ada' }] });
    expect(unknownCategory.json().error).toMatchObject({ code: 'unknown_category', details: [{ field: 'parts.1.category' }] });
    const unknownArea = await split(admin, parent.ticket, { parts: [{ text: 'x', area: '31.99.99.9999' }] });
    expect(unknownArea.json().error.code).toBe('unknown_area');
    expect((await split(admin, 'JKT-0000-000000', part)).statusCode).toBe(404);
    expect(await count()).toBe(n);
    expect((await detail(parent.ticket)).splitInto).toEqual([]);

    await t.app.inject({ method: 'POST', url: `/api/cases/${parent.ticket}/actions/reject`, headers: admin, payload: { reject_reason: 'spam' } });
    expect((await detail(parent.ticket)).can_split).toBe(false);
    const closed = await split(admin, parent.ticket, part);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('transition_not_allowed');
    expect(await count()).toBe(n);
  });
});
