import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/services/auth/api-keys.js';
import { jpeg, multipart } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

/**
 * What partners and the public may not see of a case: internal steps, the files attached to them, an anonymous
 * reporter's identity hidden in a photo's metadata or file name.
 */
describe(`case privacy: partners, published photos, anonymous files (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let jaksel: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    jaksel = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.74' });
  });
  afterAll(async () => t.close());

  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% memo internal\ntrailer<</Root 1 0 R>>\n%%EOF\n');

  async function partnerCase() {
    const key = await createApiKey(t.ctx, `Mitra ${Math.random()}`);
    const r = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ api_key: key.key, service_code: 'jalan-rusak', address_id: '31.74.01.1001', description: 'Jalan rusak parah', email: 'warga@example.id' }) });
    expect(r.statusCode).toBe(201);
    return { ticket: r.json()[0].service_request_id as string, headers: { 'x-api-key': key.key } };
  }

  it('shows a partner the public history of its case, not internal reasons, notes or documents', async () => {
    const p = await partnerCase();
    await t.app.inject({ method: 'POST', url: `/api/cases/${p.ticket}/comments`, headers: jaksel, payload: { body: 'CATATAN INTERNAL: cek kerabat', visibility: 'internal' } });
    await t.app.inject({ method: 'POST', url: `/api/cases/${p.ticket}/comments`, headers: jaksel, payload: { body: 'Petugas akan meninjau lokasi', visibility: 'public' } });
    const mp = multipart({ target_agency: 'sudin-bina-marga-31.71', reason: 'ALASAN INTERNAL: bukan wilayah kami' }, [{ field: 'documents', filename: 'memo-internal.pdf', type: 'application/pdf', data: PDF }]);
    const tr = await t.app.inject({ method: 'POST', url: `/api/cases/${p.ticket}/actions/transfer`, headers: { ...jaksel, ...mp.headers }, payload: mp.payload });
    expect(tr.statusCode).toBe(200);

    const officerView = (await t.app.inject({ url: `/api/cases/${p.ticket}`, headers: await t.loginAs('admin') })).json();
    const memo = officerView.attachments.find((a: { filename: string }) => a.filename === 'memo-internal.pdf');
    expect(memo).toBeTruthy();

    const res = await t.app.inject({ url: `/api/cases/${p.ticket}`, headers: p.headers });
    expect(res.statusCode).toBe(200);
    for (const secret of ['CATATAN INTERNAL', 'ALASAN INTERNAL', 'memo-internal', 'user:']) expect(res.body).not.toContain(secret);
    const view = res.json();
    expect(view.comments.map((c: { body: string; author: string }) => [c.author, c.body])).toEqual([['petugas', 'Petugas akan meninjau lokasi']]);
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.created', 'case.transfer']));
    expect(view.timeline.every((e: { action: string }) => e.action.startsWith('case.'))).toBe(true);
    expect(view.assignments.every((a: { reason: string | null }) => a.reason === null)).toBe(true);
    expect(view).toMatchObject({ flags: [], triage: null });
    expect(view.reporters.every((r: { name: string | null; contacts: unknown[] }) => r.name === null && r.contacts.length === 0)).toBe(true);
    expect(view.attachments).toEqual([]);
    // The list shows a partner the same fields as the detail.
    await t.ctx.database.db.updateTable('cases').set({ flags: JSON.stringify(['suspected_spam']), triage: JSON.stringify({ note: 'INTERNAL TRIAGE' }) }).where('ticket', '=', p.ticket).execute();
    const list = await t.app.inject({ url: '/api/cases', headers: p.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { ticket: string }) => c.ticket)).toEqual([p.ticket]);
    expect(list.json().items[0]).toMatchObject({ flags: [], triage: null, post: null });
    expect(list.body).not.toContain('INTERNAL TRIAGE');
    expect((await t.app.inject({ url: `/api/cases/${p.ticket}/attachments/${memo.id}`, headers: p.headers })).statusCode).toBe(404);
  });

  it('never publishes a photo attached to an internal step', async () => {
    const c = (await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Jalan berlubang dalam', category: 'jalan-rusak', location: { area_code: '31.74.01.1001' } } })).json();
    const mp = multipart({ target_agency: 'sudin-bina-marga-31.71', reason: 'foto KTP pelapor (internal)' }, [{ field: 'documents', filename: 'ktp-pelapor.jpg', type: 'image/jpeg', data: await jpeg() }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${c.ticket}/actions/transfer`, headers: { ...jaksel, ...mp.headers }, payload: mp.payload })).statusCode).toBe(200);
    const row = await t.ctx.database.db.selectFrom('attachments').innerJoin('cases', 'cases.id', 'attachments.case_id').select('attachments.public_sha256').where('cases.ticket', '=', c.ticket).executeTakeFirstOrThrow();
    expect(row.public_sha256).toBeTruthy();
    expect((await t.app.inject(`/open311/v2/requests/${c.ticket}.json`)).json()[0].media_url ?? null).toBeNull();
    expect((await t.app.inject(`/open311/v2/media/${row.public_sha256}.jpg`)).statusCode).toBe(404);

    // The citizen's own photo is still published.
    const withPhoto = multipart({ text: 'Jalan berlubang dalam', category: 'jalan-rusak', area_code: '31.74.01.1001' }, [{ field: 'photos', filename: 'x.jpg', type: 'image/jpeg', data: await jpeg({ gps: { lat: -6.26, lng: 106.81 } }) }]);
    const d = (await t.app.inject({ method: 'POST', url: '/api/complaints', headers: withPhoto.headers, payload: withPhoto.payload })).json();
    const media = (await t.app.inject(`/open311/v2/requests/${d.ticket}.json`)).json()[0].media_url;
    expect(media).toBeTruthy();
    expect((await t.app.inject(new URL(media).pathname)).statusCode).toBe(200);
  });

  it("gives officers an anonymous reporter's photo without its metadata, under a neutral name", async () => {
    const img = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 9, g: 9, b: 9 } } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Siti Rahmawati', Copyright: 'siti.r@example.id' } })
      .toBuffer();
    const mp = multipart({ text: 'Jalan berlubang dalam', category: 'jalan-rusak', area_code: '31.74.01.1001', anonymous: 'true', name: 'Siti Rahmawati', email: 'siti.r@example.id' }, [{ field: 'photos', filename: 'IMG_Siti.jpg', type: 'image/jpeg', data: img }]);
    const c = (await t.app.inject({ method: 'POST', url: '/api/complaints', headers: mp.headers, payload: mp.payload })).json();
    const d = await t.app.inject({ url: `/api/cases/${c.ticket}`, headers: jaksel });
    expect(d.body).not.toContain('Siti');
    const att = d.json().attachments[0];
    expect(att.filename).toMatch(/^lampiran-\d+\.jpg$/);
    const dl = await t.app.inject({ url: `/api/cases/${c.ticket}/attachments/${att.id}`, headers: jaksel });
    expect(dl.statusCode).toBe(200);
    const meta = await exifr.parse(dl.rawPayload, { tiff: true, ifd0: true } as never).catch(() => null);
    expect(meta?.Artist).toBeUndefined();
    expect(dl.headers['content-disposition']).not.toContain('Siti');
  });

  it("masks the contact details a citizen wrote into the complaint wherever it is published, not for the citizen", async () => {
    const text = 'Lampu jalan mati. Hubungi saya 0812-3456-7890 atau budi.s@example.id, NIK 3174012345678901';
    const c = (await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text, category: 'jalan-rusak', location: { area_code: '31.74.01.1001', lat: -6.26, lng: 106.81, address: 'Gg. Kenari 5, hub 0812-1111-2222' } } })).json();
    const masked = 'Lampu jalan mati. Hubungi saya [disamarkan] atau [disamarkan], NIK [disamarkan]';
    expect((await t.app.inject(`/api/track/${c.ticket}`)).json().description).toBe(masked);
    expect((await t.app.inject(`/api/track/${c.ticket}?code=${c.access_code}`)).json().description).toBe(text);
    expect((await t.app.inject(`/open311/v2/requests/${c.ticket}.json`)).json()[0].description).toBe(masked);
    const open = await t.app.inject('/api/public/open-data/cases.jsonl');
    const row = open.body.trim().split('\n').map((l) => JSON.parse(l)).find((r) => r.ticket === c.ticket);
    expect(row.description).toBe(masked);
    expect(row.address).toBe('Gg. Kenari 5, hub [disamarkan]');
    expect((await t.app.inject(`/open311/v2/requests/${c.ticket}.json`)).json()[0].address).toBe('Gg. Kenari 5, hub [disamarkan]');
    expect((await t.app.inject({ url: `/api/cases/${c.ticket}`, headers: jaksel })).json().description).toBe(text);
  });

  it('downloads a file whose name is not Latin-1, with an ASCII fallback and the UTF-8 name', async () => {
    const mp = multipart({ text: 'Jalan berlubang dalam', category: 'jalan-rusak', area_code: '31.74.01.1001' }, [{ field: 'photos', filename: 'фото_jalan "rusak".jpg', type: 'image/jpeg', data: await jpeg() }]);
    const c = (await t.app.inject({ method: 'POST', url: '/api/complaints', headers: mp.headers, payload: mp.payload })).json();
    const att = (await t.app.inject({ url: `/api/cases/${c.ticket}`, headers: jaksel })).json().attachments[0];
    const dl = await t.app.inject({ url: `/api/cases/${c.ticket}/attachments/${att.id}`, headers: jaksel });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE_jalan");
    expect((await t.app.inject({ url: `/api/cases/${c.ticket}/attachments/abc`, headers: jaksel })).statusCode).toBe(404);
  });
});
