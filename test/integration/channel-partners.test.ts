import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerPoller } from '../../src/jobs/partner-poller.js';
import { pollPartner } from '../../src/services/channels/poll-partner.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { jpeg } from '../support/images.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { count, createChannelApp, drainOutbox, startStandIn, type ChannelTestApp, type StandIn } from './channel-stand-in.js';

const LAPOR_SECRET = 'lapor-webhook-secret';
const admin = { kind: 'user' as const, userId: 1, role: 'admin' as const };

const laporReport = (id: string, extra: Record<string, unknown> = {}) => ({
  tracking_id: id,
  judul: 'Jalan rusak di Cengkareng',
  isi: 'Jalan berlubang besar di Jl. Daan Mogot km 12, sudah dua motor jatuh.',
  tanggal_laporan: '2026-11-23 08:30:00',
  jenis_laporan: 'pengaduan',
  lokasi: { lat: '-6,1551', lng: 106.7532, alamat: 'Jl. Daan Mogot km 12' },
  pelapor: { id: 'u-99', nama: 'Sari', telepon: '081234567890' },
  ...extra,
});

describe(`partner connectors (${TEST_DIALECT})`, () => {
  let lapor: StandIn;
  let fraksi: StandIn;
  let app: ChannelTestApp;
  let dir: string;
  const push = (partner: string, body: unknown, secret = LAPOR_SECRET, header = 'x-lapor-signature') => {
    const raw = JSON.stringify(body);
    return app.app.inject({ method: 'POST', url: `/webhooks/partners/${partner}`, payload: raw, headers: { 'content-type': 'application/json', [header]: createHmac('sha256', secret).update(raw).digest('hex') } });
  };

  beforeAll(async () => {
    const photo = await jpeg();
    lapor = await startStandIn((req) => {
      if (req.path === '/files/foto1.jpg') return { status: 200, body: photo, headers: { 'content-type': 'image/jpeg' } };
      if (req.method === 'POST' && req.path === '/laporan') return { status: 201, body: { tracking_id: 'LPR-7001', status: 'belum_terverifikasi' } };
      return { status: 200, body: { ok: true } };
    });
    fraksi = await startStandIn((req) => {
      if (req.method !== 'GET') return { status: 200, body: { ok: true } };
      const page = new URL(req.path, 'http://x').searchParams.get('halaman');
      if (!page) return { status: 200, body: { data: [{ no: 501, 'uraian aduan': 'Pungli di pasar Senen', warga: 'Ahmad', hp: '+62 857 1122 3344' }], berikutnya: '2' } };
      return { status: 200, body: { data: [{ no: 502, 'uraian aduan': 'Drainase mampet di Jl. Kebon Sirih', alamat: 'Jl. Kebon Sirih' }] } };
    });
    dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'cepat-partners-'));
    // Secrets from a file, as a Kubernetes secret would be mounted; the mapping from a YAML file.
    fs.writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ CEPAT_LAPOR_SECRET: LAPOR_SECRET, CEPAT_LAPOR_TOKEN: 'lapor-token', CEPAT_FRAKSI_KEY: 'fraksi-key' }));
    fs.writeFileSync(
      path.join(dir, 'partners.yaml'),
      [
        'lapor:',
        '  categoryMap: { "INFRA-JLN": jalan-rusak }',
        'fraksi-aspirasi:',
        '  name: Rumah Aspirasi Fraksi',
        '  channel: partner',
        "  fields: { externalId: $.no, text: \"$['uraian aduan']\", reporterName: $.warga, reporterPhone: $.hp, address: $.alamat }",
        '  statusMap: { menunggu: DITERIMA, menunggu_pelapor: PERLU_INFO, proses: DIPROSES, selesai: SELESAI }',
        `  baseUrl: ${fraksi.url}/api`,
        '  statusUpdate:',
        "    url: '{baseUrl}/aduan/{externalId}'",
        '    method: PATCH',
        '    format: form',
        "    body: { $.status: '{status}', $.catatan: 'Tiket {ticketNumber}: {note}' }",
        '    auth: { kind: header, header: x-api-key, valueEnv: CEPAT_FRAKSI_KEY }',
        '  poll:',
        "    url: '{baseUrl}/aduan?sejak={since}&halaman={cursor}'",
        '    itemsPath: $.data',
        '    nextCursorPath: $.berikutnya',
        '    auth: { kind: header, header: x-api-key, valueEnv: CEPAT_FRAKSI_KEY }',
      ].join('\n'),
    );
    app = await createChannelApp({
      CEPAT_PARTNERS: 'lapor,fraksi-aspirasi',
      CEPAT_PARTNERS_FILE: path.join(dir, 'partners.yaml'),
      CEPAT_SECRETS_FILE: path.join(dir, 'secrets.json'),
      CEPAT_LAPOR_API_URL: lapor.url,
      CEPAT_MEDIA_MAX_PER_MESSAGE: '2',
    });
  });
  afterAll(async () => {
    await app.close();
    await lapor.close();
    await fraksi.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses unknown partners, disabled presets and bad signatures, storing nothing', async () => {
    expect((await push('qlue', laporReport('1'))).json().error.code).toBe('channel_disabled');
    expect((await push('nobody', laporReport('1'))).statusCode).toBe(404);
    expect((await push('__proto__', laporReport('1'))).statusCode).toBe(404);
    expect((await push('lapor', laporReport('1'), 'wrong-secret')).statusCode).toBe(401);
    expect((await push('fraksi-aspirasi', laporReport('1'))).statusCode).toBe(404); // polled only: no webhook
    expect(await count(app, 'inbound_messages')).toBe(0);
  });

  it('maps a LAPOR! report into one case, with its photo, however often it is pushed', async () => {
    const body = laporReport('4815162342', { kategori: { kode: 'INFRA-JLN' }, lampiran: [{ url: `${lapor.url}/files/foto1.jpg` }] });
    const first = await push('lapor', body);
    expect(first.statusCode).toBe(201);
    expect(first.json().reports).toEqual([{ id: '4815162342', disposition: 'new_case', ticket: expect.stringMatching(/^JKT-/), tracking_url: expect.stringContaining('/lacak/JKT-') }]);
    const again = await push('lapor', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().reports[0]).toMatchObject({ disposition: 'duplicate', ticket: first.json().reports[0].ticket });
    const kase = await app.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'lapor').executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ category_code: 'jalan-rusak', lat: -6.1551, lng: 106.7532, received_at: '2026-11-23T01:30:00.000Z', title: 'Jalan rusak di Cengkareng' });
    expect(await app.ctx.database.db.selectFrom('attachments').select('id').where('case_id', '=', kase.id).execute()).toHaveLength(1);
    const contacts = await app.ctx.database.db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', kase.reporter_id!).orderBy('id').execute();
    expect(contacts).toEqual([{ kind: 'partner_user', value: 'lapor:4815162342' }, { kind: 'phone', value: '6281234567890' }]);
  });

  it('refuses a malformed batch as a whole, naming every missing field', async () => {
    const before = await count(app, 'cases');
    const res = await push('lapor', { judul: 'tanpa isi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['$.tracking_id', '$.isi']);
    expect(await count(app, 'cases')).toBe(before);
  });

  it('pushes the acknowledgement and each status change back to the partner report, never the access code', async () => {
    const kase = await app.ctx.database.db.selectFrom('cases').select(['id', 'ticket']).where('channel', '=', 'lapor').executeTakeFirstOrThrow();
    await transitionCase(app.ctx, { caseRef: kase.id, action: 'request_info', input: { publicNote: 'Mohon foto jarak dekat.' }, actor: admin });
    await drainOutbox(app);
    const updates = lapor.calls.filter((c) => c.path === '/laporan/4815162342/tindak-lanjut');
    expect(updates.map((u) => (u.json as { status: string }).status)).toEqual(['belum_ditindaklanjuti', 'proses']);
    for (const u of updates) {
      expect(u.headers.authorization).toBe('Bearer lapor-token');
      expect(u.headers['idempotency-key']).toMatch(/^(ack|status):/);
      expect(u.json).toMatchObject({ nomor_tiket_instansi: kase.ticket });
      expect((u.json as { tanggapan: string }).tanggapan).not.toMatch(/kode akses/i);
    }
    expect((updates[1].json as { tanggapan: string }).tanggapan).toContain('Mohon foto jarak dekat.');
  });

  it('polls a partner page by page, takes each report once, and answers through it', async () => {
    const setup = app.channels.partners['fraksi-aspirasi'];
    const first = await pollPartner(app.ctx, app.channels, setup);
    expect(first).toEqual({ pages: 2, reports: 2, created: 2 });
    const gets = fraksi.calls.filter((c) => c.method === 'GET');
    expect(gets[0].headers['x-api-key']).toBe('fraksi-key');
    expect(gets[0].path).toContain(`sejak=${encodeURIComponent('2026-11-22T02:00:00.000Z')}`);
    expect(gets[1].path).toContain('halaman=2');
    const second = await pollPartner(app.ctx, app.channels, setup);
    expect(second).toEqual({ pages: 2, reports: 2, created: 0 });
    expect(fraksi.calls.filter((c) => c.method === 'GET')[2].path).toContain(encodeURIComponent('2026-11-23T01:55:00.000Z'));
    const kase = await app.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'partner').orderBy('id').executeTakeFirstOrThrow();
    expect(kase.description).toBe('Pungli di pasar Senen');
    await drainOutbox(app);
    const patches = fraksi.calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((p) => p.path).sort()).toEqual(['/api/aduan/501', '/api/aduan/502']);
    expect(Object.fromEntries(new URLSearchParams(patches[0].body))).toMatchObject({ status: 'DITERIMA', catatan: expect.stringContaining('Tiket JKT-') });
  });
  it('forwards a case rejected as bukan wewenang to LAPOR! once, and records their id', async () => {
    const web = await submitComplaint(app.ctx, { channel: 'web', externalId: 'key:tol-1', receivedAt: new Date('2026-11-23T01:00:00Z'), rawPayload: {}, text: 'Jalan tol dalam kota berlubang di km 5', reporter: { contactKind: 'email', contactValue: 'warga@contoh.id', name: 'Budi' } });
    const other = await submitComplaint(app.ctx, { channel: 'web', externalId: 'key:spam-1', receivedAt: new Date(), rawPayload: {}, text: 'iklan pinjol', reporter: { contactKind: 'none' } });
    await transitionCase(app.ctx, { caseRef: other.case.id, action: 'reject', input: { rejectReason: 'spam' }, actor: admin });
    let failFirst = true;
    lapor.answer((req) => {
      if (req.method === 'POST' && req.path === '/laporan') {
        if (failFirst) {
          failFirst = false;
          return { status: 502, body: 'Bad Gateway' };
        }
        return { status: 201, body: { tracking_id: 'LPR-7001' } };
      }
      return { status: 200, body: {} };
    });
    await transitionCase(app.ctx, { caseRef: web.case.id, action: 'reject', input: { rejectReason: 'bukan_wewenang', forwardedTo: 'LAPOR! (Kementerian PUPR)', publicNote: 'Jalan tol adalah kewenangan pemerintah pusat.' }, actor: admin });
    const jobs = partnerPoller(app.ctx, app.channels);
    await jobs.runOnce();
    await jobs.runOnce(); // a second scan finds nothing new
    await drainOutbox(app);
    const forwards = lapor.calls.filter((c) => c.method === 'POST' && c.path === '/laporan');
    expect(forwards).toHaveLength(2); // the 502, then the one accepted
    expect(forwards[1].json).toMatchObject({
      isi: 'Jalan tol dalam kota berlubang di km 5',
      alasan_penerusan: 'Jalan tol adalah kewenangan pemerintah pusat.',
      instansi_tujuan: 'LAPOR! (Kementerian PUPR)',
      referensi: { nomor_tiket: web.case.ticket },
    });
    expect((forwards[1].json as Record<string, unknown>).pelapor).toBeUndefined(); // no identity leaves without consent
    const events = await app.ctx.database.db.selectFrom('events').select(['action', 'after']).where('case_id', '=', web.case.id).where('action', 'like', 'case.forward%').orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['case.forward_queued', 'case.forwarded']);
    expect(JSON.parse(events[1].after!)).toMatchObject({ partner: 'lapor', partnerReportId: 'LPR-7001' });
    expect(await app.ctx.database.db.selectFrom('outbox').select('id').where('delivery_key', 'like', 'forward:%').execute()).toHaveLength(1);
  });

});
