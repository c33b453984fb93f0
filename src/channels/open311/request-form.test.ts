import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { attributesFor } from './attributes.js';
import { externalIdFor, readIdempotencyKey, readRequestForm, type RequestFormContext } from './request-form.js';

const ctx = (over: Partial<RequestFormContext> = {}): RequestFormContext => ({
  service: { code: 'jalan-rusak', name: 'Jalan rusak / berlubang' },
  attributeDefs: attributesFor('jalan-rusak'),
  apiKeyId: 7,
  receivedAt: new Date('2026-11-23T02:00:00Z'),
  ...over,
});

function problems(params: Record<string, string | string[]>, c = ctx()): string[] {
  try {
    readRequestForm(params, c);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).details.map((d) => d.field ?? '');
  }
  throw new Error('expected a validation error');
}

describe('Open311 POST /requests form', () => {
  it('turns the spec-style parameters into one normalized complaint', () => {
    const c = readRequestForm(
      {
        api_key: 'secret', jurisdiction_id: 'jakarta.go.id', service_code: 'jalan-rusak', lat: '-6.1754', long: '106.8272',
        address_string: 'Jl. Medan Merdeka Barat', email: 'Siti@Example.ID', device_id: 'tt222111', account_id: '123456',
        first_name: 'Siti', last_name: 'Aminah', phone: '0812-3456-7890', description: 'Lubang besar', media_url: 'https://example.org/p.jpg',
        'attribute[report_type]': 'aspirasi', 'attribute[anonymous]': 'true',
      },
      ctx({ idempotencyKey: 'abc-12345' }),
    );
    expect(c).toMatchObject({
      channel: 'open311', externalId: 'idem:7:abc-12345', text: 'Lubang besar', categoryCode: 'jalan-rusak', partnerId: '7', reportType: 'aspirasi',
      location: { lat: -6.1754, lng: 106.8272, address: 'Jl. Medan Merdeka Barat' },
      reporter: { name: 'Siti Aminah', contactKind: 'email', contactValue: 'siti@example.id', anonymous: true, confidential: false },
      attributes: { report_type: 'aspirasi', anonymous: 'true', media_url: 'https://example.org/p.jpg', device_id: 'tt222111' },
    });
    expect(c.reporter.extraContacts).toEqual([{ kind: 'phone', value: '6281234567890' }, { kind: 'partner_user', value: '7:123456' }]);
    expect(c.rawPayload).not.toHaveProperty('api_key');
    expect(c.rawPayload).toHaveProperty('device_id', 'tt222111');
  });

  it('accepts any one form of location and treats empty parameters as absent', () => {
    expect(readRequestForm({ service_code: 'jalan-rusak', address_string: 'Depan pasar', lat: '', long: '' }, ctx()).location).toEqual({ address: 'Depan pasar' });
    expect(readRequestForm({ service_code: 'jalan-rusak', address_id: '31.71.01.1001' }, ctx()).location).toEqual({ areaCode: '31.71.01.1001' });
    expect(readRequestForm({ service_code: 'jalan-rusak', address_id: '31.71.01.1001', description: '' }, ctx()).text).toBe('Jalan rusak / berlubang');
    expect(problems({ service_code: 'jalan-rusak', lat: '', address_string: ' ' })).toEqual(['location']);
  });

  it('lists every problem at once', () => {
    expect(
      problems(
        { lat: '-6.2', long: 'east', description: 'x'.repeat(4001), email: 'not-mail', phone: 'call me', media_url: 'javascript:alert(1)', 'attribute[report_type]': 'wbs' },
        ctx({ service: null }),
      ),
    ).toEqual(['service_code', 'lat/long', 'description', 'media_url', 'attribute[report_type]', 'email', 'phone']);
    expect(problems({ service_code: 'nope', lat: '95', long: '106' }, ctx({ service: null }))).toEqual(['service_code', 'lat/long']);
    expect(problems({ service_code: 'jalan-rusak', lat: '-6.2' })).toEqual(['long']);
    expect(problems({ service_code: 'jalan-rusak', address_id: 'Menteng' })).toEqual(['address_id']);
    expect(problems({ service_code: ['jalan-rusak', 'sampah'], address_string: 'x' })).toEqual(['service_code']);
  });

  it('allows exactly 4000 characters of description', () => {
    expect(readRequestForm({ service_code: 'jalan-rusak', address_string: 'x', description: 'y'.repeat(4000) }, ctx()).text).toHaveLength(4000);
  });

  it('scopes idempotency keys to the API key and makes a fresh id without one', () => {
    expect(externalIdFor(1, 'same-key-1')).not.toBe(externalIdFor(2, 'same-key-1'));
    expect(externalIdFor(1)).not.toBe(externalIdFor(1));
    expect(readIdempotencyKey('order-2026-0001')).toBe('order-2026-0001');
    expect(readIdempotencyKey(undefined)).toBeUndefined();
    expect(() => readIdempotencyKey('short')).toThrow(DomainError);
    expect(() => readIdempotencyKey('has space in it')).toThrow(DomainError);
  });
});
