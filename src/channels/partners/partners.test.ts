import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { parsePartnerConfig, PartnerConfigError } from './partner-config.js';
import { mapPartnerPayload, verifyPartnerWebhook } from './partner-inbound.js';
import { buildForwardRequest, buildStatusUpdateRequest, PartnerRequestError } from './partner-outbound.js';
import { PARTNER_PRESETS, withOverrides, OUR_STATUSES } from './presets.js';
import { DomainError } from '../../domain/errors.js';

const now = new Date('2024-06-12T05:00:00Z');
const env = {
  CEPAT_LAPOR_SECRET: 'lapor-s',
  CEPAT_LAPOR_TOKEN: 'lapor-token',
  CEPAT_LAPOR_API_URL: 'http://127.0.0.1:9/api/v1/',
  CEPAT_QLUE_SECRET: 'qlue-s',
  CEPAT_QLUE_API_KEY: 'qk',
  CEPAT_JAKI_SECRET: 'jaki-s',
  CEPAT_FRAKSI_SECRET: 'fraksi-s',
};

const laporReport = {
  tracking_id: '4815162342',
  judul: 'Jalan rusak di Cengkareng',
  isi: 'Jalan Daan Mogot km 12 berlubang besar dan membahayakan pengendara.',
  tanggal_laporan: '2024-06-12 09:30:00',
  kategori: { kode: 'INFRA-JLN', nama: 'Infrastruktur Jalan' },
  jenis_laporan: 'pengaduan',
  lokasi: { lat: '-6,1551', lng: 106.7532, alamat: 'Jl. Daan Mogot km 12', kode_wilayah: '31.73.01.1001' },
  pelapor: { id: 'u-99', nama: 'Sari', telepon: '0812-3456-7890', email: 'Sari@Contoh.co.id' },
  anonim: false,
  rahasia: 'ya',
  lampiran: [{ url: 'https://lapor.go.id/files/a.jpg' }, { url: 'javascript:alert(1)' }],
  instansi_tujuan: 'Pemprov DKI Jakarta',
};

describe('presets', () => {
  it('are valid configurations and map every public status explicitly or on purpose', () => {
    for (const [id, preset] of Object.entries(PARTNER_PRESETS)) {
      const cfg = parsePartnerConfig(preset);
      expect(cfg.id).toBe(id);
      expect(cfg.note).toMatch(/Assumed/);
      for (const s of Object.keys(cfg.statusMap)) expect(OUR_STATUSES).toContain(s);
    }
  });

  it('can be overridden field by field', () => {
    const cfg = withOverrides(PARTNER_PRESETS.lapor, { fields: { text: '$.uraian' }, categoryMap: { 'INFRA-JLN': 'JALAN_RUSAK' } });
    expect(cfg.fields.text).toBe('$.uraian');
    expect(cfg.fields.externalId).toBe('$.tracking_id');
    expect(cfg.categoryMap).toEqual({ 'INFRA-JLN': 'JALAN_RUSAK' });
    expect(Object.isFrozen(cfg.fields)).toBe(true);
  });
});

describe('LAPOR! inbound', () => {
  const cfg = withOverrides(PARTNER_PRESETS.lapor, { categoryMap: { 'INFRA-JLN': 'JALAN_RUSAK' } });

  it('verifies the HMAC header', () => {
    const raw = Buffer.from(JSON.stringify(laporReport));
    const sig = createHmac('sha256', env.CEPAT_LAPOR_SECRET).update(raw).digest('hex');
    expect(verifyPartnerWebhook(cfg, { rawBody: raw, headers: { 'X-Lapor-Signature': sig } }, env)).toEqual({ ok: true });
    expect(verifyPartnerWebhook(cfg, { rawBody: raw, headers: { 'x-lapor-signature': sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } }, env)).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifyPartnerWebhook(cfg, { rawBody: raw, headers: {} }, env)).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verifyPartnerWebhook(cfg, { rawBody: raw, headers: { 'x-lapor-signature': sig } }, {})).toEqual({ ok: false, reason: 'secret_missing' });
  });

  it('maps a report to a normalized complaint', () => {
    const [c] = mapPartnerPayload(cfg, laporReport, { now });
    expect(c).toMatchObject({
      channel: 'lapor',
      partnerId: 'lapor',
      externalId: '4815162342',
      title: 'Jalan rusak di Cengkareng',
      text: laporReport.isi,
      categoryCode: 'JALAN_RUSAK',
      reportType: 'pengaduan',
      location: { lat: -6.1551, lng: 106.7532, address: 'Jl. Daan Mogot km 12', areaCode: '31.73.01.1001' },
      reporter: {
        name: 'Sari',
        contactKind: 'partner_user',
        contactValue: 'lapor:4815162342',
        extraContacts: [
          { kind: 'phone', value: '6281234567890' },
          { kind: 'email', value: 'sari@contoh.co.id' },
        ],
        confidential: true,
      },
      replyContext: { partnerId: 'lapor', partnerExternalId: '4815162342', partnerUserId: 'u-99', photoUrls: 'https://lapor.go.id/files/a.jpg' },
      attributes: { instansiTujuan: 'Pemprov DKI Jakarta', partnerCategory: 'INFRA-JLN' },
    });
    expect(c.reporter.anonymous).toBeUndefined();
    expect(c.receivedAt.toISOString()).toBe('2024-06-12T02:30:00.000Z');
    expect(c.rawPayload).toBe(laporReport);
  });

  it('refuses a report without id or text, naming both fields', () => {
    try {
      mapPartnerPayload(cfg, { judul: 'x' }, { now });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.map((d) => d.field)).toEqual(['$.tracking_id', '$.isi']);
    }
  });

  it('leaves out unparseable optional fields and unknown categories', () => {
    const [c] = mapPartnerPayload(cfg, { ...laporReport, lokasi: { lat: 'n/a', lng: 106.8 }, kategori: { kode: 'BARU' }, tanggal_laporan: 'kemarin' }, { now });
    expect(c.location).toBeUndefined();
    expect(c.categoryCode).toBeUndefined();
    expect(c.attributes?.partnerCategory).toBe('BARU');
    expect(c.receivedAt).toEqual(now);
  });
});

