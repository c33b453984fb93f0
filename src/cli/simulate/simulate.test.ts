import { describe, expect, it } from 'vitest';
import { verifySignature as verifyFacebook } from '../../channels/facebook/facebook-verify.js';
import { verifyPartnerWebhook } from '../../channels/partners/partner-inbound.js';
import { parsePartnerConfig } from '../../channels/partners/partner-config.js';
import { PARTNER_PRESETS } from '../../channels/partners/presets.js';
import { DEFAULT_SMS_AUTH, verifySmsRequest } from '../../channels/sms/sms-auth.js';
import { verifySignature as verifyTwitter } from '../../channels/twitter/twitter-verify.js';
import { JAKARTA_CATEGORIES } from '../../domain/catalog/jakarta-categories.js';
import { buildDrivers, chooseDriver, type Delivery } from './channels.js';
import { makeComplaint, seededRng } from './corpus.js';

const KEL = [
  { code: '31.71.01.1001', name: 'Gambir' },
  { code: '31.74.06.1003', name: 'Pela Mampang' },
  { code: '31.75.03.1005', name: 'Kayu Putih' },
];

const stream = (seed: number, n: number) => {
  const rnd = seededRng(seed);
  return Array.from({ length: n }, (_, i) => makeComplaint(rnd, i, KEL));
};

describe('simulated complaints', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(stream(7, 50)).toEqual(stream(7, 50));
    expect(stream(8, 50).map((c) => c.text)).not.toEqual(stream(7, 50).map((c) => c.text));
  });

  it('use catalogue categories and name their kelurahan', () => {
    const codes = new Set(JAKARTA_CATEGORIES.map((c) => c.code));
    for (const c of stream(3, 300)) {
      expect(codes.has(c.category), c.category).toBe(true);
      expect(c.text).toContain(c.kelurahan.name);
      expect(c.reporter.phone).toMatch(/^08\d{10}$/);
      expect(c.reporter.email).toMatch(/^[a-z.0-9]+@[a-z.]+$/);
    }
  });
});

describe('simulated channel requests', () => {
  const secrets = { facebook: 'fb', twitter: 'tw', sms: 'sm', lapor: 'lp', qlue: 'ql' };
  const { drivers, skipped } = buildDrivers({
    apiKey: 'cpt_x',
    officerToken: 'tok',
    smtp: true,
    facebook: { secret: secrets.facebook, pageId: '1' },
    twitter: { secret: secrets.twitter, accountId: '2' },
    sms: { secret: secrets.sms, mode: 'hmac', header: 'x-cepat-signature' },
    partners: [{ id: 'lapor', secret: secrets.lapor }, { id: 'qlue', secret: secrets.qlue }],
  });
  const [c] = stream(1, 1);
  const http = (name: string) => {
    const d = drivers.find((x) => x.name === name)!.build(c, seededRng(2), 'sim-test-1') as Extract<Delivery, { kind: 'http' }>;
    return { ...d, raw: Buffer.from(d.body) };
  };

  it('covers every channel given what it needs, and skips the others saying why', () => {
    expect(drivers.map((d) => d.name)).toEqual(['web', 'open311', 'walkin', 'email', 'facebook', 'twitter', 'sms', 'lapor', 'qlue']);
    expect(skipped).toEqual([]);
    const bare = buildDrivers({});
    expect(bare.drivers.map((d) => d.name)).toEqual(['web']);
    expect(bare.skipped.map((s) => s.channel)).toEqual(['open311', 'walkin', 'email', 'facebook', 'twitter', 'sms', 'partners']);
  });

  it('signs webhooks as the providers do (checked by the verifiers the server uses)', () => {
    const fb = http('facebook');
    expect(verifyFacebook(fb.raw, fb.headers['x-hub-signature-256'], secrets.facebook)).toEqual({ ok: true });
    expect(verifyFacebook(fb.raw, fb.headers['x-hub-signature-256'], 'other')).toMatchObject({ ok: false });
    const tw = http('twitter');
    expect(verifyTwitter(tw.raw, tw.headers['x-twitter-webhooks-signature'], secrets.twitter)).toEqual({ ok: true });
    const sms = http('sms');
    expect(verifySmsRequest(DEFAULT_SMS_AUTH, { headers: sms.headers, rawBody: sms.raw }, secrets.sms)).toEqual({ ok: true });
    for (const id of ['lapor', 'qlue'] as const) {
      const p = http(id);
      const config = parsePartnerConfig(PARTNER_PRESETS[id]);
      const env = { [config.inbound.signature!.secretEnv]: secrets[id] };
      expect(verifyPartnerWebhook(config, { rawBody: p.raw, headers: p.headers }, env)).toEqual({ ok: true });
    }
  });

  it('draws channels by weight', () => {
    const rnd = seededRng(9);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const d = chooseDriver(rnd, drivers);
      counts[d.name] = (counts[d.name] ?? 0) + 1;
    }
    const total = drivers.reduce((s, d) => s + d.weight, 0);
    for (const d of drivers) expect(Math.abs(counts[d.name] / 5000 - d.weight / total)).toBeLessThan(0.02);
  });
});
