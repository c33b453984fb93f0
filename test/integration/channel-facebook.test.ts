import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseComment } from '../../src/services/cases/add-comment.js';
import { jpeg } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { count, createChannelApp, drainOutbox, startStandIn, type ChannelTestApp, type StandIn } from './channel-stand-in.js';

const APP_SECRET = 'fb-app-secret-test';
const PAGE = '104857362211874';
const admin = { kind: 'user' as const, userId: 1, role: 'admin' as const };

let seq = 0;
function messageBody(psid: string, message: Record<string, unknown>, at = Date.now()) {
  return { object: 'page', entry: [{ id: PAGE, time: at, messaging: [{ sender: { id: psid }, recipient: { id: PAGE }, timestamp: at, message: { mid: `m_test_${++seq}`, ...message } }] }] };
}
const sign = (raw: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

describe(`Facebook channel (${TEST_DIALECT})`, () => {
  let graph: StandIn;
  let media: StandIn;
  let app: ChannelTestApp;
  let photo: Buffer;
  const post = (body: unknown, headers: Record<string, string> = {}) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return app.app.inject({ method: 'POST', url: '/webhooks/facebook', payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw), ...headers } });
  };

  beforeAll(async () => {
    photo = await jpeg();
    let sent = 0;
    graph = await startStandIn(() => ({ status: 200, body: { recipient_id: 'x', message_id: `m_sent_${++sent}` } }));
    media = await startStandIn((req) => (req.path === '/img/ok.jpg' ? { status: 200, body: photo, headers: { 'content-type': 'image/jpeg' } } : { status: 404, body: 'gone' }));
    app = await createChannelApp({
      CEPAT_FACEBOOK_APP_SECRET: APP_SECRET,
      CEPAT_FACEBOOK_VERIFY_TOKEN: 'verify-me',
      CEPAT_FACEBOOK_PAGE_TOKEN: 'page-token-1',
      CEPAT_FACEBOOK_GRAPH_URL: `${graph.url}/v21.0`,
      CEPAT_FACEBOOK_MEDIA_HOSTS: '127.0.0.1',
      CEPAT_MAX_BODY_BYTES: String(64 * 1024),
      CEPAT_CONVERSATION_WINDOW_MINUTES: '0',
    });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await media.close();
  });

  it('answers the subscription handshake only with the verify token', async () => {
    const ok = await app.app.inject({ method: 'GET', url: '/webhooks/facebook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await app.app.inject({ method: 'GET', url: '/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1' });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses missing and wrong signatures and stores nothing', async () => {
    const raw = JSON.stringify(messageBody('111', { text: 'Lampu jalan mati' }));
    const missing = await app.app.inject({ method: 'POST', url: '/webhooks/facebook', payload: raw, headers: { 'content-type': 'application/json' } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('invalid_signature');
    const wrong = await post(raw, { 'x-hub-signature-256': sign(raw, 'not-the-secret') });
    expect(wrong.statusCode).toBe(401);
    // Signed, then changed on the way: the signature covers the exact bytes.
    const tampered = await app.app.inject({ method: 'POST', url: '/webhooks/facebook', payload: raw.replace('mati', 'hidup'), headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) } });
    expect(tampered.statusCode).toBe(401);
    expect(await count(app, 'inbound_messages')).toBe(0);
    expect(await count(app, 'cases')).toBe(0);
  });

  it('makes one case of a message, however often Facebook delivers it', async () => {
    const body = messageBody('6543210987654321', { text: 'Selamat siang, lampu PJU di Jl. Kramat Raya depan RS Sint Carolus mati sudah 3 hari 🙏' });
    const first = await post(body);
    expect(first.statusCode).toBe(200);
    expect(first.json().messages).toEqual([{ id: body.entry[0].messaging[0].message.mid, disposition: 'new_case' }]);
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().messages[0].disposition).toBe('duplicate');
    const cases = await app.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'facebook').execute();
    expect(cases).toHaveLength(1);
    expect(cases[0].description).toContain('Kramat Raya');
    const contact = await app.ctx.database.db.selectFrom('reporter_contacts').select(['kind', 'value']).where('reporter_id', '=', cases[0].reporter_id!).executeTakeFirstOrThrow();
    expect(contact).toEqual({ kind: 'facebook_psid', value: '6543210987654321' });
  });

  it('downloads photos from allowed hosts and takes the message even when a photo cannot be fetched', async () => {
    const good = await post(messageBody('2001', { text: 'Sampah menumpuk', attachments: [{ type: 'image', payload: { url: `${media.url}/img/ok.jpg` } }] }));
    const goodCase = await app.ctx.database.db.selectFrom('cases').select('id').where('description', '=', 'Sampah menumpuk').executeTakeFirstOrThrow();
    expect(good.statusCode).toBe(200);
    const attachments = await app.ctx.database.db.selectFrom('attachments').selectAll().where('case_id', '=', goodCase.id).execute();
    expect(attachments).toMatchObject([{ content_type: 'image/jpeg', size: photo.length }]);

    const port = new URL(media.url).port;
    const bad = await post(
      messageBody('2002', {
        attachments: [
          { type: 'image', payload: { url: `http://localhost:${port}/img/ok.jpg` } }, // host not on the list
          { type: 'image', payload: { url: `${media.url}/img/expired.jpg` } }, // 404
        ],
      }),
    );
    expect(bad.statusCode).toBe(200);
    expect(bad.json().messages[0].disposition).toBe('new_case');
    const badCase = await app.ctx.database.db.selectFrom('cases').selectAll().where('description', '=', '[Foto tanpa keterangan]').executeTakeFirstOrThrow();
    expect(await app.ctx.database.db.selectFrom('attachments').select('id').where('case_id', '=', badCase.id).execute()).toEqual([]);
    expect(media.calls.filter((c) => c.path === '/img/ok.jpg')).toHaveLength(1); // the disallowed host was never called
  });

  it('answers malformed and oversized bodies with a clear 4xx and stores nothing', async () => {
    const before = await count(app, 'inbound_messages');
    const casesBefore = await count(app, 'cases');
    const notFacebook = await post({ hello: 'world' });
    expect(notFacebook.statusCode).toBe(400);
    expect(notFacebook.json().error.code).toBe('validation_failed');
    const notJson = await post('{"object":"page",');
    expect(notJson.statusCode).toBe(400);
    const huge = await post(messageBody('3001', { text: 'x'.repeat(70 * 1024) }));
    expect(huge.statusCode).toBe(413);
    // Other page objects and non-message events are acknowledged and skipped.
    const instagram = await post({ object: 'instagram', entry: [] });
    expect(instagram.statusCode).toBe(200);
    // Signed by Facebook but refused by our intake (over 20,000 characters): 200, so Facebook stops retrying.
    const refused = await post(messageBody('3002', { text: 'panjang '.repeat(2600) }));
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ messages: [], ignored: [{ reason: 'validation_failed' }] });
    expect(await count(app, 'inbound_messages')).toBe(before);
    expect(await count(app, 'cases')).toBe(casesBefore);
  });

  it('replies through the Send API with the page token, inside the 24-hour window', async () => {
    graph.calls.length = 0;
    await drainOutbox(app);
    const acks = graph.calls.filter((c) => c.path.startsWith('/v21.0/me/messages'));
    expect(acks.length).toBeGreaterThanOrEqual(3);
    const toCitizen = acks.find((c) => (c.json as { recipient: { id: string } }).recipient.id === '6543210987654321')!;
    expect(toCitizen.headers.authorization).toBe('Bearer page-token-1');
    expect(toCitizen.path).toMatch(/appsecret_proof=[0-9a-f]{64}/);
    expect(toCitizen.json).toMatchObject({ messaging_type: 'RESPONSE', message: { text: expect.stringContaining('Kode akses') } });
    const kase = await app.ctx.database.db.selectFrom('cases').select('ticket').where('channel', '=', 'facebook').orderBy('id').executeTakeFirstOrThrow();
    expect((toCitizen.json as { message: { text: string } }).message.text).toContain(kase.ticket);
    expect(await app.ctx.database.db.selectFrom('outbox').select('status').where('kind', '=', 'facebook').where('status', '!=', 'sent').execute()).toEqual([]);
  });

  it('retries a 500 and a timeout with backoff, sends each part of a long reply exactly once, and threads a reply to it', async () => {
    await drainOutbox(app);
    const kase = await app.ctx.database.db.selectFrom('cases').select(['id', 'ticket']).where('channel', '=', 'facebook').orderBy('id').executeTakeFirstOrThrow();
    let n = 0;
    const accepted: string[] = [];
    // Part 1 goes through; part 2 first fails with 500, then hangs, then goes through.
    graph.answer((req) => {
      n++;
      if (n === 2) return { status: 500, body: { error: { message: 'An unexpected error has occurred', code: 2, is_transient: true } } };
      if (n === 3) return 'hang';
      const text = (req.json as { message: { text: string } }).message.text;
      accepted.push(text);
      return { status: 200, body: { recipient_id: '6543210987654321', message_id: `m_long_${n}` } };
    });
    const long = `${'Petugas Suku Dinas Bina Marga sudah meninjau lokasi dan mencatat kerusakan. '.repeat(40)}`;
    await addCaseComment(app.ctx, { caseRef: kase.id, actor: admin, body: long.trim(), visibility: 'public' });
    await drainOutbox(app);
    const row = await app.ctx.database.db.selectFrom('outbox').selectAll().where('case_id', '=', kase.id).where('delivery_key', 'like', 'comment:%').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(n).toBe(4);
    expect(accepted).toHaveLength(2); // part 1 once, part 2 once, despite three attempts
    expect(accepted.join(' ')).toContain(kase.ticket);

    // The citizen uses "reply" on our message: it joins that case even outside the conversation window.
    graph.answer(() => ({ status: 200, body: { message_id: 'm_other' } }));
    const reply = await post(messageBody('6543210987654321', { text: 'Terima kasih, ditunggu', reply_to: { mid: 'm_long_4' } }, Date.now() + 3 * 3600_000));
    expect(reply.json().messages[0].disposition).toBe('conversation');
    const comment = await app.ctx.database.db.selectFrom('comments').select('case_id').where('body', '=', 'Terima kasih, ditunggu').executeTakeFirstOrThrow();
    expect(comment.case_id).toBe(kase.id);
  });
});

