import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { verifyHandshake, verifySignature } from './facebook-verify.js';
import { parseWebhook, toNormalizedComplaint } from './facebook-webhook.js';
import { buildSendApiRequest, buildSendApiRequests, chooseMessagingType, MessagingWindowClosedError } from './facebook-send.js';
import { splitText } from '../templates/text-split.js';
import { mixedBody, PAGE_ID, PSID, textMessageBody } from './facebook-fixtures.js';
import { DomainError } from '../../domain/errors.js';

const SECRET = 'app-secret-123';

describe('verifyHandshake', () => {
  const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' };
  it('echoes the challenge when mode and token match', () => {
    expect(verifyHandshake(q, 'tok')).toEqual({ ok: true, challenge: '1158201444' });
    expect(verifyHandshake({ hub: { mode: 'subscribe', verify_token: 'tok', challenge: 'c' } }, 'tok')).toEqual({ ok: true, challenge: 'c' });
  });
  it('refuses a wrong token, wrong mode, missing challenge or unconfigured token', () => {
    expect(verifyHandshake({ ...q, 'hub.verify_token': 'nope' }, 'tok')).toEqual({ ok: false, reason: 'wrong_token' });
    expect(verifyHandshake({ ...q, 'hub.mode': 'unsubscribe' }, 'tok')).toEqual({ ok: false, reason: 'wrong_mode' });
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'tok')).toEqual({ ok: false, reason: 'missing_challenge' });
    expect(verifyHandshake(q, undefined)).toEqual({ ok: false, reason: 'token_not_configured' });
  });
});

describe('verifySignature (X-Hub-Signature-256)', () => {
  const raw = Buffer.from(JSON.stringify(textMessageBody));
  const good = 'sha256=' + createHmac('sha256', SECRET).update(raw).digest('hex');
  it('accepts the right signature, in either hex case', () => {
    expect(verifySignature(raw, good, SECRET)).toEqual({ ok: true });
    expect(verifySignature(raw, 'sha256=' + good.slice(7).toUpperCase(), SECRET)).toEqual({ ok: true });
  });
  it('rejects a wrong, truncated, missing or foreign-algorithm signature', () => {
    expect(verifySignature(raw, good, 'other-secret')).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifySignature(Buffer.concat([raw, Buffer.from(' ')]), good, SECRET)).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(verifySignature(raw, good.slice(0, -2), SECRET)).toEqual({ ok: false, reason: 'signature_malformed' });
    expect(verifySignature(raw, undefined, SECRET)).toEqual({ ok: false, reason: 'signature_missing' });
    expect(verifySignature(raw, 'sha1=' + createHmac('sha1', SECRET).update(raw).digest('hex'), SECRET)).toEqual({
      ok: false,
      reason: 'signature_malformed',
    });
    expect(verifySignature(raw, good, '')).toEqual({ ok: false, reason: 'secret_missing' });
  });
});

