import { describe, it, expect } from 'vitest';
import { eventOf, renderPayload, styleOf, type NotificationPayloadLike } from './render-payload.js';

const base: NotificationPayloadLike = {
  template: 'ack',
  channel: 'sms',
  to: { kind: 'phone', value: '6281234567890' },
  anonymous: false,
  lang: 'id',
  vars: { ticket: 'JKT-2406-000123', trackingUrl: 'https://cepat.jakarta.go.id/l/JKT-2406-000123', status: 'menunggu', accessCode: '7Q4K92XB' },
};
const orgName = 'Pemerintah Provinsi DKI Jakarta';

describe('renderPayload', () => {
  it('renders an SMS acknowledgement from outbox vars', () => {
    const r = renderPayload(base, { orgName });
    expect(r.text).toBe('Laporan Anda diterima. No: JKT-2406-000123. Kode akses: 7Q4K92XB (rahasia). Pantau: https://cepat.jakarta.go.id/l/JKT-2406-000123');
    expect(r.smsSegments).toBe(1);
  });

  it('adds the emergency sentence when flagged, in the right language', () => {
    expect(renderPayload({ ...base, vars: { ...base.vars, emergency: 1 } }, { orgName }).text).toMatch(/hubungi 112\.$/);
    expect(renderPayload({ ...base, lang: 'en', vars: { ...base.vars, emergency: 'true' } }, { orgName }).text).toMatch(/call 112 now\.$/);
    expect(renderPayload({ ...base, vars: { ...base.vars, emergency: 0 } }, { orgName }).text).not.toContain('112');
  });

  it('maps status notifications to their template and e-mail style', () => {
    const r = renderPayload(
      { ...base, template: 'status', to: { kind: 'email', value: 'budi@contoh.co.id' }, vars: { ...base.vars, status: 'ditolak', reason: 'Bukan kewenangan Pemprov DKI.', reporterName: 'Budi' } },
      { orgName },
    );
    expect(r.subject).toBe('Laporan Anda tidak dapat ditindaklanjuti');
    expect(r.text).toContain('Yth. Budi,');
    expect(r.text).toContain('Alasan: Bukan kewenangan Pemprov DKI.');
    expect(() => eventOf({ ...base, template: 'status', vars: { status: 'hilang' } })).toThrow(/unknown status/);
  });

  it('never names an anonymous reporter and never answers them publicly', () => {
    const anon = { ...base, template: 'status' as const, anonymous: true, to: { kind: 'twitter_user_id', value: '1' }, vars: { ...base.vars, status: 'proses', reporterName: 'Budi' } };
    expect(styleOf(anon)).toBe('chat');
    expect(renderPayload({ ...anon, to: { kind: 'email', value: 'x@y.id' } }, { orgName }).text).toContain('Yth. Bapak/Ibu,');
    expect(styleOf({ ...anon, anonymous: false })).toBe('public_post');
    expect(styleOf({ ...anon, anonymous: false, template: 'ack' })).toBe('chat');
    expect(styleOf({ ...anon, anonymous: false, vars: { replyMode: 'dm' } })).toBe('chat');
  });

  it('renders officer comments and merged-case resolutions', () => {
    const c = renderPayload({ ...base, template: 'comment', to: { kind: 'facebook_psid', value: 'p' }, vars: { ...base.vars, note: 'Mohon kirim foto lokasi.' } }, { orgName });
    expect(c.text).toContain('Tanggapan petugas atas laporan JKT-2406-000123:\n\nMohon kirim foto lokasi.');
    const m = renderPayload({ ...base, template: 'merged_resolved', vars: { ...base.vars, ticket: 'JKT-2406-000099' } }, { orgName });
    expect(m.text).toContain('Laporan JKT-2406-000099, yang digabung dengan laporan Anda, selesai');
  });
});
