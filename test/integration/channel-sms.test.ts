import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { partnerPoller } from '../../src/jobs/partner-poller.js';
import { addCaseComment } from '../../src/services/cases/add-comment.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { count, createChannelApp, drainOutbox, startStandIn, type ChannelTestApp, type StandIn } from './channel-stand-in.js';

const SECRET = 'sms-gateway-secret';
const admin = { kind: 'user' as const, userId: 1, role: 'admin' as const };
const hmac = (raw: string, secret = SECRET) => createHmac('sha256', secret).update(raw).digest('hex');

describe(`SMS channel (${TEST_DIALECT})`, () => {
  let gateway: StandIn;
  let app: ChannelTestApp;
  let gwSeq = 0;
  const send = (path: string, raw: string, type: string, signature: string | null = hmac(raw)) =>
    app.app.inject({ method: 'POST', url: path, payload: raw, headers: { 'content-type': type, ...(signature === null ? {} : { 'x-cepat-signature': signature }) } });
  const json = (body: unknown) => send('/webhooks/sms', JSON.stringify(body), 'application/json');
  const form = (fields: Record<string, string>) => send('/webhooks/sms', new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

  beforeAll(async () => {
    gateway = await startStandIn(() => ({ status: 200, body: { status: 'queued', message_id: `gw-${++gwSeq}` } }));
    app = await createChannelApp({
      CEPAT_SMS_SECRET: SECRET,
      CEPAT_SMS_GATEWAY_URL: `${gateway.url}/send`,
      CEPAT_SMS_SENDER_ID: 'JAKARTA',
      CEPAT_SMS_CATEGORY_WORDS: 'jalan=jalan-rusak',
    });
  });
  afterAll(async () => {
    await app.close();
    await gateway.close();
  });

  it('refuses unsigned and wrongly signed messages and stores nothing', async () => {
    const raw = JSON.stringify({ from: '081234567890', text: 'Banjir', id: 'x1' });
    expect((await send('/webhooks/sms', raw, 'application/json', null)).statusCode).toBe(401);
    expect((await send('/webhooks/sms', raw, 'application/json', hmac(raw, 'guess'))).statusCode).toBe(401);
    expect((await send('/webhooks/sms', raw, 'application/json', 'zz-not-hex')).statusCode).toBe(401);
    expect(await count(app, 'inbound_messages')).toBe(0);
  });

  it('takes JSON and form messages once, with Indonesian numbers normalized', async () => {
    const first = await json({ from: '0812-3456-7890', text: 'Lampu jalan di Jl. Pemuda mati', message_id: 'gw-in-1', timestamp: '2026-11-23 08:55:00' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ disposition: 'new_case', ticket: expect.stringMatching(/^JKT-/) });
    expect((await json({ from: '+62 812 3456 7890', text: 'Lampu jalan di Jl. Pemuda mati', message_id: 'gw-in-1' })).json().disposition).toBe('duplicate');
    const kase = await app.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'sms').executeTakeFirstOrThrow();
    expect(kase.received_at).toBe('2026-11-23T01:55:00.000Z'); // a zone-less gateway time is WIB
    const contact = await app.ctx.database.db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', kase.reporter_id!).executeTakeFirstOrThrow();
    expect(contact).toEqual({ kind: 'phone', value: '6281234567890' });

    const viaForm = await form({ sender: '6285711223344', message: 'LAPOR jalan#Jl. Daan Mogot km 12#Lubang besar, sudah 2 motor jatuh', smsid: 'kannel-77' });
    expect(viaForm.json().disposition).toBe('new_case');
    const keyword = await app.ctx.database.db.selectFrom('cases').selectAll().where('ticket', '=', viaForm.json().ticket).executeTakeFirstOrThrow();
    expect(keyword).toMatchObject({ category_code: 'jalan-rusak', address: 'Jl. Daan Mogot km 12', description: 'Lubang besar, sudah 2 motor jatuh' });
  });

  it('answers malformed, oversized and unsupported bodies with a clear 4xx and stores nothing', async () => {
    const before = await count(app, 'inbound_messages');
    const noSender = await json({ text: 'tanpa pengirim', id: 'x2' });
    expect(noSender.statusCode).toBe(400);
    expect(noSender.json().error.details[0].message).toBe('sender missing');
    expect((await send('/webhooks/sms', '{"from":', 'application/json')).statusCode).toBe(400);
    const big = JSON.stringify({ from: '081299990000', text: 'x'.repeat(70 * 1024) });
    expect((await send('/webhooks/sms', big, 'application/json')).statusCode).toBe(413);
    expect((await send('/webhooks/sms', '<sms/>', 'application/xml')).statusCode).toBe(415);
    expect(await count(app, 'inbound_messages')).toBe(before);
  });

  it('joins a multipart SMS from durable parts, in any order, across server instances, each part once', async () => {
    const part = (n: number, text: string) => ({ from: '081311112222', text, id: `mp-${n}`, 'concat-ref': '42', 'concat-total': '3', 'concat-part': String(n) });
    expect((await json(part(2, 'sudah tiga hari sampah tidak diangkut, '))).json()).toMatchObject({ disposition: 'part_pending', received: 1, total: 3 });
    expect((await json(part(2, 'sudah tiga hari sampah tidak diangkut, '))).json()).toMatchObject({ disposition: 'part_pending', received: 1 });
    // A second server process (same database) takes the next part: nothing was only in memory.
    const other = await buildServer(app.ctx);
    try {
      const raw = JSON.stringify(part(1, 'Pak, di RT 05 RW 02 Kelurahan Kenari '));
      const res = await other.inject({ method: 'POST', url: '/webhooks/sms', payload: raw, headers: { 'content-type': 'application/json', 'x-cepat-signature': hmac(raw) } });
      expect(res.json()).toMatchObject({ disposition: 'part_pending', received: 2 });
    } finally {
      await other.close();
    }
    expect(await count(app, 'sms_parts')).toBe(2);
    const done = await json(part(3, 'baunya sampai ke sekolah.'));
    expect(done.json().disposition).toBe('new_case');
    const kase = await app.ctx.database.db.selectFrom('cases').selectAll().where('ticket', '=', done.json().ticket).executeTakeFirstOrThrow();
    expect(kase.description).toBe('Pak, di RT 05 RW 02 Kelurahan Kenari sudah tiga hari sampah tidak diangkut, baunya sampai ke sekolah.');
    // The gateway retries a part after the message was taken: nothing new.
    expect((await json(part(1, 'Pak, di RT 05 RW 02 Kelurahan Kenari '))).json().disposition).toBe('duplicate_part');
    expect(await app.ctx.database.db.selectFrom('cases').select('id').where('description', 'like', '%Kenari%').execute()).toHaveLength(1);
  });

  it('takes concurrent deliveries of one message, and the last parts arriving together, as one case each', async () => {
    const body = { from: '081344445555', text: 'Air PAM mati di Jl. Tebet Barat', id: 'race-1' };
    const both = await Promise.all([json(body), json(body), json(body)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(both.map((r) => r.json().disposition).sort()).toEqual(['duplicate', 'duplicate', 'new_case']);
    const part = (n: number, text: string) => ({ from: '081366667777', text, id: `race-mp-${n}`, 'concat-ref': '9', 'concat-total': '2', 'concat-part': String(n) });
    await Promise.all([json(part(2, 'sejak pagi, mohon dicek.')), json(part(1, 'Pompa air di Rusun Jatinegara mati ')), json(part(2, 'sejak pagi, mohon dicek.'))]);
    const cases = await app.ctx.database.db.selectFrom('cases').select('description').where('description', 'like', 'Pompa air di Rusun%').execute();
    expect(cases).toEqual([{ description: 'Pompa air di Rusun Jatinegara mati sejak pagi, mohon dicek.' }]);
    expect(await app.ctx.database.db.selectFrom('cases').select('id').where('description', 'like', 'Air PAM mati%').execute()).toHaveLength(1);
  });

  it('releases a multipart SMS whose last part never comes, with a gap marker', async () => {
    await json({ from: '081322223333', text: 'Pohon besar tumbang menutup jalan di ', id: 'gap-1', 'concat-ref': '7', 'concat-total': '2', 'concat-part': '1' });
    const jobs = partnerPoller(app.ctx, app.channels);
    await jobs.runOnce();
    expect(await app.ctx.database.db.selectFrom('cases').select('id').where('description', 'like', 'Pohon besar%').execute()).toHaveLength(0);
    app.setNow('2026-11-23T02:11:00Z');
    try {
      await jobs.runOnce();
    } finally {
      app.setNow('2026-11-23T02:00:00Z');
    }
    const kase = await app.ctx.database.db.selectFrom('cases').select('description').where('description', 'like', 'Pohon besar%').executeTakeFirstOrThrow();
    expect(kase.description).toBe('Pohon besar tumbang menutup jalan di […]');
  });

  it('sends acknowledgements through the gateway, signed, with the delivery key as reference', async () => {
    await drainOutbox(app);
    const acks = gateway.calls.filter((c) => c.path === '/send');
    expect(acks.length).toBe(await app.ctx.database.db.selectFrom('cases').select('id').where('channel', '=', 'sms').execute().then((r) => r.length));
    const first = acks.find((c) => (c.json as { to: string }).to === '6281234567890')!;
    expect(first.headers['x-cepat-signature']).toBe(hmac(first.body));
    expect(first.json).toMatchObject({ from: 'JAKARTA', reference: expect.stringMatching(/^ack:/), callback_url: 'http://cepat.test/webhooks/sms/receipts' });
    expect((first.json as { text: string }).text).toMatch(/Kode akses: \w+/);
    const row = await app.ctx.database.db.selectFrom('sms_deliveries' as never).selectAll().where('delivery_key' as never, '=', (first.json as { reference: string }).reference as never).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'submitted', encoding: 'gsm7', segments: expect.any(Number) });
  });

  it('records delivery receipts by reference or gateway id, and an undelivered SMS in the audit trail', async () => {
    const rows = (await app.ctx.database.db.selectFrom('sms_deliveries' as never).selectAll().orderBy('id' as never).execute()) as unknown as { id: number; delivery_key: string; gateway_message_id: string; case_id: number }[];
    const receipt = (fields: Record<string, string>) => send('/webhooks/sms/receipts', new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    expect((await receipt({ reference: rows[0].delivery_key, stat: 'DELIVRD', done_date: '2026-11-23 09:01:00' })).json().receipt).toBe('recorded');
    expect((await receipt({ id: rows[1].gateway_message_id, status: 'UNDELIV' })).json().receipt).toBe('recorded');
    expect((await receipt({ id: 'gw-unknown', status: 'DELIVRD' })).json().receipt).toBe('unknown');
    // A late "accepted" never overwrites a final status.
    expect((await receipt({ reference: rows[0].delivery_key, stat: 'ACCEPTD' })).json().receipt).toBe('unchanged');
    const after = (await app.ctx.database.db.selectFrom('sms_deliveries' as never).selectAll().orderBy('id' as never).execute()) as unknown as { status: string; status_at: string }[];
    expect(after[0]).toMatchObject({ status: 'delivered', status_at: '2026-11-23T02:01:00.000Z' });
    expect(after[1].status).toBe('failed');
    const event = await app.ctx.database.db.selectFrom('events').select(['action', 'after']).where('case_id', '=', rows[1].case_id).where('action', '=', 'message.undelivered').executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!)).toMatchObject({ channel: 'sms', gatewayStatus: 'UNDELIV' });
    expect((await send('/webhooks/sms/receipts', 'id=x&status=DELIVRD', 'application/x-www-form-urlencoded', hmac('other'))).statusCode).toBe(401);
  });

  it('retries a failing and a silent gateway with backoff and sends a UCS-2 reply exactly once', async () => {
    await drainOutbox(app);
    const kase = await app.ctx.database.db.selectFrom('cases').select(['id', 'ticket']).where('channel', '=', 'sms').orderBy('id').executeTakeFirstOrThrow();
    let n = 0;
    const accepted: string[] = [];
    gateway.answer((req) => {
      n++;
      if (n === 1) return { status: 503, body: 'Service Unavailable' };
      if (n === 2) return 'hang';
      accepted.push((req.json as { reference: string }).reference);
      return { status: 200, body: { message_id: `gw-late-${n}` } };
    });
    await addCaseComment(app.ctx, { caseRef: kase.id, actor: admin, body: 'Mohon maaf atas keterlambatannya 🙏 Petugas datang besok pagi.', visibility: 'public' });
    await drainOutbox(app);
    expect(n).toBe(3);
    expect(accepted).toHaveLength(1);
    const outbox = await app.ctx.database.db.selectFrom('outbox').selectAll().where('delivery_key', '=', accepted[0]).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ status: 'sent', attempts: 3 });
    const delivery = (await app.ctx.database.db.selectFrom('sms_deliveries' as never).selectAll().where('delivery_key' as never, '=', accepted[0] as never).executeTakeFirstOrThrow()) as unknown as { encoding: string; segments: number; gateway_message_id: string };
    expect(delivery).toMatchObject({ encoding: 'ucs2', gateway_message_id: 'gw-late-3' });
    expect(delivery.segments).toBeGreaterThan(1);
    expect(delivery.segments).toBeLessThanOrEqual(3);
    await drainOutbox(app);
    expect(n).toBe(3);
  });
});

