import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/case/roles.js';
import { TARGET_KINDS } from '../../src/domain/sla/index.js';
import { decideAppeal, fileAppeal } from '../../src/services/reports/appeals.js';
import { figuresJson, performanceJson } from '../../src/services/reports/figures-json.js';
import { performanceReport } from '../../src/services/reports/performance-report.js';
import { renderTkd } from '../../src/services/reports/render-tkd.js';
import { FULL_SCOPE } from '../../src/services/reports/report-access.js';
import { tallyOfFigures } from '../../src/services/reports/tally.js';
import { TKD_CONFIG_KEY } from '../../src/services/reports/tkd-config.js';
import { tkdDrilldown } from '../../src/services/reports/tkd-drilldown.js';
import { type TkdReport, tkdReport } from '../../src/services/reports/tkd-report.js';
import { finalizeMonth } from '../../src/services/reports/tkd-snapshot.js';
import { putSetting } from '../../src/store/settings.repository.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { FIXTURE_AS_OF, type FixtureCases, K, L, S, loadJulyFixture } from './report-fixture.js';
import { CaseDriver, officer } from './sla-helpers.js';

const MONTH = '2025-07';
const head = (agencyId: string, userId: number): Actor => ({ kind: 'user', userId, role: 'agency_head', agencyId });
const monitor: Actor = { kind: 'user', userId: 9500, role: 'monitor', agencyId: null };

