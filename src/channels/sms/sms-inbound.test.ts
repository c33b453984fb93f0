import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { parseInboundSms, smsExternalId, toNormalizedComplaint, parseGatewayTime } from './sms-inbound.js';
import { verifySmsRequest, DEFAULT_SMS_AUTH } from './sms-auth.js';
import { parseUdh } from './udh.js';
import { ConcatBuffer } from './concat-buffer.js';
import { parseKeywordMessage } from './keyword-format.js';
import { DomainError } from '../../domain/errors.js';

const SECRET = 'sms-secret';
const now = new Date('2024-06-12T03:20:00Z');

/** Kannel-style get-url/post-url form body (from, to, text, id, time as %p %P %a %I %t). */
const kannelForm =
  'from=%2B6281234567890&to=1708&id=8f7c2a10-0c1e&time=2024-06-12+10%3A15%3A00&text=LAPOR+jalan+rusak+%23+Jl.+Daan+Mogot+km+12+%23+Lubang+besar%2C+sudah+2+motor+jatuh';

describe('parseInboundSms', () => {
  it('reads a form-encoded Kannel-style callback', () => {
    const sms = parseInboundSms(kannelForm, 'application/x-www-form-urlencoded');
    expect(sms).toMatchObject({ from: '6281234567890', fromIsMsisdn: true, to: '1708', messageId: '8f7c2a10-0c1e' });
    expect(sms.sentAt?.toISOString()).toBe('2024-06-12T03:15:00.000Z'); // WIB → UTC
    const c = toNormalizedComplaint(sms, { now, categoryCodes: { 'jalan rusak': 'JALAN_RUSAK' } });
    expect(c).toMatchObject({
      channel: 'sms',
      externalId: '8f7c2a10-0c1e',
      text: 'Lubang besar, sudah 2 motor jatuh',
      categoryCode: 'JALAN_RUSAK',
      location: { address: 'Jl. Daan Mogot km 12' },
      reporter: { contactKind: 'phone', contactValue: '6281234567890' },
      replyContext: { msisdn: '6281234567890', to: '1708', keywordCategory: 'jalan rusak' },
    });
  });

  it('reads a JSON variant with other field names and an epoch timestamp', () => {
    const body = JSON.stringify({ sender: '0857-1122-3344', message: 'Banjir 50 cm di Jl. Kemang Raya', message_id: 'abc-123', timestamp: 1718162100 });
    const sms = parseInboundSms(Buffer.from(body), 'application/json; charset=utf-8');
    expect(sms).toMatchObject({ from: '6285711223344', text: 'Banjir 50 cm di Jl. Kemang Raya', messageId: 'abc-123' });
    expect(sms.sentAt?.getTime()).toBe(1718162100_000);
    expect(toNormalizedComplaint(sms, { now }).text).toBe('Banjir 50 cm di Jl. Kemang Raya');
  });

  it('uses configured field names, including dotted paths', () => {
    const body = JSON.stringify({ data: { origin: '628111222333', isi: 'Halo', ref: 'r1' } });
    const sms = parseInboundSms(body, 'application/json', { fields: { from: ['data.origin'], text: ['data.isi'], id: ['data.ref'] } });
    expect(sms).toMatchObject({ from: '628111222333', text: 'Halo', messageId: 'r1' });
  });

  it('keeps non-Indonesian senders without a phone contact', () => {
    const sms = parseInboundSms('from=INFO&text=promo', 'application/x-www-form-urlencoded');
    expect(sms.fromIsMsisdn).toBe(false);
    expect(toNormalizedComplaint(sms, { now }).reporter).toEqual({ contactKind: 'none' });
  });

  it('rejects bodies without sender or text and unknown content types', () => {
    expect(() => parseInboundSms('text=halo', 'application/x-www-form-urlencoded')).toThrow(DomainError);
    expect(() => parseInboundSms('from=0812345678', 'application/x-www-form-urlencoded')).toThrow(DomainError);
    expect(() => parseInboundSms('{bad json', 'application/json')).toThrow(DomainError);
    expect(() => parseInboundSms('<xml/>', 'application/xml')).toThrow(DomainError);
  });

  it('derives a stable id from sender, time and text when the gateway gives none', () => {
    const a = parseInboundSms('from=081234567890&text=halo&time=1718162100', undefined);
    const b = parseInboundSms('text=halo&time=1718162100&from=%2B6281234567890', undefined);
    expect(smsExternalId(a)).toBe(smsExternalId(b));
    expect(smsExternalId(a)).not.toBe(smsExternalId({ ...a, text: 'halo!' }));
  });

  it('parses gateway times in their zone', () => {
    expect(parseGatewayTime('2024-06-12 10:15:00', '+00:00')?.toISOString()).toBe('2024-06-12T10:15:00.000Z');
    expect(parseGatewayTime('2024-06-12T10:15:00+07:00', '+00:00')?.toISOString()).toBe('2024-06-12T03:15:00.000Z');
    expect(parseGatewayTime('kemarin', '+07:00')).toBeUndefined();
  });
});

