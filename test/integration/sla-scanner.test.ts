import { spawn } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { OutboxWorker } from '../../src/jobs/outbox-worker.js';
import { SlaScanner } from '../../src/jobs/sla-scanner.js';
import { bootstrap } from '../../src/services/bootstrap.js';
import type { AppContext } from '../../src/services/context.js';
import { STAFF_EMAIL_KIND } from '../../src/services/sla/escalation-mail.js';
import { addUser } from '../../src/services/users/manage-users.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT, TEST_PG_URL } from '../support/test-context.js';
import { CaseDriver, officer, wib } from './sla-helpers.js';

const KEL = 'kel-31.71.01.1001';
const KEC = 'kec-31.71.01';
const DUKCAPIL = 'sudin-dukcapil-31.71';
const silent = pino({ level: 'silent' });

describe(`SLA scanner (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let d: CaseDriver;
  let caseId: number;
  let headToken: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    d = new CaseDriver(t);
    await t.ctx.database.db.updateTable('agencies').set({ email: 'kelurahan@example.go.id' }).where('id', '=', KEL).execute();
    await addUser(t.ctx, { username: 'lurah', password: 'password-123', role: 'agency_head', agencyId: KEL, email: 'lurah@example.go.id' });
    await addUser(t.ctx, { username: 'pemantau', password: 'password-123', role: 'monitor', email: 'pemantau@example.go.id' });
    caseId = (await d.submit('2026-11-23 09:00', 'lainnya')).id;
  });
  afterAll(async () => t.close());

  const count = async (table: 'notifications' | 'outbox', where?: [string, string]) => {
    let q = t.ctx.database.db.selectFrom(table as 'notifications').select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where(where[0] as 'kind', '=', where[1]);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('walks the ladder once, even with two scanners running at the same time', async () => {
    // Wed 2 Dec 10:00: both targets' half-time reminders (to the kelurahan) and deadlines (to the kecamatan above
    // it) are due, and the red flag went up on Tue 1 Dec 16:00 (to the lurah and the monitoring office).
    d.at('2026-12-02 10:00');
    const other: AppContext = TEST_PG_URL ? await bootstrap(loadConfig(t.env), { log: silent, clock: t.ctx.clock }) : t.ctx;
    try {
      const [a, b] = await Promise.all([new SlaScanner({ ctx: t.ctx, log: silent }).runOnce(), new SlaScanner({ ctx: other, log: silent }).runOnce()]);
      expect(a.notifications + b.notifications).toBe(6);
      expect(a.errors + b.errors).toBe(0);
    } finally {
      if (other !== t.ctx) await other.database.close();
    }
    const rows = await t.ctx.database.db.selectFrom('notifications').select(['kind', 'agency_id', 'user_id']).where('case_id', '=', caseId).orderBy('id').execute();
    expect(rows.map((r) => `${r.kind}:${r.agency_id ?? `user${r.user_id}`}`).sort()).toEqual(
      [`sla.at50:${KEL}`, `sla.at50:${KEL}`, `sla.at100:${KEC}`, `sla.at100:${KEC}`, 'sla.red_flag:user2', 'sla.red_flag:user3'].sort(),
    );
    // E-mail: the kelurahan's address twice (two reminders), the lurah and the monitor once each.
    expect(await count('outbox', ['kind', STAFF_EMAIL_KIND])).toBe(4);
    const again = await new SlaScanner({ ctx: t.ctx, log: silent }).runOnce();
    expect(again.notifications).toBe(0);
    expect(await count('notifications')).toBe(6);
    const flags = await t.ctx.database.db.selectFrom('sla_red_flags').selectAll().where('case_id', '=', caseId).execute();
    expect(flags).toMatchObject([{ agency_id: KEL, charged_to: KEL, raised_at: wib('2026-12-01 16:00').toISOString(), month: '2026-12', withdrawn_at: null }]);
  });

  it('delivers each e-mail once through the outbox', async () => {
    const sent: string[] = [];
    const worker = new OutboxWorker({ database: t.ctx.database, senders: { [STAFF_EMAIL_KIND]: async (m) => void sent.push(m.deliveryKey), email: async () => {} }, log: silent, clock: t.ctx.clock });
    await worker.runOnce();
    await worker.runOnce();
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
  });

  it('shows an officer their own and their agency’s notifications, and marks them read', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lurah', password: 'password-123' } });
    headToken = { authorization: `Bearer ${login.json().token}` };
    const list = await t.app.inject({ url: '/api/notifications', headers: headToken });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: number; kind: string; for: string; read: boolean; ticket: string }[];
    expect(items.map((i) => `${i.kind}:${i.for}`).sort()).toEqual(['sla.at50:agency', 'sla.at50:agency', 'sla.red_flag:user']);
    expect(items.every((i) => !i.read && i.ticket.startsWith('JKT-'))).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${items[0].id}/read`, headers: headToken })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${items[0].id}/read`, headers: headToken })).statusCode).toBe(404);
    const unread = await t.app.inject({ url: '/api/notifications?unread=true', headers: headToken });
    expect(unread.json().items).toHaveLength(2);
    const monitorOnly = await t.ctx.database.db.selectFrom('notifications').select('id').where('user_id', '=', 3).executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${monitorOnly.id}/read`, headers: headToken })).statusCode).toBe(404);
  });

  it('closes a resolved LAPOR! case after 10 working days without an answer from the citizen', async () => {
    const c = await d.submit('2026-11-23 09:00', 'adminduk');
    await d.act('2026-11-23 10:00', c.id, 'start', officer(DUKCAPIL));
    await d.act('2026-11-24 15:00', c.id, 'resolve', officer(DUKCAPIL), { publicNote: 'Selesai' });
    d.at('2026-12-08 15:59');
    await new SlaScanner({ ctx: t.ctx, log: silent }).runOnce();
    expect((await t.ctx.database.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('selesai');
    d.at('2026-12-08 16:00');
    const res = await new SlaScanner({ ctx: t.ctx, log: silent }).runOnce();
    expect(res.autoClosed).toBe(1);
    const row = await t.ctx.database.db.selectFrom('cases').select(['status', 'closed_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ditutup', closed_at: wib('2026-12-08 16:00').toISOString() });
    const last = await t.ctx.database.db.selectFrom('events').select(['action', 'actor']).where('case_id', '=', c.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'case.auto_close', actor: 'system:sla-scanner' });
    expect((await t.ctx.database.db.selectFrom('case_sla').select(['state', 'next_check_at']).where('case_id', '=', c.id).executeTakeFirstOrThrow())).toEqual({ state: 'closed', next_check_at: null });
  });

  it('does not close a resolved case the citizen answered', async () => {
    const c = await d.submit('2026-11-23 09:00', 'adminduk');
    await d.act('2026-11-23 10:00', c.id, 'start', officer(DUKCAPIL));
    await d.act('2026-11-24 15:00', c.id, 'resolve', officer(DUKCAPIL), { publicNote: 'Selesai' });
    await d.reply('2026-11-25 09:00', c.id, { kind: 'citizen', reporterId: 1 }, 'Belum beres, KTP belum saya terima');
    d.at('2026-12-20 10:00');
    await new SlaScanner({ ctx: t.ctx, log: silent }).runOnce();
    expect((await t.ctx.database.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('selesai');
  });
});

describe.skipIf(!TEST_PG_URL)('SLA scanner in two processes on one PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const runCli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/cepat.mjs', ...args], { env: { ...process.env, ...t.env, CEPAT_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('sends each notification once when `cepat sla scan` runs twice at the same time', async () => {
    // The processes scan at the real current time: cases received 20 days ago are past every step but settlement.
    await addUser(t.ctx, { username: 'pemantau2', password: 'password-123', role: 'monitor', email: 'p2@example.go.id' });
    const d = new CaseDriver(t);
    const past = new Date(Date.now() - 20 * 86_400_000);
    const when = new Date(past.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    for (let i = 0; i < 5; i++) await d.submit(when, 'lainnya');
    const [a, b] = await Promise.all([runCli(['sla', 'scan']), runCli(['sla', 'scan'])]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, '']);
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    // Per case: 2 half-time reminders + 2 deadline steps (follow-up, verification), and the red flag to the
    // monitoring office (no lurah is registered: the kelurahan gets it) = 6 notifications.
    const stored = Number((await t.ctx.database.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(stored).toBe(30);
    expect(ra.notifications + rb.notifications).toBe(30);
    const keys = await t.ctx.database.db.selectFrom('notifications').select('dedupe_key').execute();
    expect(new Set(keys.map((k) => k.dedupe_key)).size).toBe(30);
    const mails = await t.ctx.database.db.selectFrom('outbox').select('delivery_key').where('kind', '=', STAFF_EMAIL_KIND).execute();
    expect(mails).toHaveLength(5);
  }, 120_000);
});
