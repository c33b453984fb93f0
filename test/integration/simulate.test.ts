import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChannelConfig } from '../../src/channels/config/channel-config.js';
import { useChannelConfig } from '../../src/channels/config/channel-registry.js';
import { runSimulation, type SimulationOptions, type SimulationReport } from '../../src/cli/simulate/runner.js';
import { startEmailIntake, type EmailIntake } from '../../src/jobs/email/start-email.js';
import { createApiKey } from '../../src/services/auth/api-keys.js';
import { addUser } from '../../src/services/users/manage-users.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { testEmailSettings } from './email-support.js';

/**
 * `cepat simulate` against a real server in this process (HTTP on loopback, the SMTP listener, the webhooks
 * with their secrets): every channel's messages are accepted, and replaying a seed's stream adds nothing.
 */
describe(`cepat simulate against an in-process server (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let email: EmailIntake;
  let options: SimulationOptions;
  let first: SimulationReport;
  const secrets = { facebook: 'fb-app-secret-sim', twitter: 'x-consumer-secret-sim', sms: 'sms-secret-sim', lapor: 'lapor-secret-sim' };
  const casesByChannel = async () => {
    const rows = await t.ctx.database.db.selectFrom('cases').select(['channel']).execute();
    const out: Record<string, number> = {};
    for (const r of rows) out[r.channel] = (out[r.channel] ?? 0) + 1;
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-29T02:30:00Z' });
    useChannelConfig(
      t.ctx,
      loadChannelConfig({
        CEPAT_FACEBOOK_APP_SECRET: secrets.facebook,
        CEPAT_FACEBOOK_VERIFY_TOKEN: 'verify',
        CEPAT_FACEBOOK_PAGE_TOKEN: 'page-token',
        CEPAT_FACEBOOK_PAGE_ID: '104857362211874',
        CEPAT_TWITTER_CONSUMER_SECRET: secrets.twitter,
        CEPAT_TWITTER_ACCOUNT_ID: '117491232',
        CEPAT_TWITTER_BEARER_TOKEN: 'bearer',
        CEPAT_SMS_SECRET: secrets.sms,
        CEPAT_PARTNERS: 'lapor',
        CEPAT_LAPOR_SECRET: secrets.lapor,
      }),
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    email = await startEmailIntake(t.ctx, testEmailSettings(t.ctx));
    const key = await createApiKey(t.ctx, 'simulator');
    await addUser(t.ctx, { username: 'sim-officer', password: 'sim-password-123', role: 'triage_operator' });
    options = {
      url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`,
      ratePerSecond: 25,
      durationSeconds: 3,
      seed: 42,
      runId: 'test',
      concurrency: 8,
      log: (line) => console.log(line),
      officer: { username: 'sim-officer', password: 'sim-password-123' },
      smtp: { host: '127.0.0.1', port: email.smtp!.port },
      targets: {
        apiKey: key.key,
        smtpTo: 'pengaduan@jakarta.go.id',
        facebook: { secret: secrets.facebook, pageId: '104857362211874' },
        twitter: { secret: secrets.twitter, accountId: '117491232' },
        sms: { secret: secrets.sms, mode: 'hmac', header: 'x-cepat-signature' },
        partners: [{ id: 'lapor', secret: secrets.lapor }],
      },
    };
  }, 30_000);
  afterAll(async () => {
    await email?.stop();
    await t?.close();
  });

  it('plays a mixed stream over every channel; every message is accepted', async () => {
    first = await runSimulation(options);
    expect(first.skipped).toEqual([]);
    expect(first.sent).toBeGreaterThanOrEqual(50);
    expect(first.achievedPerSecond).toBeGreaterThan(10);
    expect(Object.keys(first.channels).sort()).toEqual(['email', 'facebook', 'lapor', 'open311', 'sms', 'twitter', 'walkin', 'web']);
    for (const [name, c] of Object.entries(first.channels)) expect({ name, statuses: c.statuses, ok: c.ok }).toEqual({ name, statuses: c.statuses, ok: c.sent });
    // The channels whose intake is synchronous made exactly one case per message.
    const cases = await casesByChannel();
    expect(cases.web ?? 0).toBe(first.channels.web.sent);
    expect(cases.open311 ?? 0).toBe(first.channels.open311.sent);
    expect((cases.walkin ?? 0) + (cases.phone ?? 0)).toBe(first.channels.walkin.sent);
    expect(cases.email ?? 0).toBe(first.channels.email.sent);
  }, 30_000);

  it('writes realistic complaints: real kelurahan, named in the text', async () => {
    const rows = await t.ctx.database.db
      .selectFrom('cases')
      .innerJoin('areas', 'areas.code', 'cases.area_code')
      .select(['cases.description', 'areas.name', 'areas.level'])
      .where('cases.channel', '=', 'web')
      .execute();
    expect(rows.length).toBe(first.channels.web.sent);
    for (const r of rows) {
      expect(r.level).toBe('kelurahan');
      expect(r.description).toContain(r.name);
    }
  });

  it('is repeatable: the same seed and run id replay the same messages, which add no case', async () => {
    const before = await casesByChannel();
    const replay = await runSimulation({ ...options, durationSeconds: 1 });
    expect(replay.sent).toBeGreaterThan(0);
    expect(replay.sent).toBeLessThan(first.sent);
    expect(replay.ok).toBe(replay.sent);
    expect(replay.channels.web.statuses).toEqual(replay.channels.web.sent ? { 200: replay.channels.web.sent } : {});
    expect(await casesByChannel()).toEqual(before);
  }, 30_000);
});