describe('verifySmsRequest', () => {
  const raw = Buffer.from(kannelForm);
  it('checks an HMAC of the raw body', () => {
    const sig = createHmac('sha256', SECRET).update(raw).digest('hex');
    expect(verifySmsRequest(DEFAULT_SMS_AUTH, { headers: { 'X-Cepat-Signature': sig }, rawBody: raw }, SECRET)).toEqual({ ok: true });
    expect(verifySmsRequest(DEFAULT_SMS_AUTH, { headers: { 'x-cepat-signature': sig }, rawBody: raw + 'x' }, SECRET).ok).toBe(false);
    expect(verifySmsRequest(DEFAULT_SMS_AUTH, { headers: {}, rawBody: raw }, SECRET)).toEqual({ ok: false, reason: 'signature_missing' });
  });
  it('checks a shared secret header', () => {
    const cfg = { mode: 'shared-secret' as const, header: 'x-sms-secret' };
    expect(verifySmsRequest(cfg, { headers: { 'x-sms-secret': SECRET }, rawBody: raw }, SECRET)).toEqual({ ok: true });
    expect(verifySmsRequest(cfg, { headers: { 'x-sms-secret': 'sms-secreT' }, rawBody: raw }, SECRET)).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifySmsRequest(cfg, { headers: { 'x-sms-secret': SECRET }, rawBody: raw }, undefined)).toEqual({ ok: false, reason: 'secret_missing' });
  });
});

describe('concatenated SMS', () => {
  it('parses 8-bit and 16-bit reference UDHs', () => {
    expect(parseUdh('050003CC0301')).toEqual({ ref: '204', total: 3, part: 1 });
    expect(parseUdh('0608041234020 2'.replace(' ', ''))).toEqual({ ref: '4660', total: 2, part: 2 });
    expect(parseUdh('050003CC0304')).toBeUndefined(); // part 4 of 3
    expect(parseUdh('02')).toBeUndefined();
  });

  const part = (n: number, text: string, from = '6281234567890', id = `gw-${n}`) =>
    parseInboundSms(new URLSearchParams({ from, text, id, udh: `050003A703${n.toString(16).padStart(2, '0')}` }).toString(), undefined);

  it('joins parts in order whatever the arrival order, ignoring duplicates', () => {
    const buf = new ConcatBuffer();
    expect(buf.add(part(3, 'mohon segera.'), now)).toEqual({ status: 'pending', received: 1, total: 3 });
    expect(buf.add(part(1, 'Pohon tumbang di Jl. Sudirman depan '), now).status).toBe('pending');
    expect(buf.add(part(1, 'Pohon tumbang di Jl. Sudirman depan '), now)).toEqual({ status: 'duplicate' });
    const done = buf.add(part(2, 'Plaza Senayan, menutup dua lajur, '), now);
    if (done.status !== 'complete') throw new Error('expected complete');
    expect(done.message.text).toBe('Pohon tumbang di Jl. Sudirman depan Plaza Senayan, menutup dua lajur, mohon segera.');
    expect(done.message.messageId).toBe('gw-1');
    expect((done.message.raw as { parts: unknown[] }).parts).toHaveLength(3);
    expect(buf.size).toBe(0);
    // A late duplicate of a completed message does not start a new one.
    expect(buf.add(part(2, 'Plaza Senayan, menutup dua lajur, '), now)).toEqual({ status: 'duplicate' });
  });

  it('keeps senders apart and releases incomplete messages after the timeout', () => {
    const buf = new ConcatBuffer({ timeoutMs: 60_000 });
    buf.add(part(1, 'Halo ', '6281111111111'), now);
    buf.add(part(1, 'Apa ', '6282222222222'), now);
    buf.add(part(3, 'kabar', '6282222222222'), now);
    expect(buf.expire(new Date(now.getTime() + 59_000))).toEqual([]);
    const released = buf.expire(new Date(now.getTime() + 60_000));
    expect(released.map((m) => m.text).sort()).toEqual(['Apa […] kabar', 'Halo […]']);
    expect(released.every((m) => (m.raw as { incomplete: boolean }).incomplete)).toBe(true);
    expect(buf.size).toBe(0);
  });

  it('passes single SMS through', () => {
    const single = parseInboundSms('from=081234567890&text=halo', undefined);
    expect(new ConcatBuffer().add(single, now)).toEqual({ status: 'complete', message: single });
  });

  it('reads Vonage-style concat fields', () => {
    const sms = parseInboundSms('msisdn=6281234567890&text=abc&messageId=x&concat=true&concat-ref=9&concat-total=2&concat-part=2', undefined);
    expect(sms.concat).toEqual({ ref: '9', total: 2, part: 2 });
  });
});

describe('keyword format', () => {
  it.each([
    ['LAPOR jalan rusak#Jl. Daan Mogot#Lubang besar', { keyword: 'LAPOR', categoryText: 'jalan rusak', location: 'Jl. Daan Mogot', body: 'Lubang besar' }],
    ['  lapor   BANJIR  #  Kemang   Raya #  air 50 cm  ', { keyword: 'LAPOR', categoryText: 'BANJIR', location: 'Kemang Raya', body: 'air 50 cm' }],
    ['Lapor#sampah#Pasar Minggu#numpuk #3 hari', { keyword: 'LAPOR', categoryText: 'sampah', location: 'Pasar Minggu', body: 'numpuk #3 hari' }],
    ['ADUAN pju#lampu mati di gang', { keyword: 'ADUAN', categoryText: 'pju', body: 'lampu mati di gang' }],
    ['lapor lampu jalan mati di Cikini', { keyword: 'LAPOR', body: 'lampu jalan mati di Cikini' }],
  ])('%s', (text, expected) => {
    expect(parseKeywordMessage(text)).toEqual(expected);
  });

  it.each(['Laporan saya belum ditanggapi', 'Selamat pagi, mau lapor', 'LAPOR', 'pelapor#x#y'])('is not the format: %s', (text) => {
    expect(parseKeywordMessage(text)).toBeUndefined();
  });
});
