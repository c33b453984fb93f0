import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

/** Walk-in posts and their schedules over HTTP: seeded from the areas, public reading, scoped editing. */
describe(`walk-in posts and schedules (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: { authorization: string };
  let gambirOfficer: { authorization: string };
  let otherOfficer: { authorization: string };
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const areaCount = async (level: 'kecamatan' | 'kelurahan', prefix = '31.') =>
    (await t.ctx.database.db.selectFrom('areas').select('code').where('level', '=', level).where('code', 'like', `${prefix}%`).execute()).length;

  beforeAll(async () => {
    // Saturday 28 November 2026, 09:00 WIB.
    t = await createTestApp({ now: '2026-11-28T02:00:00Z' });
    admin = await t.loginAs('admin');
    gambirOfficer = await t.loginAs('territorial_officer', { areaCode: '31.71.01' });
    otherOfficer = await t.loginAs('territorial_officer', { areaCode: '31.74.01' });
  });
  afterAll(async () => t.close());

  it('seeds the pendopo and a post for every kecamatan and kelurahan, public to read', async () => {
    const all = await get('/api/walkin/posts');
    expect(all.items).toHaveLength(1 + (await areaCount('kecamatan')) + (await areaCount('kelurahan')));
    const pendopo = all.items.find((p: { id: string }) => p.id === 'balai-kota');
    expect(pendopo.hours.map((h: { day: string }) => h.day)).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat']);
    const pusat = await get('/api/walkin/posts?kind=kecamatan&area=31.71');
    expect(pusat.items).toHaveLength(await areaCount('kecamatan', '31.71.'));
    expect(pusat.items[0]).toMatchObject({ id: 'kec-31.71.01', name: 'Pos Pengaduan Kecamatan Gambir', hours: [{ weekday: 6, day: 'Sabtu', opens: '08:00', closes: '12:00' }] });
  });

  it("lists today's open posts (kecamatan on Saturday morning) and other days' (kelurahan on Sunday, pendopo on weekdays)", async () => {
    const today = await get('/api/walkin/posts/open');
    expect(today.date).toBe('2026-11-28');
    expect(today.items).toHaveLength(await areaCount('kecamatan'));
    expect(today.items.every((p: { kind: string; open_now: boolean }) => p.kind === 'kecamatan' && p.open_now)).toBe(true);
    expect((await get('/api/walkin/posts/open?date=2026-11-29')).items).toHaveLength(await areaCount('kelurahan'));
    expect((await get('/api/walkin/posts/open?date=2026-11-30')).items.map((p: { id: string }) => p.id)).toEqual(['balai-kota']);
    // Christmas (a national holiday, Friday): even the pendopo is closed.
    expect((await get('/api/walkin/posts/open?date=2026-12-25')).items).toEqual([]);
  });

  it('answers 400 validation_failed, not 500, for dates that do not exist on the calendar', async () => {
    for (const url of ['/api/walkin/posts/open?date=2026-02-31', '/api/walkin/posts/open?date=2026-13-01', '/api/walkin/posts/open?date=2025-02-29', '/api/walkin/posts/kel-31.71.01.1001?from=2026-02-30', '/api/walkin/posts/kel-31.71.01.1001?from=2026-00-10']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code, url).toBe('validation_failed');
      expect(res.json().error.message, url).toContain('bukan tanggal yang ada');
      expect(res.json().error.message_en, url).toContain('not a real calendar date');
    }
    // A leap day is a real date.
    expect((await get('/api/walkin/posts/open?date=2028-02-29')).date).toBe('2028-02-29');
  });

  it("lets the area's territorial officer cancel a day of their post, and nobody else", async () => {
    const body = { date: '2026-12-05', closed: true, note: 'Kantor kecamatan dipakai untuk vaksinasi' };
    const denied = await t.app.inject({ method: 'POST', url: '/api/walkin/posts/kec-31.71.01/exceptions', headers: otherOfficer, payload: body });
    expect(denied.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/walkin/posts/kec-31.71.01/exceptions', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/walkin/posts/kec-31.71.01/exceptions', headers: gambirOfficer, payload: body });
    expect(ok.statusCode, ok.body).toBe(201);
    const open = (await get('/api/walkin/posts/open?date=2026-12-05')).items.map((p: { id: string }) => p.id);
    expect(open).not.toContain('kec-31.71.01');
    expect(open).toContain('kec-31.71.02');
    const detail = await get('/api/walkin/posts/kec-31.71.01?from=2026-11-28&days=15');
    expect(detail.days.filter((d: { open: boolean }) => d.open).map((d: { date: string }) => d.date)).toEqual(['2026-11-28', '2026-12-12']);
    expect(detail.days.find((d: { date: string }) => d.date === '2026-12-05')).toMatchObject({ open: false, basis: 'exception', note: body.note });
    expect(detail.officers).toBeUndefined();

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/walkin/posts/kec-31.71.01/exceptions/${ok.json().id}`, headers: gambirOfficer });
    expect(removed.statusCode).toBe(204);
    expect((await get('/api/walkin/posts/open?date=2026-12-05')).items.map((p: { id: string }) => p.id)).toContain('kec-31.71.01');
  });

  it('takes city-wide exceptions from admins only, and special opening hours on a holiday', async () => {
    const cancel = { date: '2026-12-06', closed: true, note: 'Seluruh pos ditiadakan (Jakarta Marathon)' };
    expect((await t.app.inject({ method: 'POST', url: '/api/walkin/exceptions', headers: gambirOfficer, payload: cancel })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/walkin/exceptions', headers: admin, payload: cancel })).statusCode).toBe(201);
    expect((await get('/api/walkin/posts/open?date=2026-12-06')).items).toEqual([]);

    const special = await t.app.inject({ method: 'POST', url: '/api/walkin/posts/balai-kota/exceptions', headers: admin, payload: { date: '2026-12-25', closed: false, opens: '09:00', closes: '11:00', note: 'Layanan khusus' } });
    expect(special.statusCode, special.body).toBe(201);
    expect((await get('/api/walkin/posts/open?date=2026-12-25')).items).toMatchObject([{ id: 'balai-kota', sessions: [{ opens: '09:00', closes: '11:00' }], basis: 'exception' }]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/walkin/posts/balai-kota/exceptions', headers: admin, payload: { date: '2026-12-26', closed: false } });
    expect(bad.statusCode).toBe(400);
  });

  it('edits weekly hours (validated, audited) and shows officers to staff', async () => {
    const overlap = await t.app.inject({ method: 'PUT', url: '/api/walkin/posts/kel-31.71.01.1001/hours', headers: gambirOfficer, payload: { hours: [{ weekday: 0, opens: '08:00', closes: '12:00' }, { weekday: 0, opens: '11:00', closes: '13:00' }] } });
    expect(overlap.statusCode).toBe(400);
    const hours = [{ weekday: 0, opens: '07:00', closes: '11:00' }, { weekday: 6, opens: '13:00', closes: '15:00' }];
    const ok = await t.app.inject({ method: 'PUT', url: '/api/walkin/posts/kel-31.71.01.1001/hours', headers: gambirOfficer, payload: { hours } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hours).toMatchObject(hours);
    const event = await t.ctx.database.db.selectFrom('events').select(['actor', 'after']).where('action', '=', 'walkin.hours_set').executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toEqual({ post: 'kel-31.71.01.1001', hours });

    const me = (await get('/api/auth/me', otherOfficer)) as { id: number };
    const assign = await t.app.inject({ method: 'PUT', url: `/api/walkin/posts/kel-31.71.01.1001/officers/${me.id}`, headers: gambirOfficer });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json()).toMatchObject({ changed: true, officers: [{ user_id: me.id, role: 'territorial_officer' }] });
    expect((await t.app.inject({ method: 'PUT', url: `/api/walkin/posts/kel-31.71.01.1001/officers/${me.id}`, headers: gambirOfficer })).json().changed).toBe(false);
    expect((await get('/api/walkin/posts/kel-31.71.01.1001', admin)).officers).toHaveLength(1);
    expect((await get('/api/walkin/posts/kel-31.71.01.1001')).officers).toBeUndefined();
  });

  it('creates extra posts (admin only) and deactivates them', async () => {
    const body = { id: 'dprd-fraksi-a', name: 'Posko Pengaduan Fraksi A DPRD', kind: 'other', area_code: '31.71', hours: [{ weekday: 3, opens: '10:00', closes: '14:00' }] };
    expect((await t.app.inject({ method: 'POST', url: '/api/walkin/posts', headers: gambirOfficer, payload: body })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/walkin/posts', headers: admin, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/walkin/posts', headers: admin, payload: body })).statusCode).toBe(409);
    const off = await t.app.inject({ method: 'PATCH', url: '/api/walkin/posts/dprd-fraksi-a', headers: admin, payload: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    expect((await get('/api/walkin/posts?kind=other')).items).toEqual([]);
    expect((await get('/api/walkin/posts?kind=other&include_inactive=true')).items).toHaveLength(1);
  });
});
