import { STATUSES } from '../../domain/case/status.js';
import { parsePartnerConfig, type PartnerConfig, type PartnerConfigInput } from './partner-config.js';

/**
 * Starting configurations for the three named systems. Their integration APIs are NOT public: LAPOR! (SP4N,
 * run by KemenPAN-RB) and Jakarta's Qlue/JAKI integrations are agreed per institution. The field names,
 * status codes and URLs below are ASSUMPTIONS modelled on the statuses those systems show to citizens
 * (LAPOR!: belum terverifikasi → belum ditindaklanjuti → proses → selesai, plus tunda, bukan wewenang, arsip;
 * JAKI/Jakarta CRM: menunggu → koordinasi → disposisi → proses → selesai; Qlue: menunggu, proses, selesai).
 * A deployment receives the real specification from the partner and overrides the preset field by field
 * (`withOverrides`), without code changes. Secrets and base URLs come from the environment variables named.
 */

/** Our status codes (src/domain/case/status.ts); each partner's statusMap translates them. */
export const OUR_STATUSES = STATUSES;

const lapor: PartnerConfigInput = {
  id: 'lapor',
  name: 'LAPOR! SP4N',
  channel: 'lapor',
  note: 'Assumed mapping: LAPOR! integration API is agreed with KemenPAN-RB per institution; override with the real one.',
  inbound: { signature: { header: 'x-lapor-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', secretEnv: 'CEPAT_LAPOR_SECRET' } },
  fields: {
    externalId: '$.tracking_id',
    title: '$.judul',
    text: '$.isi',
    receivedAt: '$.tanggal_laporan',
    category: '$.kategori.kode',
    reportType: '$.jenis_laporan',
    lat: '$.lokasi.lat',
    lng: '$.lokasi.lng',
    address: '$.lokasi.alamat',
    areaCode: '$.lokasi.kode_wilayah',
    reporterUserId: '$.pelapor.id',
    reporterName: '$.pelapor.nama',
    reporterPhone: '$.pelapor.telepon',
    reporterEmail: '$.pelapor.email',
    anonymous: '$.anonim',
    confidential: '$.rahasia',
    photoUrls: '$.lampiran[*].url',
  },
  extraFields: { instansiTujuan: '$.instansi_tujuan', sumber: '$.sumber' },
  reportTypeMap: { pengaduan: 'pengaduan', aspirasi: 'aspirasi', permintaan_informasi: 'permintaan_informasi', 'permintaan informasi': 'permintaan_informasi', wbs: 'wbs' },
  statusMap: {
    menunggu: 'belum_ditindaklanjuti',
    koordinasi: 'proses',
    disposisi: 'proses',
    proses: 'proses',
    menunggu_pelapor: 'proses',
    selesai: 'selesai',
    ditutup: 'selesai',
    ditolak: 'bukan_wewenang',
    digabung: 'arsip',
  },
  baseUrlEnv: 'CEPAT_LAPOR_API_URL',
  statusUpdate: {
    method: 'POST',
    url: '{baseUrl}/laporan/{externalId}/tindak-lanjut',
    body: { '$.status': '{status}', '$.tanggapan': '{note}', '$.instansi': '{agencyName}', '$.nomor_tiket_instansi': '{ticketNumber}', '$.waktu': '{updatedAt}' },
    auth: { kind: 'bearer', tokenEnv: 'CEPAT_LAPOR_TOKEN' },
  },
  forward: {
    method: 'POST',
    url: '{baseUrl}/laporan',
    body: {
      '$.judul': '{title}',
      '$.isi': '{text}',
      '$.kategori': '{category}',
      '$.lokasi.lat': '{lat}',
      '$.lokasi.lng': '{lng}',
      '$.lokasi.alamat': '{address}',
      '$.lokasi.kode_wilayah': '{areaCode}',
      '$.tanggal_laporan': '{receivedAt}',
      '$.alasan_penerusan': '{reason}',
      '$.instansi_tujuan': '{targetInstitution}',
      '$.referensi.nomor_tiket': '{ticketNumber}',
      '$.referensi.tautan': '{trackingUrl}',
      '$.pelapor.nama': '{reporterName}',
      '$.pelapor.telepon': '{reporterPhone}',
      '$.pelapor.email': '{reporterEmail}',
    },
    auth: { kind: 'bearer', tokenEnv: 'CEPAT_LAPOR_TOKEN' },
    responseIdPath: '$.tracking_id',
  },
};

