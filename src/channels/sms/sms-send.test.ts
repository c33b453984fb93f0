import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { buildGatewaySendRequest, parseDeliveryReceipt } from './sms-send.js';
import { decodeGatewayBody } from './sms-inbound.js';
import { DEFAULT_SMS_AUTH } from './sms-auth.js';
import { DomainError } from '../../domain/errors.js';

const SECRET = 'sms-secret';
const ack = 'Laporan Anda diterima: JKT-2406-000123. Kode akses 7Q4K92XB. Pantau: https://cepat.jakarta.go.id/l/JKT-2406-000123';

describe('buildGatewaySendRequest', () => {
  it('builds a signed JSON request with the normalized number', () => {
    const { request, segments } = buildGatewaySendRequest(
      { url: 'http://127.0.0.1:9/send', format: 'json', senderId: 'JAKARTA', auth: DEFAULT_SMS_AUTH },
      { to: '0812-3456-7890', text: ack, reference: 'outbox-42', callbackUrl: 'https://cepat.example/webhooks/sms/dlr' },
      SECRET,
    );
    expect(JSON.parse(request.body)).toEqual({
      to: '6281234567890',
      text: ack,
      reference: 'outbox-42',
      from: 'JAKARTA',
      callback_url: 'https://cepat.example/webhooks/sms/dlr',
    });
    expect(request.headers['x-cepat-signature']).toBe(createHmac('sha256', SECRET).update(request.body).digest('hex'));
    expect(segments).toMatchObject({ encoding: 'gsm7', segments: [ack] });
  });

  it('builds a form request with configured field names and keeps GSM-7 by replacing typographic quotes', () => {
    const { request, segments } = buildGatewaySendRequest(
      { url: 'http://127.0.0.1:9/send', format: 'form', fields: { to: 'msisdn', text: 'message' }, headers: { 'x-api-key': 'k' } },
      { to: '+6285711223344', text: 'Status laporan: “Selesai” – terima kasih', reference: 'r' },
    );
    const form = new URLSearchParams(request.body);
    expect(form.get('msisdn')).toBe('6285711223344');
    expect(form.get('message')).toBe('Status laporan: "Selesai" - terima kasih');
    expect(request.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': 'k' });
    expect(segments.encoding).toBe('gsm7');
  });

  it('refuses bad numbers, empty texts and texts over the segment cap', () => {
    const cfg = { url: 'http://x', format: 'json' as const, maxSegments: 2 };
    expect(() => buildGatewaySendRequest(cfg, { to: '021-3822255', text: 'x', reference: 'r' })).toThrow(DomainError);
    expect(() => buildGatewaySendRequest(cfg, { to: '081234567890', text: '', reference: 'r' })).toThrow(RangeError);
    expect(() => buildGatewaySendRequest(cfg, { to: '081234567890', text: 'a'.repeat(307), reference: 'r' })).toThrow(RangeError);
    expect(buildGatewaySendRequest(cfg, { to: '081234567890', text: 'a'.repeat(306), reference: 'r' }).segments.segments).toHaveLength(2);
  });
});

describe('parseDeliveryReceipt', () => {
  it('reads SMPP-style words', () => {
    const r = parseDeliveryReceipt(decodeGatewayBody('id=gw-1&stat=DELIVRD&done_date=2024-06-12+10%3A16%3A02', 'application/x-www-form-urlencoded'));
    expect(r).toMatchObject({ messageId: 'gw-1', status: 'delivered', gatewayStatus: 'DELIVRD' });
    expect(r.at?.toISOString()).toBe('2024-06-12T03:16:02.000Z');
    expect(parseDeliveryReceipt({ id: 'gw-2', stat: 'UNDELIV' }).status).toBe('failed');
    expect(parseDeliveryReceipt({ id: 'gw-2', stat: 'EXPIRED' }).status).toBe('failed');
  });
  it('reads Kannel numeric types and Vonage-style JSON', () => {
    expect(parseDeliveryReceipt({ id: 'k', type: '1' }).status).toBe('delivered');
    expect(parseDeliveryReceipt({ id: 'k', type: '16' }).status).toBe('failed');
    expect(parseDeliveryReceipt({ id: 'k', type: '8' }).status).toBe('pending');
    const v = parseDeliveryReceipt(
      decodeGatewayBody(JSON.stringify({ messageId: '0A00000123ABCDEF', status: 'delivered', 'client-ref': 'outbox-42', 'message-timestamp': '2024-06-12 03:16:02' }), 'application/json'),
      '+00:00',
    );
    expect(v).toMatchObject({ messageId: '0A00000123ABCDEF', reference: 'outbox-42', status: 'delivered' });
    expect(v.at?.toISOString()).toBe('2024-06-12T03:16:02.000Z');
  });
});