describe(`Facebook channel off and window closed (${TEST_DIALECT})`, () => {
  let off: TestApp;
  let graph: StandIn;
  let strict: ChannelTestApp;
  beforeAll(async () => {
    off = await createTestApp();
    graph = await startStandIn(() => ({ status: 200, body: { message_id: 'm' } }));
    strict = await createChannelApp({
      CEPAT_FACEBOOK_APP_SECRET: APP_SECRET,
      CEPAT_FACEBOOK_VERIFY_TOKEN: 'v',
      CEPAT_FACEBOOK_PAGE_TOKEN: 'p',
      CEPAT_FACEBOOK_GRAPH_URL: graph.url,
      CEPAT_FACEBOOK_OUTSIDE_WINDOW_TAG: 'none',
    });
  });
  afterAll(async () => {
    await off.close();
    await strict.close();
    await graph.close();
  });

  it('answers 404 channel_disabled when Facebook is not configured', async () => {
    const res = await off.app.inject({ method: 'POST', url: '/webhooks/facebook', payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('channel_disabled');
    expect((await off.app.inject({ method: 'GET', url: '/webhooks/facebook?hub.mode=subscribe' })).statusCode).toBe(404);
  });

  it('does not message a person whose last message is older than 24 hours when no tag is allowed', async () => {
    const raw = JSON.stringify(messageBody('4001', { text: 'Pohon tumbang di Jl. Sudirman' }, Date.now() - 3 * 24 * 3600_000));
    const res = await strict.app.inject({ method: 'POST', url: '/webhooks/facebook', payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) } });
    expect(res.statusCode).toBe(200);
    await drainOutbox(strict);
    expect(graph.calls).toHaveLength(0);
    const row = await strict.ctx.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'facebook').executeTakeFirstOrThrow();
    expect(row.status).toBe('dead');
    expect(row.last_error).toContain('window closed');
  });
});
