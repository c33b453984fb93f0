import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveChannelMessage } from '../../src/services/channels/receive-channel-message.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { jpeg } from '../support/images.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { count, createChannelApp, drainOutbox, startStandIn, type ChannelTestApp, type StandIn } from './channel-stand-in.js';

const SECRET = 'tw-consumer-secret';
const CITY = '117491232';
const admin = { kind: 'user' as const, userId: 1, role: 'admin' as const };
const sign = (raw: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('base64')}`;

let seq = 0;
const nextId = () => String(1800733110000000100n + BigInt(++seq));
function mention(userId: string, text: string, extra: Record<string, unknown> = {}) {
  const id = nextId();
  return {
    id,
    body: {
      for_user_id: CITY,
      tweet_create_events: [
        {
          id_str: id,
          text: `@DKIJakarta ${text}`,
          timestamp_ms: String(Date.now()),
          user: { id_str: userId, screen_name: `warga${userId}`, name: 'Warga' },
          entities: { user_mentions: [{ id_str: CITY, screen_name: 'DKIJakarta' }] },
          ...extra,
        },
      ],
    },
  };
}
function dm(userId: string, text: string) {
  const id = nextId();
  return {
    id,
    body: {
      for_user_id: CITY,
      direct_message_events: [{ type: 'message_create', id, created_timestamp: String(Date.now()), message_create: { target: { recipient_id: CITY }, sender_id: userId, message_data: { text } } }],
      users: { [userId]: { id: userId, name: 'Sari W.', screen_name: 'sariwid' } },
    },
  };
}

describe(`X/Twitter channel (${TEST_DIALECT})`, () => {
  let api: StandIn;
  let media: StandIn;
  let app: ChannelTestApp;
  const refuseDmTo = new Set(['5005', '6006']);
  let posted = 0;
  const post = (body: unknown, signature?: string) => {
    const raw = JSON.stringify(body);
    return app.app.inject({ method: 'POST', url: '/webhooks/twitter', payload: raw, headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signature ?? sign(raw) } });
  };
  const posts = () => api.calls.filter((c) => c.path === '/2/tweets');
  const dms = () => api.calls.filter((c) => c.path.startsWith('/2/dm_conversations/with/'));

  beforeAll(async () => {
    const photo = await jpeg({ gps: { lat: -6.155, lng: 106.753 } });
    media = await startStandIn(() => ({ status: 200, body: photo, headers: { 'content-type': 'image/jpeg' } }));
    api = await startStandIn((req) => {
      if (req.path === '/2/tweets') return { status: 201, body: { data: { id: String(1900000000000000000n + BigInt(++posted)), text: 'x' } } };
      const m = req.path.match(/^\/2\/dm_conversations\/with\/(\d+)\/messages$/);
      if (m && refuseDmTo.has(m[1])) return { status: 403, body: { detail: 'You are not allowed to send messages to this user.', type: 'about:blank' } };
      if (m) return { status: 201, body: { data: { dm_conversation_id: `${CITY}-${m[1]}`, dm_event_id: nextId() } } };
      return { status: 404, body: {} };
    });
    app = await createChannelApp({
      CEPAT_TWITTER_CONSUMER_SECRET: SECRET,
      CEPAT_TWITTER_ACCOUNT_ID: CITY,
      CEPAT_TWITTER_BEARER_TOKEN: 'user-context-token',
      CEPAT_TWITTER_API_URL: api.url,
      CEPAT_TWITTER_MEDIA_HOSTS: '127.0.0.1',
      CEPAT_TWITTER_RATE_PER_SECOND: '50',
      CEPAT_CONVERSATION_WINDOW_MINUTES: '0',
    });
  });
  afterAll(async () => {
    await app.close();
    await api.close();
    await media.close();
  });

  it('answers the CRC check with the HMAC of the token', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/webhooks/twitter?crc_token=challenge-123' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ response_token: `sha256=${createHmac('sha256', SECRET).update('challenge-123').digest('base64')}` });
    expect((await app.app.inject({ method: 'GET', url: '/webhooks/twitter' })).statusCode).toBe(400);
  });

  it('refuses wrong signatures and stores nothing', async () => {
    const { body } = mention('1001', 'Jalan rusak');
    expect((await post(body, sign(JSON.stringify(body), 'wrong'))).statusCode).toBe(401);
    expect((await post(body, 'sha256=')).statusCode).toBe(401);
    expect(await count(app, 'inbound_messages')).toBe(0);
  });

  it('takes a mention with its photo and point once, and a DM', async () => {
    const m = mention('1001', 'Jalan berlubang di Jl. Daan Mogot km 12 https://t.co/abc', {
      coordinates: { type: 'Point', coordinates: [106.7532, -6.1551] },
      extended_entities: { media: [{ type: 'photo', media_url_https: `${media.url}/media/GP12.jpg`, url: 'https://t.co/abc' }] },
    });
    const first = await post(m.body);
    expect(first.json().messages).toEqual([{ id: `tweet:${m.id}`, disposition: 'new_case' }]);
    expect((await post(m.body)).json().messages[0].disposition).toBe('duplicate');
    const kase = await app.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'twitter').executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ lat: -6.1551, lng: 106.7532 });
    expect(kase.description).toBe('Jalan berlubang di Jl. Daan Mogot km 12');
    expect(await app.ctx.database.db.selectFrom('attachments').select('content_type').where('case_id', '=', kase.id).execute()).toEqual([{ content_type: 'image/jpeg' }]);

    const d = dm('2002', 'PJU di Jl. Cikini Raya mati total sejak Senin');
    expect((await post(d.body)).json().messages).toEqual([{ id: `dm:${d.id}`, disposition: 'new_case' }]);
    // Likes, follows and our own posts are acknowledged and skipped.
    expect((await post({ for_user_id: CITY, favorite_events: [{ id: '1' }] })).json()).toMatchObject({ messages: [], ignored: [] });
    expect(await count(app, 'cases')).toBe(2);
  });

  it('sends the acknowledgement (with the access code) by DM, and status updates as a reply under the post', async () => {
    await drainOutbox(app);
    expect(posts()).toHaveLength(0);
    expect(dms().map((c) => c.path).sort()).toEqual(['/2/dm_conversations/with/1001/messages', '/2/dm_conversations/with/2002/messages']);
    expect(dms()[0].headers.authorization).toBe('Bearer user-context-token');
    expect((dms()[0].json as { text: string }).text).toMatch(/Kode akses/);

    const viaTweet = await app.ctx.database.db.selectFrom('cases').select(['id', 'ticket']).where('channel', '=', 'twitter').orderBy('id').executeTakeFirstOrThrow();
    await transitionCase(app.ctx, { caseRef: viaTweet.id, action: 'request_info', input: { publicNote: 'Mohon kirim patokan lokasi yang lebih jelas.' }, actor: admin });
    await drainOutbox(app);
    expect(posts()).toHaveLength(1);
    const reply = posts()[0].json as { text: string; reply: { in_reply_to_tweet_id: string } };
    const tweetId = (await app.ctx.database.db.selectFrom('inbound_messages').select('external_id').where('case_id', '=', viaTweet.id).executeTakeFirstOrThrow()).external_id.replace('tweet:', '');
    expect(reply.reply.in_reply_to_tweet_id).toBe(tweetId);
    expect(reply.text).toContain(viaTweet.ticket);
    expect(reply.text).not.toMatch(/kode akses/i);

    // The citizen wrote by DM: their update goes by DM too.
    const viaDm = await app.ctx.database.db.selectFrom('cases').select('id').where('channel', '=', 'twitter').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const before = dms().length;
    await transitionCase(app.ctx, { caseRef: viaDm.id, action: 'request_info', input: { publicNote: 'Tiang nomor berapa?' }, actor: admin });
    await drainOutbox(app);
    expect(posts()).toHaveLength(1);
    expect(dms()).toHaveLength(before + 1);
  });

  it('never answers an anonymous reporter in public, even when X refuses the DM', async () => {
    const tweetId = nextId();
    const r = await receiveChannelMessage(app.ctx, {
      complaint: {
        channel: 'twitter',
        externalId: `tweet:${tweetId}`,
        receivedAt: new Date(),
        rawPayload: {},
        text: 'Ada pungli di loket kelurahan',
        reporter: { contactKind: 'twitter_user_id', contactValue: '5005', anonymous: true },
      },
      thread: { contact: '5005', mode: 'tweet', ref: tweetId },
    });
    await transitionCase(app.ctx, { caseRef: r.case.id, action: 'request_info', input: { publicNote: 'Loket yang mana?' }, actor: admin });
    const postsBefore = posts().length;
    await drainOutbox(app);
    expect(posts().length).toBe(postsBefore);
    const rows = await app.ctx.database.db.selectFrom('outbox').select(['status', 'last_error']).where('case_id', '=', r.case.id).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: 'dead', last_error: expect.stringContaining('403') });
  });

  it('falls back to a public acknowledgement without the access code when a named reporter refuses DMs', async () => {
    const m = mention('6006', 'Banjir setinggi lutut di Kampung Melayu');
    await post(m.body);
    await drainOutbox(app);
    const reply = posts().at(-1)!.json as { text: string; reply: { in_reply_to_tweet_id: string } };
    expect(reply.reply.in_reply_to_tweet_id).toBe(m.id);
    expect(reply.text).not.toMatch(/kode akses/i);
    const ticket = (await app.ctx.database.db.selectFrom('cases').select('ticket').orderBy('id', 'desc').executeTakeFirstOrThrow()).ticket;
    expect(reply.text).toContain(ticket);
    expect(await app.ctx.database.db.selectFrom('outbox').select('status').where('status', '!=', 'sent').where('kind', '=', 'twitter').execute()).toHaveLength(2); // the anonymous reporter's two
  });

  it('waits out a 429 and then posts once', async () => {
    const viaTweet = await app.ctx.database.db.selectFrom('cases').select('id').where('channel', '=', 'twitter').orderBy('id').executeTakeFirstOrThrow();
    const calls = posts().length;
    let limited = 0;
    api.answer((req) => {
      if (req.path === '/2/tweets' && limited++ === 0) return { status: 429, body: { title: 'Too Many Requests' }, headers: { 'retry-after': '1' } };
      return { status: 201, body: { data: { id: String(1900000000000000000n + BigInt(++posted)), text: 'x' } } };
    });
    await transitionCase(app.ctx, { caseRef: viaTweet.id, action: 'citizen_reply', input: {}, actor: { kind: 'citizen', reporterId: 0 } });
    expect(await app.worker.runOnce()).toBe(0);
    const row = await app.ctx.database.db.selectFrom('outbox').selectAll().where('case_id', '=', viaTweet.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(row.last_error).toContain('rate limited');
    await new Promise((r) => setTimeout(r, 1100));
    await drainOutbox(app);
    expect(posts().length).toBe(calls + 2); // the 429 and the one that went through
    expect(await app.ctx.database.db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual({ status: 'sent' });
  });
});