describe(`monthly reports against a hand-computed month (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let d: CaseDriver;
  let c: FixtureCases;
  beforeAll(async () => {
    t = await createTestContext({ now: '2025-06-30T01:00:00Z' });
    d = new CaseDriver(t);
    c = await loadJulyFixture(d);
  }, 120_000);
  afterAll(async () => t.close());

  const ids = (...names: string[]) => names.map((n) => c[n].id).sort((a, b) => a - b);
  const row = (r: TkdReport, agencyId: string) => r.agencies.find((a) => a.agencyId === agencyId)!;
  const counts = (r: TkdReport, agencyId: string) => {
    const a = row(r, agencyId);
    return {
      received: a.tally.received,
      ...Object.fromEntries(TARGET_KINDS.map((k) => [k, `${a.tally.met[k]}/${a.tally.decided[k]}`])),
      rating: a.tally.rated === 0 ? null : Math.round((a.tally.ratingSum / a.tally.rated) * 10_000) / 10_000,
      redFlags: a.tally.redFlags,
      reopened: `${a.tally.reopened}/${a.tally.resolved}`,
      misrouted: a.tally.misrouted,
      score: a.score.score,
      band: a.score.band,
    };
  };

  it('gives each agency head the figures and score worked out by hand', async () => {
    const r = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    expect(r.status).toBe('live');
    expect(counts(r, K)).toEqual({ received: 9, verification: '6/9', first_response: '0/0', follow_up: '4/8', resolution: '4/4', rating: 3.3333, redFlags: 3, reopened: '0/4', misrouted: 0, score: 54.44, band: 'buruk' });
    expect(counts(r, S)).toEqual({ received: 6, verification: '3/5', first_response: '0/0', follow_up: '4/6', resolution: '4/4', rating: 3.25, redFlags: 2, reopened: '1/4', misrouted: 1, score: 65.88, band: 'kurang' });
    expect(counts(r, L)).toEqual({ received: 7, verification: '2/5', first_response: '0/0', follow_up: '4/6', resolution: '5/5', rating: 3.6667, redFlags: 0, reopened: '0/5', misrouted: 0, score: 74.81, band: 'kurang' });
    // Echelon III heads (lurah, kepala suku dinas) are outside the default rule (echelon I–II): no deduction.
    expect([row(r, K).deductionPercent, row(r, K).covered, row(r, K).headEselon]).toEqual([null, false, 'III.b']);
    // A unit without a case this month scores "no data" (100) and loses nothing.
    expect(row(r, 'pd-bina-marga')).toMatchObject({ covered: true, deductionPercent: 0, score: { score: 100, band: 'baik' } });
  });

  it('applies a configured rule: echelon III added, the deduction follows the band', async () => {
    await putSetting(t.ctx.database.db, TKD_CONFIG_KEY, JSON.stringify({ eselonScope: ['I', 'II', 'III'] }));
    try {
      const r = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
      expect([K, S, L].map((a) => row(r, a).deductionPercent)).toEqual([10, 5, 5]);
    } finally {
      await t.ctx.database.db.deleteFrom('settings').where('key', '=', TKD_CONFIG_KEY).execute();
    }
  });

  it('computes the performance figures per agency: times in working hours, backlog by age, misroutes', async () => {
    const r = await performanceReport(t.ctx, FULL_SCOPE, { month: MONTH, by: 'agency', withIds: true });
    const f = (agencyId: string) => figuresJson(r.groups.find((g) => g.key === agencyId)!, true);
    // Without case ids the backlog is counted in SQL: the same counts.
    const summary = performanceJson(await performanceReport(t.ctx, FULL_SCOPE, { month: MONTH, by: 'agency' }));
    for (const agencyId of [K, S, L]) {
      const counted = summary.groups.find((g) => g.key === agencyId)!.backlog;
      expect(counted).toEqual({ ...f(agencyId).backlog, buckets: f(agencyId).backlog.buckets.map(({ case_ids: _ids, ...b }) => b) });
    }
    const k = f(K);
    expect([k.response_time_working_hours.median, k.response_time_working_hours.p90, k.response_time_working_hours.n]).toEqual([2, 41, 7]);
    expect([k.resolution_time_working_hours.median, k.resolution_time_working_hours.p90, k.resolution_time_working_hours.n]).toEqual([10, 50, 4]);
    expect(k.resolution_time_working_hours.p90_case_id).toBe(c.K7.id);
    expect(k.received.case_ids).toEqual(ids('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9'));
    expect(k.red_flags.case_ids).toEqual(ids('K3', 'K8', 'K10'));
    expect(k.backlog.total).toBe(4);
    expect(Object.fromEntries(k.backlog.buckets.map((b) => [b.label, b.case_ids]))).toEqual({
      '0–3 d': [], '3–7 d': ids('K9'), '7–14 d': [], '14–30 d': ids('K3', 'K8'), '30–60 d': ids('K10'), '60+ d': [],
    });
    const s = f(S);
    expect([s.response_time_working_hours.median, s.response_time_working_hours.p90, s.resolution_time_working_hours.median, s.resolution_time_working_hours.p90]).toEqual([5, 57, 18, 63]);
    expect(s.misrouted.case_ids).toEqual(ids('S5'));
    expect([s.reopen_rate.reopened, s.reopen_rate.resolved, s.backlog.total]).toEqual([1, 4, 1]);
    expect(s.received.case_ids).toEqual(ids('S1', 'S2', 'S3', 'S4', 'S5', 'K6'));
    const l = f(L);
    expect([l.response_time_working_hours.median, l.response_time_working_hours.p90, l.resolution_time_working_hours.median, l.resolution_time_working_hours.p90]).toEqual([1, 65, 16, 68]);
    expect(Object.fromEntries(l.backlog.buckets.filter((b) => b.count > 0).map((b) => [b.label, b.case_ids]))).toEqual({ '7–14 d': ids('L4'), '14–30 d': ids('L3') });
    expect(l.on_time.verification.counted_case_ids).toEqual(ids('L1', 'L2', 'L3', 'L5', 'L6'));
  });

  it('counts each case once per channel and per kelurahan', async () => {
    const byChannel = await performanceReport(t.ctx, FULL_SCOPE, { month: MONTH, by: 'channel' });
    expect(Object.fromEntries(byChannel.groups.map((g) => [g.key, g.received.value]))).toEqual({ jaki: 9, sms: 5, web: 6 });
    const byArea = await performanceReport(t.ctx, FULL_SCOPE, { month: MONTH, by: 'kelurahan' });
    expect(Object.fromEntries(byArea.groups.map((g) => [g.key, g.received.value]))).toEqual({ '31.71.01.1001': 14, '31.71.01.1002': 6 });
    // Open at the end of July, as the citizen sees it: K10, K3, K8, K9, S4 in Gambir; L3, L4 in Cideng.
    expect(Object.fromEntries([...byArea.backlog!].map(([k, b]) => [k, b.total]))).toEqual({ '31.71.01.1001': 5, '31.71.01.1002': 2 });
    const withIds = await performanceReport(t.ctx, FULL_SCOPE, { month: MONTH, by: 'kelurahan', withIds: true });
    expect(Object.fromEntries(withIds.groups.map((g) => [g.key, g.backlog.total.value]))).toEqual({ '31.71.01.1001': 5, '31.71.01.1002': 2 });
    // The case as the citizen saw it: S5 was followed up by handing it on (met), and settled by L in time.
    const sms = byChannel.groups.find((g) => g.key === 'sms')!;
    expect(sms.redFlags.caseIds.map(Number).sort((a, b) => a - b)).toEqual(ids('S2', 'S4'));
  });

  it('lists in the drill-down exactly the cases behind every figure (count = figure), for every agency', async () => {
    const report = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    for (const agencyId of [K, S, L]) {
      const drill = await tkdDrilldown(t.ctx, FULL_SCOPE, { month: MONTH, agencyId });
      const ratingSum = drill.cases.reduce((sum, x) => sum + (x.received ? (x.rating ?? 0) : 0), 0);
      expect(tallyOfFigures(drill.figures, ratingSum)).toEqual(row(report, agencyId).tally);
      expect([drill.score.score, drill.score.band]).toEqual([row(report, agencyId).score.score, row(report, agencyId).score.band]);
      expect(drill.cases.filter((x) => x.received === 1)).toHaveLength(drill.figures.received.value);
      expect(drill.cases.filter((x) => x.redFlag === 1)).toHaveLength(drill.figures.redFlags.value);
    }
  });

  it('recomputes the scores when a reviewer accepts appeals (and not for pending or rejected ones)', async () => {
    const exclude = await fileAppeal(t.ctx, head(L, 9201), { caseRef: c.L5.id, remedy: 'exclude', reason: 'Pelapor belum melengkapi berkas; keterlambatan bukan dari kami' });
    const move = await fileAppeal(t.ctx, head(L, 9201), { caseRef: c.L6.ticket, remedy: 'reattribute', toAgencyId: K, reason: 'Surat keterangan domisili: urusan kelurahan' });
    const rejected = await fileAppeal(t.ctx, head(S, 9202), { caseRef: c.S2.id, remedy: 'exclude', reason: 'Petugas sedang operasi gabungan' });
    await expect(fileAppeal(t.ctx, head(S, 9202), { caseRef: c.L1.id, remedy: 'exclude', reason: 'x' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(fileAppeal(t.ctx, head(L, 9201), { caseRef: c.L5.id, remedy: 'exclude', reason: 'lagi' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(decideAppeal(t.ctx, head(L, 9201), { appealId: exclude.id, decision: 'accepted' })).rejects.toMatchObject({ code: 'forbidden' });
    const pending = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    expect([row(pending, K).score.score, row(pending, S).score.score, row(pending, L).score.score]).toEqual([54.44, 65.88, 74.81]);

    await decideAppeal(t.ctx, monitor, { appealId: rejected.id, decision: 'rejected', note: 'Tidak ada bukti' });
    await decideAppeal(t.ctx, monitor, { appealId: exclude.id, decision: 'accepted', note: 'Berkas terbukti belum lengkap' });
    await decideAppeal(t.ctx, monitor, { appealId: move.id, decision: 'accepted' });
    await expect(decideAppeal(t.ctx, monitor, { appealId: move.id, decision: 'rejected' })).rejects.toMatchObject({ code: 'conflict' });
    const r = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    expect(counts(r, L)).toMatchObject({ received: 5, verification: '1/3', follow_up: '3/4', resolution: '3/3', rating: 3, score: 75.93, band: 'cukup' });
    expect(counts(r, K)).toMatchObject({ received: 10, verification: '7/10', follow_up: '5/9', resolution: '5/5', rating: 3.75, redFlags: 3, score: 58.44, band: 'buruk' });
    expect(counts(r, S).score).toBe(65.88);
    for (const agencyId of [K, L]) {
      const drill = await tkdDrilldown(t.ctx, FULL_SCOPE, { month: MONTH, agencyId });
      const ratingSum = drill.cases.reduce((sum, x) => sum + (x.received ? (x.rating ?? 0) : 0), 0);
      expect(tallyOfFigures(drill.figures, ratingSum)).toEqual(row(r, agencyId).tally);
    }
    const drillK = await tkdDrilldown(t.ctx, FULL_SCOPE, { month: MONTH, agencyId: K });
    expect(drillK.cases.find((x) => Number(x.caseId) === c.L6.id)).toMatchObject({ appealed: 'reattributed', rating: 5 });
    const events = await t.ctx.database.db.selectFrom('events').select('action').where('case_id', '=', c.L6.id).where('action', 'like', 'tkd.%').execute();
    expect(events.map((e) => e.action)).toEqual(['tkd.appeal_filed', 'tkd.appeal_decided']);
  });

  it('seals a finalized month; later changes appear as adjustments, and an edited snapshot is detected', async () => {
    await expect(finalizeMonth(t.ctx, { month: '2025-08', by: 'user:1' })).rejects.toMatchObject({ code: 'validation_failed' });
    const sealed = await finalizeMonth(t.ctx, { month: MONTH, by: 'user:1' });
    expect(sealed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(finalizeMonth(t.ctx, { month: MONTH, by: 'user:1' })).rejects.toMatchObject({ code: 'conflict' });
    const atSeal = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    expect(atSeal.status).toBe('finalized');
    expect(atSeal.finalized).toMatchObject({ intact: true, adjustments: [] });
    expect(counts(atSeal, K)).toMatchObject({ received: 10, score: 58.44 });

    // After the seal: K9 is resolved and rated 1 (its rating now counts), K3 is finally started (overdue → missed).
    await d.act('2025-08-21 09:00', c.K9.id, 'resolve', officer(K), { publicNote: 'Selesai' });
    await d.rate('2025-08-21 10:00', c.K9.ticket, c.K9.accessCode, 1);
    await d.act('2025-08-21 11:00', c.K3.id, 'start', officer(K));
    const later = await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH });
    expect(counts(later, K)).toMatchObject({ received: 10, resolution: '5/5', rating: 3.75, score: 58.44 });
    const adj = later.finalized!.adjustments;
    expect(adj.map((a) => [Number(a.caseId), a.agencyId]).sort()).toEqual([[c.K3.id, K], [c.K9.id, K]].sort());
    const k9 = adj.find((a) => Number(a.caseId) === c.K9.id)!;
    expect([k9.before?.rating, k9.after?.rating, k9.before?.targets.resolution, k9.after?.targets.resolution]).toEqual([null, 1, undefined, 'met']);
    expect(adj.find((a) => Number(a.caseId) === c.K3.id)!.after?.targets.verification).toBe('missed');
    const adjustedK = later.finalized!.adjusted.find((a) => a.agencyId === K)!;
    // Rating (5 + 3 + 2 + 5 + 1) / 5 = 3.2 → 5.5 points; settlement 6/6: 100 × (7 + 22.22 + 30 + 5.5) / 90 − 15 = 56.91.
    expect([adjustedK.tally.rated, adjustedK.score.score]).toEqual([5, 56.91]);

    await t.ctx.database.db.updateTable('tkd_snapshot_lines').set({ line: '{"tampered":true}' }).where('case_id', '=', c.K1.id).execute();
    expect((await tkdReport(t.ctx, FULL_SCOPE, { month: MONTH })).finalized!.intact).toBe(false);
  });

  it('exports the report as CSV, XLSX and a PDF to sign', async () => {
    const csv = await renderTkd(t.ctx, FULL_SCOPE, { month: MONTH, format: 'csv' });
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0].split(',').slice(0, 8)).toEqual(['month', 'status', 'agency_id', 'agency_name', 'head_title', 'head_eselon', 'covered', 'received']);
    expect(lines.find((l) => l.includes(`,${K},`))).toContain(',58.44,buruk,');
    const xlsx = await renderTkd(t.ctx, FULL_SCOPE, { month: MONTH, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([`TKD ${MONTH}`, 'Aturan', 'Penyesuaian']);
    expect(wb.worksheets[0].rowCount).toBe(lines.length);
    const pdf = await renderTkd(t.ctx, FULL_SCOPE, { month: MONTH, format: 'pdf', agencyId: K });
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.contentType).toBe('application/pdf');
    const json = JSON.parse(String((await renderTkd(t.ctx, FULL_SCOPE, { month: MONTH, format: 'json', agencyId: K })).body));
    expect(json.agencies.map((a: { agency_id: string }) => a.agency_id)).toEqual([K]);
    expect(json.drilldown.cases.length).toBeGreaterThanOrEqual(11);
    void FIXTURE_AS_OF;
  });
});
