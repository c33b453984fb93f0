import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { importAreaBoundaries } from '../../src/services/triage/import-areas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { ADMIN, CaseDriver, officer, wib } from './sla-helpers.js';
import { HAVE_BOUNDARIES, KELURAHAN_GEOJSON } from './triage-support.js';

/** Personal data given with the complaints below; none of it may appear on a public page. */
const PII = ['Siti Rahayu', 'siti.rahayu@example.id', 'Bambang Rahasia', '081234567890', 'rumah saya nomor 12'];

describe(`public statistics, map and open data (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const c: Record<string, { id: number; ticket: string }> = {};

  async function submit(name: string, when: string, extra: { category: string; area: string; channel: 'web' | 'sms' | 'jaki'; lat?: number; lng?: number; confidential?: boolean; reporter: string; contact: string }) {
    t.setNow(wib(when));
    const r = await submitComplaint(t.ctx, {
      channel: extra.channel,
      externalId: `public-${name}`,
      receivedAt: wib(when),
      rawPayload: null,
      text: `Laporan ${name}: rumah saya nomor 12, telepon 081234567890`,
      categoryCode: extra.category,
      location: { areaCode: extra.area, lat: extra.lat, lng: extra.lng, address: 'Jl. Kenari, rumah saya nomor 12' },
      reporter: { name: extra.reporter, contactKind: extra.channel === 'sms' ? 'phone' : 'email', contactValue: extra.contact, confidential: extra.confidential },
    });
    c[name] = { id: r.case.id, ticket: r.case.ticket };
    return r.case;
  }

  beforeAll(async () => {
    t = await createTestApp({ now: '2025-07-01T01:00:00Z' });
    const d = new CaseDriver(t);
    const a = await submit('A', '2025-07-01 08:00', { category: 'lainnya', area: '31.71.01.1001', channel: 'jaki', lat: -6.1754, lng: 106.8272, reporter: 'Siti Rahayu', contact: 'siti.rahayu@example.id' });
    await submit('B', '2025-07-01 09:00', { category: 'adminduk', area: '31.71.01.1002', channel: 'web', lat: -6.18, lng: 106.83, reporter: 'Siti Rahayu', contact: 'siti.rahayu@example.id' });
    await submit('C', '2025-07-02 08:00', { category: 'kebisingan', area: '31.71.01.1001', channel: 'sms', lat: -6.17, lng: 106.82, confidential: true, reporter: 'Bambang Rahasia', contact: '+6281234567890' });
    // Outside the period asked below: counted only when the period includes June.
    await submit('D', '2025-06-30 10:00', { category: 'lainnya', area: '31.74.01.1001', channel: 'web', reporter: 'Siti Rahayu', contact: 'siti.rahayu@example.id' });
    await d.act('2025-07-01 10:00', c.A.id, 'start', officer(a.agency_id!));
    await d.act('2025-07-02 10:00', c.A.id, 'resolve', officer(a.agency_id!), { publicNote: 'Sudah ditangani' });
    d.at('2025-08-05 10:00');
  }, 60_000);
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ url });
  const noPii = (body: string) => {
    for (const p of PII) expect(body).not.toContain(p);
  };

  it('counts the cases of a period by month, category, kota, channel and agency, without a login', async () => {
    const res = await get('/api/public/stats?from=2025-07-01&to=2025-07-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache'); // the tests turn the cache off (CEPAT_PUBLIC_CACHE_SECONDS=0)
    const s = res.json();
    expect(s.period).toEqual({ from: '2025-07-01', to: '2025-07-31' });
    // C is confidential: left out of every public figure (a day, a category and a kelurahan could point to its reporter).
    expect(s.totals).toMatchObject({ received: 2, resolved: 1, open: 1, rejected: 0, merged: 0 });
    // A met its resolution target; B's (60 days) is not decided yet on 5 August.
    expect(s.totals.resolved_on_time_share).toBe(1);
    expect(s.totals.median_resolution_working_hours).toBeGreaterThan(0);
    expect(s.totals.working_hours_per_day).toBe(8); // Jakarta's office day, 08:00–16:00
    expect(s.by_month).toEqual([{ month: '2025-07', received: 2, open: 1, resolved: 1, rejected: 0, merged: 0 }]);
    expect(Object.fromEntries(s.by_channel.map((r: { channel: string; received: number }) => [r.channel, r.received]))).toEqual({ jaki: 1, web: 1 });
    expect(s.by_kota).toEqual([expect.objectContaining({ code: '31.71', received: 2 })]);
    expect(s.by_kota[0].name).toMatch(/Jakarta Pusat/i);
    expect(s.by_category.map((r: { code: string }) => r.code).sort()).toEqual(['adminduk', 'lainnya']);
    expect((await get('/api/public/stats?from=2025-07-02&to=2025-07-02')).json().totals.received).toBe(0);
    expect(s.by_category.find((r: { code: string }) => r.code === 'adminduk').name_id).toBeTruthy();
    const agencyA = s.by_agency.find((r: { resolved: number }) => r.resolved === 1);
    expect(agencyA).toMatchObject({ received: 1, resolution_decided: 1, resolved_on_time_share: 1 });
    expect(agencyA.name).toBeTruthy();
    noPii(res.body);

    // A month later B is open past its due time: decided, and not met.
    t.setNow(wib('2025-09-05 10:00'));
    const later = (await get('/api/public/stats?from=2025-07-01&to=2025-07-31')).json();
    t.setNow(wib('2025-08-05 10:00'));
    expect(later.totals.resolved_on_time_share).toBe(0.5);
  });

  it('splits a period by local month and defaults to the last twelve months', async () => {
    const june = (await get('/api/public/stats?from=2025-06-30&to=2025-07-01')).json();
    // D came on 30 June WIB, A and B on 1 July WIB (both still 30 June/1 July in UTC terms at 01:00–03:00 UTC).
    expect(june.by_month.map((m: { month: string; received: number }) => [m.month, m.received])).toEqual([['2025-06', 1], ['2025-07', 2]]);
    const dflt = (await get('/api/public/stats')).json();
    expect(dflt.period).toEqual({ from: '2024-09-01', to: '2025-08-05' });
    expect(dflt.totals.received).toBe(3);
    expect(dflt.by_month).toHaveLength(12);
  });

  it('refuses a bad period with a clear 400 and changes nothing', async () => {
    for (const q of ['from=2025-13-01', 'from=2025-07-31&to=2025-07-01', 'from=2020-01-01&to=2025-07-01', 'from=kemarin', 'from=0100-01-01&to=0100-02-01', 'to=0999-12-31']) {
      const res = await get(`/api/public/stats?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error ?? res.json().code).toBeTruthy();
    }
  });

  it('maps public cases with a location and nothing else', async () => {
    const res = await get('/api/public/map?from=2025-07-01&to=2025-07-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const map = res.json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.truncated).toBe(false);
    // C is confidential: never on the map. D is outside the period and has no point.
    expect(map.features.map((f: { properties: { ticket: string } }) => f.properties.ticket).sort()).toEqual([c.A.ticket, c.B.ticket].sort());
    const a = map.features.find((f: { properties: { ticket: string } }) => f.properties.ticket === c.A.ticket);
    expect(a.geometry).toEqual({ type: 'Point', coordinates: [106.8272, -6.1754] });
    expect(Object.keys(a.properties).sort()).toEqual(['area', 'category', 'received_on', 'status', 'status_label', 'support_count', 'ticket']);
    expect(a.properties).toMatchObject({ status: 'selesai', category: 'lainnya', area: '31.71.01.1001', received_on: '2025-07-01' });
    noPii(res.body);

    const open = (await get('/api/public/map?from=2025-07-01&to=2025-07-31&status=open')).json();
    expect(open.features.map((f: { properties: { ticket: string } }) => f.properties.ticket)).toEqual([c.B.ticket]);
    const kel = (await get('/api/public/map?from=2025-07-01&to=2025-07-31&area=31.71.01.1001')).json();
    expect(kel.features.map((f: { properties: { ticket: string } }) => f.properties.ticket)).toEqual([c.A.ticket]);
    const cat = (await get('/api/public/map?from=2025-07-01&to=2025-07-31&category=adminduk')).json();
    expect(cat.features.map((f: { properties: { ticket: string } }) => f.properties.ticket)).toEqual([c.B.ticket]);
    expect((await get('/api/public/map?status=ditolak')).statusCode).toBe(400);
    expect((await get('/api/public/map?status=apa')).statusCode).toBe(400);
    expect((await get('/api/public/map?area=31.7')).statusCode).toBe(400);
    for (const q of ['status=constructor', 'status=__proto__', 'category=', 'status=']) expect((await get(`/api/public/map?${q}`)).statusCode, q).toBe(400);
  });

  it('serves no boundaries until they are imported, then each area with its counts', async () => {
    const none = await get('/api/public/areas?level=kelurahan&from=2025-07-01&to=2025-07-31');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ type: 'FeatureCollection', level: 'kelurahan', features: [] });
    expect((await get('/api/public/areas?level=rt')).statusCode).toBe(400);
    if (!HAVE_BOUNDARIES) return;
    const outcome = await importAreaBoundaries(t.ctx, fs.readFileSync(KELURAHAN_GEOJSON, 'utf8'));
    expect(outcome.ok).toBe(true);
    const kel = (await get('/api/public/areas?level=kelurahan&from=2025-07-01&to=2025-07-31')).json();
    expect(kel.features).toHaveLength(267);
    const byCode = new Map(kel.features.map((f: { properties: { code: string } }) => [f.properties.code, f]));
    expect(byCode.get('31.71.01.1001')).toMatchObject({ geometry: { type: expect.stringMatching(/Polygon/) }, properties: { received: 1, resolved: 1, open: 0 } });
    expect(byCode.get('31.71.01.1002')).toMatchObject({ properties: { received: 1, open: 1 } });
    expect((await importAreaBoundaries(t.ctx, fs.readFileSync(KELURAHAN_GEOJSON.replace('kelurahan', 'kota'), 'utf8'))).ok).toBe(true);
    const kota = (await get('/api/public/areas?level=kota&from=2025-06-01&to=2025-07-31')).json();
    const counts = Object.fromEntries(kota.features.map((f: { properties: { code: string; received: number } }) => [f.properties.code, f.properties.received]));
    expect(counts).toMatchObject({ '31.71': 2, '31.74': 1 });
    noPii(JSON.stringify(kel));
  });

  it('serves open data as CSV and JSON Lines without personal data', async () => {
    const csv = await get('/api/public/open-data/cases.csv?from=2025-07-01&to=2025-07-31');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('cepat-cases-2025-07-01-2025-07-31.csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0].split(',')).toContain('ticket');
    expect(lines[0]).not.toMatch(/reporter/);
    expect(lines).toHaveLength(3);
    const jsonl = await get('/api/public/open-data/cases.jsonl?from=2025-07-01&to=2025-07-31');
    const rows = jsonl.body.trim().split('\n').map((l) => JSON.parse(l));
    // The confidential case is counted in the statistics, but not published: its place and category could
    // point to whoever reported it.
    expect(rows.map((r) => r.ticket).sort()).toEqual([c.A.ticket, c.B.ticket].sort());
    expect(JSON.stringify(rows)).not.toContain('Bambang');
    expect(jsonl.body).not.toContain('siti.rahayu@example.id');
    expect((await get('/api/public/open-data/cases.xml')).statusCode).toBe(400);

    // The period is when the channel received a case (as in the statistics), not when it was stored.
    t.setNow(wib('2025-07-01 00:10'));
    const late = await submitComplaint(t.ctx, { channel: 'web', externalId: 'public-late', receivedAt: wib('2025-06-30 23:50'), rawPayload: null, text: 'Lampu jalan mati', categoryCode: 'lainnya', location: { areaCode: '31.71.01.1001' }, reporter: { contactKind: 'email', contactValue: 'late@example.id' } });
    // A merged case names the case it went into by its ticket, not by an internal id.
    await new CaseDriver(t).act('2025-07-01 00:20', late.case.id, 'merge', ADMIN, { targetCaseId: c.A.id });
    t.setNow(wib('2025-08-05 10:00'));
    const tickets = async (q: string) => (await get(`/api/public/open-data/cases.jsonl?${q}`)).body.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect((await tickets('from=2025-06-30&to=2025-06-30')).map((r) => [r.ticket, r.merged_into])).toEqual([
      [c.D.ticket, null],
      [late.case.ticket, c.A.ticket],
    ]);
    expect((await tickets('from=2025-07-01&to=2025-07-01')).map((r) => r.ticket)).not.toContain(late.case.ticket);
  });
});

describe(`public statistics are reused for CEPAT_PUBLIC_CACHE_SECONDS (${TEST_DIALECT})`, () => {
  it('answers from the cache until the time is up, and says so to browsers', async () => {
    const t = await createTestApp({ now: '2025-07-10T03:00:00Z', env: { CEPAT_PUBLIC_CACHE_SECONDS: '60' } });
    try {
      const received = async () => {
        const res = await t.app.inject('/api/public/stats?from=2025-07-01&to=2025-07-31');
        expect(res.headers['cache-control']).toBe('public, max-age=60');
        return res.json().totals.received as number;
      };
      const submit = (n: number) =>
        submitComplaint(t.ctx, { channel: 'web', externalId: `cache-${n}`, receivedAt: wib('2025-07-10 09:00'), rawPayload: null, text: 'Sampah menumpuk', categoryCode: 'sampah', location: { areaCode: '31.71.01.1001' }, reporter: { contactKind: 'email', contactValue: `c${n}@example.id` } });
      expect(await received()).toBe(0);
      await submit(1);
      expect(await received()).toBe(0);
      t.setNow(new Date('2025-07-10T03:01:00Z'));
      expect(await received()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
