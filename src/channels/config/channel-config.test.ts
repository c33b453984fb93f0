import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelConfigError, loadChannelConfig } from './channel-config.js';
import { parseSecretsText } from './secrets-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-chcfg-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadChannelConfig(env);
  } catch (e) {
    if (e instanceof ChannelConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('channel configuration', () => {
  it('turns every channel off when nothing is configured', () => {
    const c = loadChannelConfig({});
    expect(c.facebook).toBeNull();
    expect(c.twitter).toBeNull();
    expect(c.sms.secret).toBeUndefined();
    expect(c.sms.gateway).toBeUndefined();
    expect(c.partners).toEqual({});
    expect(c.forwardPartner).toBeNull();
    expect(Object.isFrozen(c) && Object.isFrozen(c.sms)).toBe(true);
  });

  it('turns a channel on with its variables and defaults its provider URL', () => {
    const c = loadChannelConfig({ CEPAT_FACEBOOK_APP_SECRET: 's', CEPAT_FACEBOOK_VERIFY_TOKEN: 'v', CEPAT_FACEBOOK_PAGE_TOKEN: 'p', CEPAT_FACEBOOK_OUTSIDE_WINDOW_TAG: 'none' });
    expect(c.facebook).toMatchObject({ appSecret: 's', graphUrl: 'https://graph.facebook.com/v21.0', policy: { outsideWindowTag: null, humanAgent: false } });
  });

  it('lists every problem at once: half-configured channels, bad values, unknown and under-configured partners', () => {
    const problems = problemsOf({
      CEPAT_FACEBOOK_APP_SECRET: 's',
      CEPAT_TWITTER_ACCOUNT_ID: '123',
      CEPAT_SMS_CATEGORY_WORDS: 'jalan=jalan-rusak,banjir',
      CEPAT_PARTNERS: 'lapor,nobody',
    }).join('\n');
    for (const expected of [
      'CEPAT_FACEBOOK_VERIFY_TOKEN: required when Facebook is configured',
      'CEPAT_FACEBOOK_PAGE_TOKEN',
      'CEPAT_TWITTER_CONSUMER_SECRET',
      'CEPAT_TWITTER_BEARER_TOKEN',
      "CEPAT_SMS_CATEGORY_WORDS: 'banjir'",
      "CEPAT_PARTNERS: 'nobody'",
      'CEPAT_LAPOR_SECRET: not set',
    ]) {
      expect(problems).toContain(expected);
    }
    const schema = problemsOf({ CEPAT_FACEBOOK_GRAPH_URL: 'ftp://x', CEPAT_SMS_MAX_SEGMENTS: '40', CEPAT_TWITTER_ACCOUNT_ID: 'DKIJakarta' });
    expect(schema.map((p) => p.split(':')[0]).sort()).toEqual(['CEPAT_FACEBOOK_GRAPH_URL', 'CEPAT_SMS_MAX_SEGMENTS', 'CEPAT_TWITTER_ACCOUNT_ID']);
  });

  it('reads secrets from a JSON or YAML file, the environment winning', () => {
    const json = path.join(dir, 's.json');
    fs.writeFileSync(json, JSON.stringify({ CEPAT_SMS_SECRET: 'from-file', CEPAT_SMS_GATEWAY_URL: 'http://gw.example/send' }));
    expect(loadChannelConfig({ CEPAT_SECRETS_FILE: json }).sms).toMatchObject({ secret: 'from-file', gateway: { url: 'http://gw.example/send' } });
    expect(loadChannelConfig({ CEPAT_SECRETS_FILE: json, CEPAT_SMS_SECRET: 'from-env' }).sms.secret).toBe('from-env');

    const yaml = path.join(dir, 's.yaml');
    fs.writeFileSync(yaml, ['CEPAT_LAPOR_SECRET: hush', 'CEPAT_LAPOR_TOKEN: tok', 'partners:', '  lapor:', '    fields: { text: $.uraian }'].join('\n'));
    const c = loadChannelConfig({ CEPAT_SECRETS_FILE: yaml, CEPAT_PARTNERS: 'lapor', CEPAT_LAPOR_API_URL: 'https://lapor.example/api' });
    expect(c.partners.lapor).toMatchObject({ inbound: true, statusUpdates: true, forward: true, poll: false, config: { fields: { text: '$.uraian', externalId: '$.tracking_id' } } });
    expect(c.forwardPartner).toBe('lapor');
    // Without its base URL the partner still receives; it just takes no status updates or forwards.
    const quiet = loadChannelConfig({ CEPAT_SECRETS_FILE: yaml, CEPAT_PARTNERS: 'lapor' });
    expect(quiet.partners.lapor).toMatchObject({ inbound: true, statusUpdates: false, forward: false });
    expect(quiet.forwardPartner).toBeNull();

    expect(problemsOf({ CEPAT_SECRETS_FILE: path.join(dir, 'missing.json') })[0]).toMatch(/cannot read/);
  });

  it('refuses secrets files that are not a map of names to strings', () => {
    expect(parseSecretsText('{"CEPAT_X": {"a": 1}, "lower": "x"}').problems).toEqual(['CEPAT_SECRETS_FILE: CEPAT_X must be a string', "CEPAT_SECRETS_FILE: 'lower' is not an environment variable name"]);
    expect(parseSecretsText('- a\n- b').problems[0]).toMatch(/must hold an object/);
    expect(parseSecretsText('{"a":').problems[0]).toMatch(/neither valid JSON nor YAML/);
  });
});
