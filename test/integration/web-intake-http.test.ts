import exifr from 'exifr';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, multipart } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

describe(`web intake over HTTP (${TEST_DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const count = async (table: 'cases' | 'inbound_messages' | 'attachments') => {
    const db = t.ctx.database.db;
    return Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  };

  it('201 for a new complaint, 200 with the same case and code for a resend with the same Idempotency-Key', async () => {
    const body = { text: 'Sampah menumpuk di TPS dekat pasar, bau sekali', category: 'sampah', location: { area_code: '31.72.01.1001' }, reporter: { phone: '0812-3456-7890' } };
    const first = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: { 'idempotency-key': 'post-pendopo-0001' }, payload: body });
    expect(first.statusCode).toBe(201);
    const r1 = first.json();
    expect(r1.ticket).toMatch(/^JKT-/);
    expect(r1.agency).toBe('sudin-lh-31.72');
    const again = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: { 'idempotency-key': 'post-pendopo-0001' }, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, ticket: r1.ticket, access_code: r1.access_code });
    const contact = await t.ctx.database.db.selectFrom('reporter_contacts').select(['kind', 'value']).where('value', '=', '6281234567890').execute();
    expect(contact).toEqual([{ kind: 'phone', value: '6281234567890' }]);
  });

  it('multipart with a photo: EXIF GPS used as a hint, stripped from the public copy', async () => {
    const photo = await jpeg({ gps: { lat: -6.1754, lng: 106.8272 } });
    expect((await exifr.gps(photo))?.latitude).toBeCloseTo(-6.1754, 3);
    const mp = multipart({ text: 'Lampu jalan mati sepanjang jalan', category: 'pju-mati', area_code: '31.71.01.1001' }, [{ field: 'photos', filename: 'foto.jpg', type: 'image/jpeg', data: photo }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', ...mp });
    expect(res.statusCode).toBe(201);
    const kase = await t.ctx.database.db.selectFrom('cases').selectAll().where('ticket', '=', res.json().ticket).executeTakeFirstOrThrow();
    expect(kase.lat).toBeCloseTo(-6.1754, 3);
    const att = await t.ctx.database.db.selectFrom('attachments').selectAll().where('case_id', '=', kase.id).executeTakeFirstOrThrow();
    expect(att.content_type).toBe('image/jpeg');
    expect(att.exif_lat).toBeCloseTo(-6.1754, 3);
    const original = await t.ctx.files.get(att.sha256);
    expect(original.equals(photo)).toBe(true);
    const publicCopy = await t.ctx.files.get(att.public_sha256!);
    expect(await exifr.gps(publicCopy).catch(() => undefined)).toBeUndefined();
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const before = [await count('cases'), await count('inbound_messages'), await count('attachments')];
    const cases: [string, InjectOptions, number, string][] = [
      ['schema', { method: 'POST', url: '/api/complaints', payload: { text: '' } }, 400, 'validation_failed'],
      ['unknown field', { method: 'POST', url: '/api/complaints', payload: { text: 'x', evil: 1 } }, 400, 'validation_failed'],
      ['bad json', { method: 'POST', url: '/api/complaints', headers: { 'content-type': 'application/json' }, payload: '{"text": ' }, 400, 'validation_failed'],
      ['invalid utf-8', { method: 'POST', url: '/api/complaints', headers: { 'content-type': 'application/json' }, payload: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, 400, 'validation_failed'],
      ['content type', { method: 'POST', url: '/api/complaints', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415, 'unsupported_media_type'],
      ['oversize', { method: 'POST', url: '/api/complaints', payload: { text: 'x'.repeat(2 * 1024 * 1024) } }, 413, 'payload_too_large'],
      ['unknown category', { method: 'POST', url: '/api/complaints', payload: { text: 'x', category: 'tidak-ada' } }, 400, 'unknown_category'],
      ['coordinates', { method: 'POST', url: '/api/complaints', payload: { text: 'x', location: { lat: -91, lng: 106 } } }, 400, 'validation_failed'],
      ['bad phone', { method: 'POST', url: '/api/complaints', payload: { text: 'x', reporter: { phone: '12' } } }, 400, 'validation_failed'],
    ];
    for (const [name, req, status, code] of cases) {
      const res = await t.app.inject(req);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.code, name).toBe(code);
      expect(res.json().error.message_en, name).toBeTruthy();
    }
    const fake = multipart({ text: 'foto palsu' }, [{ field: 'photos', filename: 'x.jpg', type: 'image/jpeg', data: Buffer.from('MZ this is an exe, not a jpeg') }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', ...fake });
    expect(res.statusCode).toBe(415);
    expect([await count('cases'), await count('inbound_messages'), await count('attachments')]).toEqual(before);
  });

  it('answers a garbage or truncated multipart body with 400 validation_failed (size limits stay 413) and writes nothing', async () => {
    const before = [await count('cases'), await count('inbound_messages'), await count('attachments')];
    const part = (name: string, extra = '') => `--xx\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n`;
    const malformed: [string, string, string | Buffer][] = [
      ['garbage', 'multipart/form-data; boundary=xx', 'garbage'],
      ['truncated field', 'multipart/form-data; boundary=xx', `${part('text')}\r\nJalan berlubang, belum ada penutup`],
      ['truncated file', 'multipart/form-data; boundary=xx', `${part('text')}\r\nJalan berlubang\r\n${part('photos', '; filename="a.jpg"')}Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff`],
      ['no boundary', 'multipart/form-data', `${part('text')}\r\nx\r\n--xx--\r\n`],
      ['empty boundary', 'multipart/form-data; boundary=', 'x'],
      ['over-long boundary', `multipart/form-data; boundary=${'b'.repeat(300)}`, 'x'],
      ['prototype field', 'multipart/form-data; boundary=xx', `${part('__proto__')}\r\nx\r\n--xx--\r\n`],
    ];
    for (const [name, contentType, payload] of malformed) {
      const res = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: { 'content-type': contentType }, payload });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().error.code, name).toBe('validation_failed');
      expect(res.json().error.message, name).toMatch(/^Data tidak valid/);
      expect(res.json().error.message_en, name).toMatch(/^Invalid input/);
    }
    const big = multipart({ text: 'foto besar' }, [{ field: 'photos', filename: 'besar.jpg', type: 'image/jpeg', data: Buffer.concat([await jpeg(), Buffer.alloc(12 * 1024 * 1024)]) }]);
    const tooBig = await t.app.inject({ method: 'POST', url: '/api/complaints', ...big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    expect([await count('cases'), await count('inbound_messages'), await count('attachments')]).toEqual(before);
  });

  it('serves /healthz, the OpenAPI document and the docs page', async () => {
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/complaints', '/api/cases', '/api/cases/{ref}/actions/{action}', '/api/track/{ticket}']));
    expect((await t.app.inject('/api/docs/')).statusCode).toBe(200);
  });
});