describe('status updates and forwarding', () => {
  const lapor = parsePartnerConfig(PARTNER_PRESETS.lapor);
  const update = { externalId: '4815162342', ticketNumber: 'JKT-2406-000123', updatedAt: now, note: 'Perbaikan dijadwalkan 14 Juni.', agencyName: 'Sudin Bina Marga Jakarta Barat' };

  it('pushes a mapped status with bearer auth to the configured base URL', () => {
    const req = buildStatusUpdateRequest(lapor, { ...update, status: 'disposisi' }, env)!;
    expect(req).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:9/api/v1/laporan/4815162342/tindak-lanjut' });
    expect(req.headers.authorization).toBe('Bearer lapor-token');
    expect(JSON.parse(req.body)).toEqual({
      status: 'proses',
      tanggapan: 'Perbaikan dijadwalkan 14 Juni.',
      instansi: 'Sudin Bina Marga Jakarta Barat',
      nomor_tiket_instansi: 'JKT-2406-000123',
      waktu: '2024-06-12T05:00:00.000Z',
    });
  });

  it('does not push statuses the partner does not know, and encodes ids in URLs', () => {
    const qlue = parsePartnerConfig(PARTNER_PRESETS.qlue);
    expect(buildStatusUpdateRequest(qlue, { ...update, status: 'digabung' }, env)).toBeUndefined();
    const req = buildStatusUpdateRequest(withOverrides(PARTNER_PRESETS.qlue, { baseUrl: 'http://q' }), { ...update, externalId: 'a/b c', status: 'selesai' }, env)!;
    expect(req.url).toBe('http://q/reports/a%2Fb%20c/status');
    expect(req.method).toBe('PUT');
    expect(req.headers['x-api-key']).toBe('qk');
  });

  it('signs JAKI updates with an HMAC of the body', () => {
    const jaki = withOverrides(PARTNER_PRESETS.jaki, { baseUrl: 'http://j' });
    const req = buildStatusUpdateRequest(jaki, { ...update, status: 'selesai' }, env)!;
    expect(req.headers['x-cepat-signature']).toBe('sha256=' + createHmac('sha256', 'jaki-s').update(req.body).digest('hex'));
  });

  it('fails clearly when a secret or the base URL is missing', () => {
    expect(() => buildStatusUpdateRequest(lapor, { ...update, status: 'proses' }, { CEPAT_LAPOR_API_URL: 'http://x' })).toThrow(PartnerRequestError);
    expect(() => buildStatusUpdateRequest(lapor, { ...update, status: 'proses' }, { CEPAT_LAPOR_TOKEN: 't' })).toThrow(/baseUrl/);
  });

  it('forwards a case rejected as bukan wewenang to LAPOR!, with their category code', () => {
    const cfg = withOverrides(PARTNER_PRESETS.lapor, { categoryMap: { 'INFRA-JLN-NAS': 'JALAN_NASIONAL' } });
    const req = buildForwardRequest(
      cfg,
      {
        ticketNumber: 'JKT-2406-000200',
        title: 'Jalan tol Jakarta–Cikampek bergelombang',
        text: 'Permukaan tol km 10 bergelombang.',
        categoryCode: 'JALAN_NASIONAL',
        lat: -6.25,
        lng: 106.98,
        receivedAt: now,
        reason: 'Jalan tol adalah kewenangan pemerintah pusat (BPJT).',
        targetInstitution: 'Kementerian PUPR',
        trackingUrl: 'https://cepat.jakarta.go.id/l/JKT-2406-000200',
      },
      env,
    );
    expect(req.url).toBe('http://127.0.0.1:9/api/v1/laporan');
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      judul: 'Jalan tol Jakarta–Cikampek bergelombang',
      kategori: 'INFRA-JLN-NAS',
      lokasi: { lat: -6.25, lng: 106.98 },
      alasan_penerusan: 'Jalan tol adalah kewenangan pemerintah pusat (BPJT).',
      instansi_tujuan: 'Kementerian PUPR',
      referensi: { nomor_tiket: 'JKT-2406-000200' },
    });
    expect(body.pelapor).toBeUndefined(); // no identity given, none sent
    expect(() => buildForwardRequest(parsePartnerConfig(PARTNER_PRESETS.qlue), { ticketNumber: 'x', text: 'x', receivedAt: now, reason: 'r' }, env)).toThrow(
      PartnerRequestError,
    );
  });
});