describe('parseWebhook', () => {
  it('turns a text message into a complaint with psid reply context', () => {
    const [msg, ...rest] = parseWebhook(textMessageBody);
    expect(rest).toHaveLength(0);
    expect(msg.psid).toBe(PSID);
    const c = toNormalizedComplaint(msg, { now: new Date('2024-06-11T08:00:00Z') });
    expect(c.channel).toBe('facebook');
    expect(c.externalId).toBe(textMessageBody.entry[0].messaging[0].message.mid);
    expect(c.text).toContain('Kramat Raya');
    expect(c.receivedAt.getTime()).toBe(1718089999876);
    expect(c.reporter).toEqual({ contactKind: 'facebook_psid', contactValue: PSID });
    expect(c.replyContext).toMatchObject({ psid: PSID, pageId: PAGE_ID, lastUserMessageAt: new Date(1718089999876).toISOString() });
    expect(c.rawPayload).toBe(textMessageBody.entry[0].messaging[0]);
  });

  it('keeps images and locations, drops stickers, echoes, deliveries, reads and postbacks', () => {
    const msgs = parseWebhook(mixedBody);
    expect(msgs.map((m) => m.mid)).toEqual(['m_image_1', 'm_location_1']);
    expect(msgs[0].imageUrls).toEqual(['https://scontent.xx.fbcdn.net/v/t1.15752-9/448_n.jpg?_nc_cat=1&oh=abc']);
    expect(msgs[0].text).toBe('');
    expect(msgs[1].location).toEqual({ lat: -6.19513, lng: 106.84943, title: "Budi's Location" });
    const c = toNormalizedComplaint(msgs[1], { now: new Date() });
    expect(c.location).toEqual({ lat: -6.19513, lng: 106.84943, address: "Budi's Location" });
    const img = toNormalizedComplaint(msgs[0], { now: new Date(), attachments: [{ filename: 'a.jpg', data: Buffer.from('x') }] });
    expect(img.attachments).toHaveLength(1);
    expect(img.replyContext?.imageUrls).toContain('fbcdn.net');
  });

  it('reads coordinates from the map link when the payload has none', () => {
    const body = structuredClone(mixedBody);
    const att = body.entry[0].messaging[1].message!.attachments![0] as Record<string, unknown>;
    att.payload = {};
    expect(parseWebhook(body)[1].location).toMatchObject({ lat: -6.19513, lng: 106.84943 });
  });

  it('ignores non-page objects and rejects bodies without entry[]', () => {
    expect(parseWebhook({ ...textMessageBody, object: 'instagram' })).toEqual([]);
    expect(() => parseWebhook({ object: 'page' })).toThrow(DomainError);
    expect(() => parseWebhook('nope')).toThrow(DomainError);
  });

  it('falls back to the arrival time when the timestamp is missing', () => {
    const body = structuredClone(textMessageBody) as { entry: { messaging: Record<string, unknown>[] }[] };
    delete body.entry[0].messaging[0].timestamp;
    const now = new Date('2024-06-11T08:00:00Z');
    expect(toNormalizedComplaint(parseWebhook(body)[0], { now }).receivedAt).toEqual(now);
  });
});

describe('Send API', () => {
  const base = { graphUrl: 'http://127.0.0.1:9/v21.0/', pageToken: 'PAGE_TOKEN', psid: PSID, text: 'Laporan JKT-2406-000123 diterima.' };
  const last = new Date('2024-06-11T08:00:00Z');

  it('builds a RESPONSE inside the 24-hour window with the token in the header', () => {
    const req = buildSendApiRequest({ ...base, lastUserMessageAt: last, now: new Date('2024-06-12T07:59:00Z') });
    expect(req.url).toBe('http://127.0.0.1:9/v21.0/me/messages');
    expect(req.method).toBe('POST');
    expect(req.headers.authorization).toBe('Bearer PAGE_TOKEN');
    expect(req.url).not.toContain('PAGE_TOKEN');
    expect(JSON.parse(req.body)).toEqual({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: base.text } });
  });

  it('uses a message tag after 24 hours and HUMAN_AGENT for an officer within 7 days', () => {
    const now = new Date('2024-06-13T08:00:00Z');
    expect(JSON.parse(buildSendApiRequest({ ...base, lastUserMessageAt: last, now }).body)).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'ACCOUNT_UPDATE',
    });
    const policy = { humanAgent: true, outsideWindowTag: null };
    expect(chooseMessagingType({ lastUserMessageAt: last, now, sentByHuman: true, policy })).toEqual({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(() => chooseMessagingType({ lastUserMessageAt: last, now, sentByHuman: false, policy })).toThrow(MessagingWindowClosedError);
    const late = new Date('2024-06-19T08:00:01Z');
    expect(() => chooseMessagingType({ lastUserMessageAt: last, now: late, sentByHuman: true, policy })).toThrow(MessagingWindowClosedError);
  });

  it('adds appsecret_proof when configured', () => {
    const req = buildSendApiRequest({ ...base, appSecret: SECRET });
    expect(req.url).toContain('appsecret_proof=' + createHmac('sha256', SECRET).update('PAGE_TOKEN').digest('hex'));
  });

  it('splits texts longer than 2000 characters at word boundaries', () => {
    const long = Array.from({ length: 700 }, (_, i) => `kata${i}`).join(' ');
    const reqs = buildSendApiRequests({ ...base, text: long });
    expect(reqs.length).toBeGreaterThan(1);
    const texts = reqs.map((r) => JSON.parse(r.body).message.text as string);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts.join(' ')).toBe(long);
    expect(() => buildSendApiRequest({ ...base, text: long })).toThrow(RangeError);
  });

  it('never cuts an emoji in half', () => {
    const parts = splitText('🙏'.repeat(15), 7);
    expect(parts.join('')).toBe('🙏'.repeat(15));
    expect(parts.every((p) => p.length <= 7 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