const qlue: PartnerConfigInput = {
  id: 'qlue',
  name: 'Qlue',
  channel: 'qlue',
  note: 'Assumed mapping: Qlue integration is agreed with Qlue Performa Indonesia; override with the real one.',
  inbound: { signature: { header: 'x-qlue-signature', algorithm: 'sha256', encoding: 'base64', prefix: 'sha256=', secretEnv: 'CEPAT_QLUE_SECRET' } },
  fields: {
    externalId: '$.report_id',
    text: '$.description',
    receivedAt: '$.created_at',
    category: '$.label',
    lat: '$.latitude',
    lng: '$.longitude',
    address: '$.address',
    reporterUserId: '$.user.username',
    reporterName: '$.user.display_name',
    photoUrls: '$.photos[*]',
  },
  extraFields: { kelurahan: '$.kelurahan', kecamatan: '$.kecamatan' },
  statusMap: { menunggu: 'wait', koordinasi: 'process', disposisi: 'process', proses: 'process', menunggu_pelapor: 'process', selesai: 'complete', ditutup: 'complete', ditolak: 'reject' },
  baseUrlEnv: 'CEPAT_QLUE_API_URL',
  statusUpdate: {
    method: 'PUT',
    url: '{baseUrl}/reports/{externalId}/status',
    body: { '$.status': '{status}', '$.comment': '{note}', '$.reference': '{ticketNumber}', '$.updated_at': '{updatedAt}' },
    auth: { kind: 'header', header: 'x-api-key', valueEnv: 'CEPAT_QLUE_API_KEY' },
  },
};

const jaki: PartnerConfigInput = {
  id: 'jaki',
  name: 'JAKI (Jakarta Kini)',
  channel: 'jaki',
  note: "Assumed mapping: JAKI is the province's own app; its report API is internal to Diskominfotik DKI; override with the real one.",
  inbound: { signature: { header: 'x-jaki-signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', secretEnv: 'CEPAT_JAKI_SECRET' } },
  fields: {
    externalId: '$.laporan.id',
    title: '$.laporan.judul',
    text: '$.laporan.isi',
    receivedAt: '$.laporan.dibuat',
    category: '$.laporan.kategori',
    lat: '$.laporan.lokasi.latitude',
    lng: '$.laporan.lokasi.longitude',
    address: '$.laporan.lokasi.alamat',
    areaCode: '$.laporan.lokasi.kode_kelurahan',
    reporterUserId: '$.pelapor.id',
    reporterName: '$.pelapor.nama',
    reporterPhone: '$.pelapor.telepon',
    anonymous: '$.laporan.anonim',
    confidential: '$.laporan.rahasia',
    photoUrls: '$.laporan.foto[*].url',
  },
  statusMap: {
    menunggu: 'menunggu',
    koordinasi: 'koordinasi',
    disposisi: 'disposisi',
    proses: 'proses',
    menunggu_pelapor: 'proses',
    selesai: 'selesai',
    ditutup: 'selesai',
    ditolak: 'ditolak',
    digabung: 'digabung',
  },
  baseUrlEnv: 'CEPAT_JAKI_API_URL',
  statusUpdate: {
    method: 'POST',
    url: '{baseUrl}/laporan/{externalId}/status',
    body: { '$.status': '{status}', '$.keterangan': '{note}', '$.perangkat_daerah': '{agencyName}', '$.tiket': '{ticketNumber}', '$.waktu': '{updatedAt}' },
    auth: { kind: 'hmac', header: 'x-cepat-signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', secretEnv: 'CEPAT_JAKI_SECRET' },
  },
};

export const PARTNER_PRESETS: Readonly<Record<'lapor' | 'qlue' | 'jaki', PartnerConfigInput>> = Object.freeze({ lapor, qlue, jaki });

/**
 * A preset with deployment overrides: objects are merged key by key (so `fields: { text: '$.uraian' }` changes
 * one field), other values replace. The result is validated like any partner config.
 */
export function withOverrides(preset: PartnerConfigInput, overrides: Record<string, unknown> = {}): PartnerConfig {
  return parsePartnerConfig(merge(structuredClone(preset) as Record<string, unknown>, overrides));
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor') continue;
    const b = base[k];
    base[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
      ? merge(b as Record<string, unknown>, v as Record<string, unknown>)
      : v;
  }
  return base;
}
