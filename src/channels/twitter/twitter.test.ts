import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { crcResponse, verifySignature } from './twitter-verify.js';
import { parseEvents, toNormalizedComplaint } from './twitter-events.js';
import { buildDirectMessageRequests, buildReplyPostRequest, parseCreatedTweetId, splitTweet, weightedLength } from './twitter-reply.js';
import { CITIZEN_ID, CITY_ID, dmBody, mentionBody } from './twitter-fixtures.js';

const SECRET = 'consumer-secret-xyz';

describe('CRC and signature', () => {
  it('answers the CRC challenge with base64 HMAC-SHA256', () => {
    const expected = 'sha256=' + createHmac('sha256', SECRET).update('9b4507b3-9d4f-4a8c').digest('base64');
    expect(crcResponse('9b4507b3-9d4f-4a8c', SECRET)).toEqual({ response_token: expected });
    expect(crcResponse('other', SECRET).response_token).not.toBe(expected);
    expect(() => crcResponse('x', '')).toThrow();
  });
  it('verifies x-twitter-webhooks-signature', () => {
    const raw = Buffer.from(JSON.stringify(mentionBody));
    const sig = 'sha256=' + createHmac('sha256', SECRET).update(raw).digest('base64');
    expect(verifySignature(raw, sig, SECRET)).toEqual({ ok: true });
    expect(verifySignature(raw, sig, 'wrong')).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifySignature(raw, undefined, SECRET)).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verifySignature(raw, 'sha256=!!!', SECRET)).toEqual({ ok: false, reason: 'signature_malformed' });
  });
});

describe('parseEvents', () => {
  it('keeps mentions and replies to the city, skips own posts, retweets and unrelated posts', () => {
    const events = parseEvents(mentionBody, CITY_ID);
    expect(events.map((e) => (e.kind === 'mention' ? e.tweetId : e.eventId))).toEqual(['1800733110000000001', '1800733110000000011']);
    const [first, reply] = events;
    if (first.kind !== 'mention' || reply.kind !== 'mention') throw new Error('expected mentions');
    expect(first.text).toBe(
      'Jalan berlubang besar di Jl. Daan Mogot km 12 arah Tangerang, sudah 2 motor jatuh & belum ada perbaikan. Mohon segera ditangani',
    );
    expect(first.mediaUrls).toEqual(['https://pbs.twimg.com/media/GP12abcXsAAx9yZ.jpg']);
    expect(first.point).toEqual({ lat: -6.1551, lng: 106.7532 });
    expect(first.placeName).toBe('Cengkareng, Indonesia');
    expect(first.createdAt?.getTime()).toBe(1718161805123);
    expect(reply.text).toBe('Sampah menumpuk di pinggir Kali Ciliwung, Kampung Melayu <3 hari>');
    expect(reply.createdAt?.toISOString()).toBe('2024-06-12T03:30:00.000Z');

    const c = toNormalizedComplaint(first, { now: new Date() });
    expect(c).toMatchObject({
      channel: 'twitter',
      externalId: 'tweet:1800733110000000001',
      location: { lat: -6.1551, lng: 106.7532, address: 'Cengkareng, Indonesia' },
      reporter: { name: 'Sari W.', contactKind: 'twitter_user_id', contactValue: CITIZEN_ID },
      replyContext: { mode: 'tweet', tweetId: '1800733110000000001', userId: CITIZEN_ID, screenName: 'sariwid' },
    });
  });

  it('keeps DMs to the city and skips our own echoed DMs', () => {
    const events = parseEvents(dmBody, CITY_ID);
    expect(events).toHaveLength(1);
    const dm = events[0];
    if (dm.kind !== 'dm') throw new Error('expected a DM');
    expect(dm.text).toBe('Selamat pagi, PJU di Jl. Cikini Raya mati total sejak Senin.');
    expect(dm.senderScreenName).toBe('sariwid');
    expect(dm.mediaUrls).toHaveLength(1);
    const c = toNormalizedComplaint(dm, { now: new Date() });
    expect(c.externalId).toBe('dm:1800740000000000001');
    expect(c.receivedAt.getTime()).toBe(1718163000000);
    expect(c.replyContext).toMatchObject({ mode: 'dm', userId: CITIZEN_ID });
    expect(c.replyContext?.tweetId).toBeUndefined();
  });

  it('reads a shared location in a DM', () => {
    const body = structuredClone(dmBody);
    (body.direct_message_events[0].message_create.message_data as Record<string, unknown>).attachment = {
      type: 'location',
      location: { type: 'shared_coordinate', shared_coordinate: { coordinates: { type: 'Point', coordinates: [106.84, -6.19] } } },
    };
    const [dm] = parseEvents(body, CITY_ID);
    expect(dm.point).toEqual({ lat: -6.19, lng: 106.84 });
  });

  it('ignores events for another subscribed account and other event kinds', () => {
    expect(parseEvents({ ...mentionBody, for_user_id: '42' }, CITY_ID)).toEqual([]);
    expect(parseEvents({ for_user_id: CITY_ID, favorite_events: [{ id: 'x' }] }, CITY_ID)).toEqual([]);
    expect(() => parseEvents(null, CITY_ID)).toThrow();
  });
});

