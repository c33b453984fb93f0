import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/case/roles.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { form, FORM, newApiKey, pngPhoto, submitCase, xmlParser } from './open311-support.js';

const admin: Actor = { kind: 'user', userId: 1, role: 'admin' };

describe(`Open311 servicerequestupdates and media (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let resolved: Awaited<ReturnType<typeof submitCase>>;
  let afterPhotoSha: string;
  beforeAll(async () => {
    t = await createTestApp();
    resolved = await submitCase(t.ctx);
    t.setNow('2026-11-23T03:00:00Z');
    await transitionCase(t.ctx, { caseRef: resolved.case.id, action: 'start', input: {}, actor: admin });
    t.setNow('2026-11-23T05:00:00Z');
    await transitionCase(t.ctx, {
      caseRef: resolved.case.id, action: 'resolve', input: { publicNote: 'Lubang sudah ditambal' }, actor: admin,
      attachments: [{ filename: 'sesudah.png', contentType: 'image/png', data: await pngPhoto('#27ae60'), role: 'after' }],
    });
    const att = await t.ctx.database.db.selectFrom('attachments').select(['public_sha256']).where('case_id', '=', resolved.case.id).where('role', '=', 'after').executeTakeFirstOrThrow();
    afterPhotoSha = att.public_sha256!;
    t.setNow('2026-11-24T02:00:00Z');
  });
  afterAll(async () => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const postUpdate = (params: Record<string, string>, fmt = 'json') => t.app.inject({ method: 'POST', url: `/open311/v2/servicerequestupdates.${fmt}`, headers: FORM, payload: form(params) });

  it('lists status changes with the extended vocabulary, the resolution note and its after photo (JSON and XML)', async () => {
    const res = await get(`/open311/v2/servicerequestupdates.json?start_date=2026-11-23&end_date=2026-11-23`);
    expect(res.statusCode).toBe(200);
    const mine = (res.json() as Record<string, unknown>[]).filter((u) => u.service_request_id === resolved.case.ticket);
    expect(mine.map((u) => [u.status, u.external_status_code])).toEqual([
      ['FOR_TRIAGE', 'menunggu'],
      ['ACTION_SCHEDULED', 'disposisi'],
      ['IN_PROGRESS', 'proses'],
      ['FIXED', 'selesai'],
    ]);
    expect(Object.keys(mine[0])).toEqual(['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url', 'external_status_code']);
    expect(mine[3]).toMatchObject({ updated_datetime: '2026-11-23T12:00:00+07:00', description: 'Lubang sudah ditambal', media_url: `http://cepat.test/open311/v2/media/${afterPhotoSha}` });
    const xml = await get(`/open311/v2/servicerequestupdates.xml?service_request_id=${resolved.case.ticket}`);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const items = xmlParser.parse(xml.body).service_request_updates.request_update as Record<string, string>[];
    expect(items.map((u) => u.update_id)).toEqual(mine.map((u) => u.update_id));
    expect(items[3].media_url).toBe(mine[3].media_url);
  });

  it('respects the window and its limits', async () => {
    const late = (await get('/open311/v2/servicerequestupdates.json?start_date=2026-11-23T04:00:00Z&end_date=2026-11-23T06:00:00Z')).json() as { status: string }[];
    expect(late.map((u) => u.status)).toEqual(['FIXED']);
    const page = (await get('/open311/v2/servicerequestupdates.json?start_date=2026-11-23&end_date=2026-11-23&page_size=1&page=3')).json() as { status: string }[];
    expect(page.map((u) => u.status)).toEqual(['IN_PROGRESS']);
    expect((await get('/open311/v2/servicerequestupdates.json?start_date=2026-01-01&end_date=2026-11-23')).statusCode).toBe(400);
    expect((await get('/open311/v2/servicerequestupdates.xml?end_date=soon')).statusCode).toBe(400);
  });

  it('leaves out confidential cases', async () => {
    const secret = await submitCase(t.ctx, { reporter: { contactKind: 'none', confidential: true } });
    const list = (await get('/open311/v2/servicerequestupdates.json')).json() as { service_request_id: string }[];
    expect(list.map((u) => u.service_request_id)).not.toContain(secret.case.ticket);
  });

  describe('POST', () => {
    it('403 without a valid key, or on a request the partner did not submit', async () => {
      expect((await postUpdate({ service_request_id: resolved.case.ticket, description: 'halo' })).statusCode).toBe(403);
      expect((await postUpdate({ api_key: 'cpt_nope', service_request_id: resolved.case.ticket, description: 'halo' })).statusCode).toBe(403);
      const key = await newApiKey(t.ctx);
      const res = await postUpdate({ api_key: key.key, service_request_id: resolved.case.ticket, description: 'bukan laporan saya' }, 'xml');
      expect(res.statusCode).toBe(403);
      expect(xmlParser.parse(res.body).errors.error[0].description).toMatch(/submitted/);
    });

    it('400 for missing or too long fields, 404 for an unknown request', async () => {
      const key = await newApiKey(t.ctx);
      const missing = await postUpdate({ api_key: key.key });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().map((e: { description: string }) => e.description.split(':')[0])).toEqual(['service_request_id', 'description']);
      expect((await postUpdate({ api_key: key.key, service_request_id: 'x', description: 'y'.repeat(4001) })).statusCode).toBe(400);
      expect((await postUpdate({ api_key: key.key, service_request_id: 'JKT-0000-000000', description: 'halo' })).statusCode).toBe(404);
    });

    it('adds the citizen’s update to a request the partner submitted, as a public comment (needs addCaseComment to let a partner comment on its own cases)', async () => {
      const key = await newApiKey(t.ctx);
      const created = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: form({ api_key: key.key, service_code: 'sampah', address_string: 'Pasar Baru' }) });
      const ticket = created.json()[0].service_request_id as string;
      const res = await postUpdate({ api_key: key.key, service_request_id: ticket, description: 'Sampahnya makin banyak', media_url: 'https://example.org/foto.jpg' });
      expect(res.statusCode).toBe(201);
      const [answer] = res.json();
      expect(answer.update_id).toMatch(/^c\d+$/);
      const comment = await t.ctx.database.db.selectFrom('comments').selectAll().where('id', '=', Number(answer.update_id.slice(1))).executeTakeFirstOrThrow();
      expect(comment).toMatchObject({ visibility: 'public', author: `partner:${key.id}` });
      expect(comment.body).toContain('Sampahnya makin banyak');
      expect(comment.body).toContain('https://example.org/foto.jpg');
    });
  });

  describe('GET /media/{sha256}', () => {
    it('serves the public copy of a public case’s photo, and nothing else', async () => {
      const ok = await get(`/open311/v2/media/${afterPhotoSha}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['content-type']).toBe('image/png');
      expect(ok.headers['x-content-type-options']).toBe('nosniff');
      expect(ok.rawPayload.equals(await t.ctx.files.get(afterPhotoSha))).toBe(true);

      const secret = await submitCase(t.ctx, { reporter: { contactKind: 'none', confidential: true }, attachments: [{ filename: 'x.png', data: await pngPhoto('#8e44ad') }] });
      const hidden = await t.ctx.database.db.selectFrom('attachments').select(['sha256', 'public_sha256']).where('case_id', '=', secret.case.id).executeTakeFirstOrThrow();
      const originals = await t.ctx.database.db.selectFrom('attachments').select('sha256').where('case_id', '=', resolved.case.id).execute();
      const notPublic = [hidden.public_sha256!, ...originals.map((o) => o.sha256).filter((s) => s !== afterPhotoSha), '0'.repeat(64), 'not-a-hash'];
      for (const sha of notPublic) expect((await get(`/open311/v2/media/${sha}`)).statusCode, sha).toBe(404);
    });
  });
});
