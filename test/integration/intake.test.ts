import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

function complaint(over: Partial<NormalizedComplaint> = {}): NormalizedComplaint {
  return {
    channel: 'web',
    externalId: `web-${Math.random()}`,
    receivedAt: new Date('2026-11-23T01:59:00Z'),
    rawPayload: { any: 'thing' },
    text: 'Jalan berlubang besar di depan sekolah, sudah dua minggu tidak diperbaiki',
    reporter: { name: 'Budi', contactKind: 'email', contactValue: 'budi@example.id' },
    ...over,
  };
}

describe(`intake (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('creates a routed case with ticket, raw message, events and an acknowledgement in the outbox', async () => {
    const res = await submitComplaint(t.ctx, complaint({ categoryCode: 'jalan-rusak', location: { areaCode: '31.74.01.1001' } }));
    expect(res.created).toBe(true);
    expect(res.case.ticket).toMatch(/^JKT-2611-\d{6}$/);
    expect(res.case.status).toBe('disposisi');
    expect(res.case.agency_id).toBe('sudin-bina-marga-31.74');
    const db = t.ctx.database.db;
    const raw = await db.selectFrom('inbound_messages').selectAll().where('case_id', '=', res.case.id).execute();
    expect(raw).toHaveLength(1);
    expect(JSON.parse(raw[0].payload)).toEqual({ any: 'thing' });
    const events = await db.selectFrom('events').select(['action', 'seq']).where('case_id', '=', res.case.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['case.created', 'case.dispatch']);
    const out = await db.selectFrom('outbox').selectAll().where('case_id', '=', res.case.id).execute();
    expect(out).toHaveLength(1);
    expect(out[0].kind).toBe('email');
    const payload = JSON.parse(out[0].payload);
    expect(payload.vars.ticket).toBe(res.case.ticket);
    expect(payload.vars.accessCode).toBe(res.accessCode);
    expect(payload.vars.trackingUrl).toBe(`http://cepat.test/lacak/${res.case.ticket}`);
  });

  it('returns the existing case for a repeated idempotency key and stores nothing new', async () => {
    const c = complaint({ externalId: 'same-key' });
    const first = await submitComplaint(t.ctx, c);
    const db = t.ctx.database.db;
    const count = async () => Number((await db.selectFrom('cases').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const second = await submitComplaint(t.ctx, { ...c, text: 'different retry body' });
    expect(second.created).toBe(false);
    expect(second.case.id).toBe(first.case.id);
    expect(await count()).toBe(before);
  });

  it('handles concurrent duplicates: one case', async () => {
    const c = complaint({ externalId: 'race-key' });
    const results = await Promise.all([1, 2, 3, 4].map(() => submitComplaint(t.ctx, c)));
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('leaves a case without category or place in the triage queue', async () => {
    const res = await submitComplaint(t.ctx, complaint());
    expect(res.case.status).toBe('menunggu');
    expect(res.case.agency_id).toBeNull();
  });

  it('refuses an unknown category, bad coordinates, and writes nothing', async () => {
    const db = t.ctx.database.db;
    const n = async () => Number((await db.selectFrom('inbound_messages').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await n();
    await expect(submitComplaint(t.ctx, complaint({ categoryCode: 'nope' }))).rejects.toMatchObject({ code: 'unknown_category' });
    await expect(submitComplaint(t.ctx, complaint({ location: { lat: 95, lng: 106 } }))).rejects.toMatchObject({ code: 'invalid_coordinates' });
    await expect(submitComplaint(t.ctx, complaint({ location: { areaCode: '99.99' } }))).rejects.toMatchObject({ code: 'unknown_area' });
    expect(await n()).toBe(before);
  });

  it('numbers tickets sequentially within the month', async () => {
    const a = await submitComplaint(t.ctx, complaint());
    const b = await submitComplaint(t.ctx, complaint());
    const seq = (x: string) => Number(x.split('-')[2]);
    expect(seq(b.case.ticket)).toBe(seq(a.case.ticket) + 1);
  });
});