describe('weightedLength and splitTweet', () => {
  it('counts Latin as 1, CJK and emoji as 2, URLs as 23', () => {
    expect(weightedLength('halo')).toBe(4);
    expect(weightedLength('雅加达')).toBe(6);
    expect(weightedLength('🙏')).toBe(2);
    expect(weightedLength('👨‍👩‍👧')).toBe(2);
    expect(weightedLength('lihat https://cepat.jakarta.go.id/lacak/JKT-2406-000123?kode=ABCDEFGH')).toBe(6 + 23);
    expect(weightedLength('buka jakarta.go.id')).toBe(5 + 23);
  });

  it('keeps short replies whole and numbers the parts of long ones within 280', () => {
    expect(splitTweet('Terima kasih.')).toEqual(['Terima kasih.']);
    const long = 'Laporan Anda JKT-2406-000123 sedang diproses oleh Suku Dinas Bina Marga Jakarta Barat. '.repeat(8);
    const parts = splitTweet(long);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(weightedLength(p)).toBeLessThanOrEqual(280);
      expect(p.endsWith(`(${i + 1}/${parts.length})`)).toBe(true);
    });
    const stripped = parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, '')).join(' ');
    expect(stripped.replace(/\s+/g, ' ')).toBe(long.trim().replace(/\s+/g, ' '));
  });

  it('splits texts of emoji and CJK by weight, not by length', () => {
    const parts = splitTweet('🙏'.repeat(200), { numbered: false });
    expect(parts.map(weightedLength)).toEqual([280, 120]);
    expect(parts.join('')).toBe('🙏'.repeat(200));
  });
});

describe('reply builders', () => {
  const auth = { apiUrl: 'http://127.0.0.1:9999/', bearerToken: 'USER_TOKEN' };
  it('builds a reply post', () => {
    const req = buildReplyPostRequest(auth, { inReplyToTweetId: '1800733110000000001', text: 'Terima kasih, laporan Anda: JKT-2406-000123' });
    expect(req).toMatchObject({ url: 'http://127.0.0.1:9999/2/tweets', method: 'POST', headers: { authorization: 'Bearer USER_TOKEN' } });
    expect(JSON.parse(req.body)).toEqual({ text: 'Terima kasih, laporan Anda: JKT-2406-000123', reply: { in_reply_to_tweet_id: '1800733110000000001' } });
    expect(() => buildReplyPostRequest(auth, { inReplyToTweetId: '1', text: 'x'.repeat(281) })).toThrow(RangeError);
    expect(() => buildReplyPostRequest(auth, { inReplyToTweetId: 'abc', text: 'x' })).toThrow(RangeError);
  });
  it('builds DMs to the participant', () => {
    const [req] = buildDirectMessageRequests(auth, { participantId: CITIZEN_ID, text: 'Halo' });
    expect(req.url).toBe(`http://127.0.0.1:9999/2/dm_conversations/with/${CITIZEN_ID}/messages`);
    expect(JSON.parse(req.body)).toEqual({ text: 'Halo' });
    expect(buildDirectMessageRequests(auth, { participantId: CITIZEN_ID, text: 'kata '.repeat(3000) })).toHaveLength(2);
  });
  it('reads the created post id', () => {
    expect(parseCreatedTweetId({ data: { id: '1800800000000000000', text: 'x' } })).toBe('1800800000000000000');
    expect(parseCreatedTweetId({ errors: [] })).toBeUndefined();
  });
});
