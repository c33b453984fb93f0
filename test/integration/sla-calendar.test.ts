import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { bootstrap } from '../../src/services/bootstrap.js';
import { dueTime, importHolidays, listHolidays } from '../../src/services/calendar/holidays.js';
import { recomputeCases } from '../../src/services/sla/recompute-open-cases.js';
import { getSlaRuntime } from '../../src/services/sla/sla-runtime.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { CaseDriver, wib } from './sla-helpers.js';

describe(`holiday table and due times (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  const runCli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/cepat.mjs', ...args], { env: { ...process.env, ...t.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let [stdout, stderr] = ['', ''];
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('rejects a whole file with a bad line, naming every bad line', async () => {
    const csv = 'date,type,name,status\n2026-11-25,cuti_bersama,Cuti uji,official\n2026-02-30,libur_nasional,Tanggal salah,official\n\n2026-11-26,libur,Jenis salah,official\n';
    const result = await importHolidays(t.ctx, csv, 'test');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 3, code: 'bad_date' }), expect.objectContaining({ line: 5, code: 'bad_type' })] });
    expect(await t.ctx.database.db.selectFrom('calendar_holidays').selectAll().execute()).toEqual([]);
  });

  it('replaces the imported year, moves due times of open cases, and every process sees it', async () => {
    const d = new CaseDriver(t);
    const c = await d.submit('2026-11-23 09:00', 'lainnya');
    const verifyDue = async () => (await t.ctx.database.db.selectFrom('cases').select('verify_due_at').where('id', '=', c.id).executeTakeFirstOrThrow()).verify_due_at;
    expect(await verifyDue()).toBe(wib('2026-11-26 16:00').toISOString());
    const shipped2026 = (await listHolidays(t.ctx, 2026)).length;
    expect(shipped2026).toBeGreaterThan(20);

    const result = await importHolidays(t.ctx, 'date,type,name\n2026-01-01,libur_nasional,Tahun Baru 2026 Masehi\n2026-11-25,cuti_bersama,Cuti bersama uji\n', 'test');
    expect(result).toEqual({ ok: true, years: [2026], count: 2 });
    expect((await listHolidays(t.ctx, 2026)).map((h) => [h.date, h.source])).toEqual([['2026-01-01', 'imported'], ['2026-11-25', 'imported']]);
    expect((await listHolidays(t.ctx, 2025)).length).toBeGreaterThan(20); // other years keep the shipped table
    expect((await getSlaRuntime(t.ctx)).calendar.isWorkingDay('2026-11-25')).toBe(false);
    expect((await getSlaRuntime(t.ctx)).calendar.isWorkingDay('2026-12-24')).toBe(true); // shipped 2026 date gone
    await recomputeCases(t.ctx);
    expect(await verifyDue()).toBe(wib('2026-11-27 16:00').toISOString());

    const other = await bootstrap(loadConfig(t.env), { log: pino({ level: 'silent' }), clock: t.ctx.clock });
    try {
      expect((await dueTime(other, wib('2026-11-24 09:00'), { workingDays: 1 })).text).toBe('2026-11-26T16:00:00+07:00');
    } finally {
      await other.database.close();
    }
  });

  it('prints due times from the command line', async () => {
    const a = await runCli(['calendar', 'due', '--start', '2025-03-27T17:00:00+07:00', '--working-days', '3']);
    expect([a.code, a.stdout]).toEqual([0, '2025-04-10T16:00:00+07:00\n']);
    const bad = path.join(t.dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'date,type,name\n2027-01-01,libur_nasional,Tahun Baru\n2027-01-32,libur_nasional,Salah\n');
    const imp = await runCli(['calendar', 'import', bad]);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toContain('bad.csv:3: bad_date');
    expect(imp.stderr).toContain('nothing imported');
  }, 60_000);
});