describe('a custom partner post (DPRD faction)', () => {
  const fraksi = parsePartnerConfig({
    id: 'fraksi-rumah-aspirasi',
    name: 'Rumah Aspirasi Fraksi',
    channel: 'partner',
    inbound: { itemsPath: '$.data', signature: { header: 'x-signature', algorithm: 'sha1', encoding: 'base64', secretEnv: 'CEPAT_FRAKSI_SECRET' } },
    fields: { externalId: '$.no', text: "$['uraian aduan']", reporterName: '$.warga', reporterPhone: '$.hp', address: '$.alamat', receivedAt: '$.ts' },
    statusMap: { selesai: 'SELESAI', proses: 'DIPROSES' },
    baseUrl: 'http://fraksi.example/api',
    statusUpdate: { url: '{baseUrl}/aduan/{externalId}', method: 'PATCH', format: 'form', body: { '$.status': '{status}', '$.catatan.isi': 'Tiket {ticketNumber}: {note}' } },
  });

  it('verifies a SHA-1 base64 signature and maps each item of a batch', () => {
    const body = { data: [
      { no: 101, 'uraian aduan': 'Pungli di pasar', warga: 'Ahmad', hp: '+62 857 1122 3344', ts: 1718160000 },
      { no: 102, 'uraian aduan': 'Drainase mampet', alamat: 'Jl. Kebon Sirih', ts: 1718160000000 },
    ] };
    const raw = JSON.stringify(body);
    const sig = createHmac('sha1', 'fraksi-s').update(raw).digest('base64');
    expect(verifyPartnerWebhook(fraksi, { rawBody: raw, headers: { 'x-signature': sig } }, env).ok).toBe(true);
    const [a, b] = mapPartnerPayload(fraksi, body, { now });
    // Several organisations share the `partner` channel: their ids are namespaced, and the reporter is
    // answered through the partner's report, with the phone kept as an extra contact.
    expect(a).toMatchObject({
      channel: 'partner',
      externalId: 'fraksi-rumah-aspirasi:101',
      reporter: { name: 'Ahmad', contactKind: 'partner_user', contactValue: 'fraksi-rumah-aspirasi:101', extraContacts: [{ kind: 'phone', value: '6285711223344' }] },
    });
    expect(a.receivedAt.getTime()).toBe(1718160000_000);
    expect(b).toMatchObject({ externalId: 'fraksi-rumah-aspirasi:102', location: { address: 'Jl. Kebon Sirih' }, reporter: { contactKind: 'partner_user', contactValue: 'fraksi-rumah-aspirasi:102' } });
    expect(b.reporter.extraContacts).toBeUndefined();
    expect(() => mapPartnerPayload(fraksi, { data: 'x' }, { now })).toThrow(DomainError);
  });

  it('sends form-encoded status updates with interpolated text', () => {
    const req = buildStatusUpdateRequest(fraksi, { externalId: '101', status: 'selesai', ticketNumber: 'JKT-2406-000300', updatedAt: now, note: 'Sudah ditindak' }, {})!;
    expect(req.method).toBe('PATCH');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({ status: 'SELESAI', 'catatan[isi]': 'Tiket JKT-2406-000300: Sudah ditindak' });
  });

  it('lists every configuration problem at once', () => {
    try {
      parsePartnerConfig({ id: 'X', name: '', channel: 'twitter', fields: { externalId: '$..id' }, statusUpdate: { url: 'u', body: {}, auth: { kind: 'bearer', tokenEnv: 'lower' } } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PartnerConfigError);
      const problems = (e as PartnerConfigError).problems.join('\n');
      for (const field of ['id', 'name', 'channel', 'fields.externalId', 'fields.text', 'statusUpdate.auth.tokenEnv']) expect(problems).toContain(field);
    }
  });
});