describe(`SMS channel with a shared secret, and off (${TEST_DIALECT})`, () => {
  let app: ChannelTestApp;
  let off: TestApp;
  beforeAll(async () => {
    app = await createChannelApp({ CEPAT_SMS_SECRET: 'shared-1', CEPAT_SMS_AUTH: 'shared-secret', CEPAT_SMS_AUTH_HEADER: 'x-gateway-token' });
    off = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    await off.close();
  });

  it('accepts the shared secret in its header and nothing else', async () => {
    const body = 'from=081255556666&text=Parkir+liar+di+trotoar&id=ss-1';
    const go = (token?: string) => app.app.inject({ method: 'POST', url: '/webhooks/sms', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { 'x-gateway-token': token } : {}) } });
    expect((await go()).statusCode).toBe(401);
    expect((await go('shared-2')).statusCode).toBe(401);
    expect((await go('shared-1')).json().disposition).toBe('new_case');
    // No gateway configured: the acknowledgement stays with the log sender instead of failing.
    expect(await drainOutbox(app)).toBe(1);
  });

  it('answers 404 channel_disabled when SMS is not configured', async () => {
    const res = await off.app.inject({ method: 'POST', url: '/webhooks/sms', payload: 'from=1&text=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('channel_disabled');
  });
});
