import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, multipart } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

/**
 * Assisted intake at a walk-in post: who may take it, the receipt, and the offline queue — an intake resent
 * with the same client key (even much later, by another officer) never makes a second case.
 */
describe(`assisted intake at walk-in posts (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let kecamatanOfficer: { authorization: string };
  let outsider: { authorization: string };
  let monitor: { authorization: string };
  const POST = 'kel-31.71.01.1001';
  const intake = (headers: Record<string, string>, payload: object, key: string | null = randomUUID(), post = POST) =>
    t.app.inject({ method: 'POST', url: `/api/walkin/posts/${post}/intake`, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const form = {
    text: 'Saluran air di Gang Kelinci RT 03/RW 05 tersumbat sampah, air meluap ke jalan setiap hujan.',
    category: 'saluran-tersumbat',
    location: { area_code: '31.71.01.1001', address: 'Gang Kelinci RT 03/RW 05' },
    reporter: { name: 'Ibu Sumarni', phone: '0812-1111-2222' },
  };
  const caseCount = async () => (await t.ctx.database.db.selectFrom('cases').select('id').execute()).length;

  beforeAll(async () => {
    // Sunday 29 November 2026, 09:30 WIB: the kelurahan posts are open.
    t = await createTestApp({ now: '2026-11-29T02:30:00Z' });
    kecamatanOfficer = await t.loginAs('territorial_officer', { areaCode: '31.71.01' });
    outsider = await t.loginAs('territorial_officer', { areaCode: '31.74.01' });
    monitor = await t.loginAs('monitor');
  });
  afterAll(async () => t.close());

  it('records the post and the officer, queues the acknowledgement by SMS, and gives a receipt', async () => {
    const res = await intake(kecamatanOfficer, form);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ created: true, channel: 'walkin', post: { id: POST, name: 'Pos Pengaduan Kelurahan Gambir' }, within_schedule: true, taken_at: '2026-11-29T02:30:00.000Z' });
    expect(r.access_code).toMatch(/^[A-Z2-9]{6}$/);
    expect(r.receipt_url).toBe(`/api/walkin/posts/${POST}/receipts/${r.ticket}`);
    const kase = await t.ctx.database.db.selectFrom('cases').selectAll().where('ticket', '=', r.ticket).executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ channel: 'walkin', post_id: POST, intake_officer_id: r.officer.id, category_code: 'saluran-tersumbat' });
    const event = await t.ctx.database.db.selectFrom('events').select(['actor', 'after']).where('case_id', '=', kase.id).where('action', '=', 'case.created').executeTakeFirstOrThrow();
    expect(event.actor).toBe(`user:${r.officer.id}`);
    const ack = await t.ctx.database.db.selectFrom('outbox').select(['kind', 'payload']).where('case_id', '=', kase.id).executeTakeFirstOrThrow();
    expect(ack.kind).toBe('sms');
    expect(JSON.parse(ack.payload)).toMatchObject({ template: 'ack', to: { kind: 'phone', value: '6281211112222' }, vars: { ticket: r.ticket, accessCode: r.access_code } });

    const html = await t.app.inject({ method: 'GET', url: r.receipt_url, headers: kecamatanOfficer });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.body).toContain(r.ticket);
    expect(html.body).toContain(r.access_code);
    expect(html.body).toContain('SMS 62812****222');
    const pdf = await t.app.inject({ method: 'GET', url: r.receipt_pdf_url, headers: kecamatanOfficer });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ method: 'GET', url: r.receipt_url, headers: monitor })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/walkin/posts/kel-31.71.01.1002/receipts/${r.ticket}`, headers: kecamatanOfficer })).statusCode).toBe(404);
  });

  it('an intake queued while offline and resent later (by another officer) is the same case', async () => {
    const key = `tablet-gambir-${randomUUID()}`;
    const takenAt = '2026-11-29T01:15:00.000Z';
    const first = await intake(kecamatanOfficer, { ...form, taken_at: takenAt }, key);
    expect(first.statusCode, first.body).toBe(201);
    const before = await caseCount();
    t.setNow('2026-11-30T03:00:00Z'); // the network came back the next day
    const admin = await t.loginAs('admin');
    const resent = await intake(admin, { ...form, taken_at: takenAt, text: `${form.text} (dikirim ulang)` }, key);
    t.setNow('2026-11-29T02:30:00Z');
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ created: false, ticket: first.json().ticket, access_code: first.json().access_code, officer: first.json().officer, taken_at: takenAt });
    expect(await caseCount()).toBe(before);
    const kase = await t.ctx.database.db.selectFrom('cases').select(['received_at', 'description']).where('ticket', '=', first.json().ticket).executeTakeFirstOrThrow();
    expect(kase).toEqual({ received_at: takenAt, description: form.text });
    // The same key at another post is another intake.
    const elsewhere = await intake(kecamatanOfficer, form, key, 'kel-31.71.01.1002');
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuses intake without a key, with a future time, by outsiders and by read-only roles', async () => {
    const before = await caseCount();
    expect((await intake(kecamatanOfficer, form, null)).statusCode).toBe(400);
    expect((await intake(kecamatanOfficer, { ...form, taken_at: '2026-11-29T05:00:00Z' })).statusCode).toBe(400);
    expect((await intake(outsider, form)).statusCode).toBe(403);
    expect((await intake(monitor, form)).statusCode).toBe(403);
    expect((await intake({}, form)).statusCode).toBe(401);
    expect(await caseCount()).toBe(before);
  });

  it('refuses to assign read-only roles to a post, and refuses their intake even if they were assigned before', async () => {
    const admin = await t.loginAs('admin');
    const before = await caseCount();
    for (const role of ['monitor', 'auditor', 'partner']) {
      const headers = await t.loginAs(role);
      const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json() as { id: number };
      const assign = await t.app.inject({ method: 'PUT', url: `/api/walkin/posts/${POST}/officers/${me.id}`, headers: admin });
      expect(assign.statusCode, `${role}: ${assign.body}`).toBe(400);
      expect(assign.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'user' }] });
      expect(assign.json().error.message).toContain(`'${role}'`);
      expect(assign.json().error.message_en).toContain(`read-only role '${role}'`);
      // An assignment made before the rule existed (straight in the table) grants nothing either.
      await t.ctx.database.db.insertInto('walkin_post_officers').values({ post_id: POST, user_id: me.id, assigned_at: '2026-11-01T00:00:00.000Z', assigned_by: 'system:legacy' }).execute();
      const res = await intake(headers, form);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.message_en).toContain(`role '${role}' is read-only`);
      // … and such a stale assignment can still be removed.
      const unassign = await t.app.inject({ method: 'DELETE', url: `/api/walkin/posts/${POST}/officers/${me.id}`, headers: admin });
      expect(unassign.statusCode, unassign.body).toBe(200);
      expect(unassign.json().changed).toBe(true);
    }
    expect(await caseCount()).toBe(before);
  });

  it('answers a malformed or truncated multipart intake with 400, not 500', async () => {
    const before = await caseCount();
    for (const payload of ['garbage', '--xx\r\nContent-Disposition: form-data; name="text"\r\n\r\nterpotong']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/walkin/posts/${POST}/intake`, headers: { ...kecamatanOfficer, 'idempotency-key': randomUUID(), 'content-type': 'multipart/form-data; boundary=xx' }, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await caseCount()).toBe(before);
  });

  it('lets an officer assigned to the post take intake there, by phone too, with photos', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: outsider })).json() as { id: number };
    const admin = await t.loginAs('admin');
    expect((await t.app.inject({ method: 'PUT', url: `/api/walkin/posts/${POST}/officers/${me.id}`, headers: admin })).statusCode).toBe(200);
    const phone = await intake(outsider, { text: 'Lampu PJU di Jl. Tanah Abang II mati sejak Jumat.', channel: 'phone', reporter: { email: 'warga@contoh.co.id' } });
    expect(phone.statusCode, phone.body).toBe(201);
    expect(phone.json()).toMatchObject({ channel: 'phone', status: 'menunggu' });

    const mp = multipart({ text: 'Trotoar rusak di depan SDN Gambir 01, paving lepas.', phone: '081233334444', taken_at: '2026-11-29T02:00:00Z' }, [{ field: 'photos', filename: 'trotoar.jpg', type: 'image/jpeg', data: await jpeg() }]);
    const withPhoto = await t.app.inject({ method: 'POST', url: `/api/walkin/posts/${POST}/intake`, headers: { ...outsider, ...mp.headers, 'idempotency-key': randomUUID() }, payload: mp.payload });
    expect(withPhoto.statusCode, withPhoto.body).toBe(201);
    const kase = await t.ctx.database.db.selectFrom('cases').select(['id', 'received_at']).where('ticket', '=', withPhoto.json().ticket).executeTakeFirstOrThrow();
    expect(kase.received_at).toBe('2026-11-29T02:00:00.000Z');
    expect(await t.ctx.database.db.selectFrom('attachments').select('filename').where('case_id', '=', kase.id).execute()).toEqual([{ filename: 'trotoar.jpg' }]);
  });
});
