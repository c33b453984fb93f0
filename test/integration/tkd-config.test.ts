import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TKD_CONFIG, TKD_CONFIG_KEY, tkdConfigJson } from '../../src/services/reports/tkd-config.js';
import { putSetting } from '../../src/store/settings.repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { K } from './report-fixture.js';
import { CaseDriver, officer } from './sla-helpers.js';

type Auth = { authorization: string };
type AgencyLine = { agency_id: string; covered: boolean; score: number; band: string; deduction_percent: number | null };

/**
 * The TKD configuration over HTTP: who reads and changes it, that a bad document changes nothing, that a saved
 * one is audited and drives the live report, and that a finalized month keeps the rule it was sealed with.
 * K (Kelurahan Gambir) is headed by an echelon III.b lurah: outside the default scope of I–II.
 */
describe(`TKD configuration over HTTP (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: Auth;
  let monitor: Auth;
  let headK: Auth;
  let triage: Auth;
  const DEFAULT_JSON = tkdConfigJson(DEFAULT_TKD_CONFIG);
  const NEW_CONFIG = {
    rule: {
      componentWeightPercent: 20,
      // Only the follow-up target counts, and red flags cost nothing: K's score is its follow-up share.
      weights: { follow_up: 1 },
      redFlagPenalty: { pointsPerFlag: 0, maxPoints: 0 },
      bands: [
        { minScore: 90, lossPercentOfComponent: 0, label: 'baik' },
        { minScore: 40, lossPercentOfComponent: 30, label: 'sedang' },
        { minScore: 0, lossPercentOfComponent: 100, label: 'buruk' },
      ],
    },
    eselonScope: ['ii', 'III', 'I'],
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2025-06-02T01:00:00Z' });
    const d = new CaseDriver(t);
    // June: one case followed up within the hour (finalized below under the default rule).
    const june = await d.submit('2025-06-02 08:00', 'lainnya', '31.71.01.1001', 'jaki');
    await d.act('2025-06-02 09:00', june.id, 'start', officer(K));
    // July: one case followed up in time, one never touched (follow-up missed): K's follow-up share is 1/2.
    const met = await d.submit('2025-07-01 08:00', 'lainnya', '31.71.01.1001', 'jaki');
    await d.act('2025-07-01 09:00', met.id, 'start', officer(K));
    await d.submit('2025-07-01 08:00', 'lainnya', '31.71.01.1001', 'jaki');
    d.at('2025-08-05 10:00');
    admin = await t.loginAs('admin');
    monitor = await t.loginAs('monitor');
    headK = await t.loginAs('agency_head', { agencyId: K });
    triage = await t.loginAs('triage_operator');
  }, 60_000);
  afterAll(async () => t.close());

  const get = (url: string, headers?: Auth) => t.app.inject({ url, headers });
  const put = (payload: unknown, headers?: Auth) => t.app.inject({ method: 'PUT', url: '/api/reports/tkd-config', payload: payload as object, headers });
  const lineOf = async (month: string, agencyId: string) => {
    const r = (await get(`/api/reports/tkd?month=${month}&agency=${agencyId}`, monitor)).json();
    return { status: r.status as string, rule: r.rule, line: r.agencies.find((a: AgencyLine) => a.agency_id === agencyId) as AgencyLine };
  };
  const configEvents = () => t.ctx.database.db.selectFrom('events').selectAll().where('action', '=', 'settings.tkd_config').orderBy('id').execute();
  const stored = async () => (await t.ctx.database.db.selectFrom('settings').select('value').where('key', '=', TKD_CONFIG_KEY).executeTakeFirst())?.value;

  it('shows the documented default to every report reader', async () => {
    expect((await get('/api/reports/tkd-config')).statusCode).toBe(401);
    expect((await get('/api/reports/tkd-config', triage)).statusCode).toBe(403);
    for (const who of [admin, monitor, headK]) {
      const res = await get('/api/reports/tkd-config', who);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(DEFAULT_JSON);
    }
    expect(DEFAULT_JSON).toMatchObject({ rule: { componentWeightPercent: 10 }, eselonScope: ['I', 'II'] });
  });

  it('lets only admins change it', async () => {
    expect((await put(NEW_CONFIG)).statusCode).toBe(401);
    for (const who of [monitor, headK, triage]) {
      const res = await put(NEW_CONFIG, who);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await stored()).toBeUndefined();
    expect(await configEvents()).toEqual([]);
  });

  it('rejects an invalid configuration listing every problem, and changes nothing', async () => {
    const res = await put(
      {
        rule: {
          weights: { follow_up: -1, resolve: 2 },
          bands: [{ minScore: 50, lossPercentOfComponent: 10, label: 'cukup' }],
          redFlagPenalty: { pointsPerFlag: 5 },
        },
        eselonScope: ['II.a'],
      },
      admin,
    );
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^Aturan TKD tidak valid/);
    expect(error.details.map((p: { field: string; message: string }) => `${p.field}: ${p.message}`)).toEqual([
      'rule.weights: Unrecognized key: "resolve"',
      'rule.weights: at least one weight must be > 0',
      'rule.redFlagPenalty.maxPoints: Invalid input: expected number, received undefined',
      'eselonScope.0: not an echelon group (I, II, III, IV or V)',
    ]);
    // Once the shape is right, the domain rule's own checks speak: negative weight, bands not reaching 0.
    const semantic = (await put({ rule: { weights: { follow_up: -1, rating: 1 }, bands: [{ minScore: 50, lossPercentOfComponent: 10, label: 'cukup' }] } }, admin)).json().error;
    expect(semantic.details.map((p: { message: string }) => p.message)).toEqual(['weights must be ≥ 0', 'the last band must start at 0']);
    expect(semantic.message_en).toBe('Invalid TKD rule: rule: weights must be ≥ 0; rule: the last band must start at 0');
    // The request schema refuses what is not a configuration at all.
    expect((await put({ rules: {} }, admin)).json().error.code).toBe('validation_failed');
    expect((await put({ rule: [] }, admin)).statusCode).toBe(400);
    expect(await stored()).toBeUndefined();
    expect(await configEvents()).toEqual([]);
    expect((await get('/api/reports/tkd-config', monitor)).json()).toEqual(DEFAULT_JSON);
  });

  it('saves a valid configuration, audits it, and the live report follows while a sealed month does not', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/reports/tkd/finalize', payload: { month: '2025-06' }, headers: admin })).statusCode).toBe(201);
    const julyBefore = await lineOf('2025-07', K);
    expect(julyBefore.status).toBe('live');
    // Default rule: K is out of scope (no deduction); its score mixes every target, not only follow-up.
    expect(julyBefore.line).toMatchObject({ covered: false, deduction_percent: null });
    expect(julyBefore.line.score).not.toBe(50);

    const res = await put(NEW_CONFIG, admin);
    expect(res.statusCode).toBe(200);
    const effective = {
      rule: { ...DEFAULT_JSON.rule, ...NEW_CONFIG.rule },
      eselonScope: ['I', 'II', 'III'],
    };
    expect(res.json()).toEqual(effective);
    expect((await get('/api/reports/tkd-config', headK)).json()).toEqual(effective);
    expect(JSON.parse((await stored())!)).toEqual(effective);

    const events = await configEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ case_id: null, stream: 'system', actor: expect.stringMatching(/^user:\d+$/) });
    expect(JSON.parse(events[0].before!)).toEqual(DEFAULT_JSON);
    expect(JSON.parse(events[0].after!)).toEqual(effective);
    expect(events[0].request_id).toBeTruthy();

    // July is computed with the new rule: K is now covered; follow-up 1 of 2 → score 50 → band 'sedang'
    // (loss 30 %) → 20 % × 30 % = 6 % of the head's TKD.
    const julyAfter = await lineOf('2025-07', K);
    expect(julyAfter.rule).toMatchObject({ componentWeightPercent: 20, eselon_scope: ['I', 'II', 'III'] });
    expect(julyAfter.line).toMatchObject({ covered: true, score: 50, band: 'sedang', deduction_percent: 6 });

    // June was sealed under the default rule and stays so.
    const june = await lineOf('2025-06', K);
    expect(june.status).toBe('finalized');
    expect(june.rule).toMatchObject({ componentWeightPercent: 10, eselon_scope: ['I', 'II'] });
    expect(june.line).toMatchObject({ covered: false, deduction_percent: null });
  });

  it('replaces a stored value that no longer parses, keeping it in the audit trail', async () => {
    await putSetting(t.ctx.database.db, TKD_CONFIG_KEY, '{"rule": {"bands": "oops"}}');
    expect((await get('/api/reports/tkd-config', monitor)).statusCode).toBe(400);
    const res = await put({}, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_JSON);
    const last = (await configEvents()).at(-1)!;
    expect(JSON.parse(last.before!)).toEqual({ invalid: '{"rule": {"bands": "oops"}}' });
    expect((await lineOf('2025-07', K)).line).toMatchObject({ covered: false, deduction_percent: null });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const path = doc.paths['/api/reports/tkd-config'];
    expect(path.get.tags).toEqual(['reports']);
    expect(path.put.tags).toEqual(['reports']);
    expect(path.put.requestBody.content['application/json'].schema.properties).toHaveProperty('eselonScope');
  });
});
