/**
 * Benchmark (issue 5, Proof): the monthly TKD report for every agency with 5,000,000 cases in a SQLite
 * database, printed beside a naive full-scan query of the same figures in the same run. Goal: ≤ 1 s.
 *
 * The database is generated once (bulk inserts in a few large transactions: cases, their per-agency and
 * per-case outcome rows, ratings, misroutes and accepted appeals) under the OS temp dir and reused while its
 * row count matches. Run: npx tsx bench/reports.ts   (BENCH_CASES=500000 for a quicker, smaller run;
 * BENCH_REGENERATE=1 to rebuild.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { pino } from 'pino';
import { loadConfig } from '../src/config/config.js';
import { bootstrap } from '../src/services/bootstrap.js';
import { performanceReport } from '../src/services/reports/performance-report.js';
import { FULL_SCOPE } from '../src/services/reports/report-access.js';
import { tkdDrilldown } from '../src/services/reports/tkd-drilldown.js';
import { tkdReport } from '../src/services/reports/tkd-report.js';

const TOTAL = Number(process.env.BENCH_CASES ?? 5_000_000);
const MONTHS = 48; // 2022-01 … 2025-12
const REPORT_MONTH = '2025-06';
const dir = path.join(os.tmpdir(), `cepat-bench-reports-${TOTAL}`);
const file = path.join(dir, 'cepat.sqlite');

let seed = 20250601;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
const HOUR = 3_600_000;
const DAY = 86_400_000;
const fmtMs = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

function monthOf(i: number): { name: string; start: number } {
  const m = Math.floor((i * MONTHS) / TOTAL);
  const year = 2022 + Math.floor(m / 12);
  const month = (m % 12) + 1;
  return { name: `${year}-${String(month).padStart(2, '0')}`, start: Date.UTC(year, month - 1, 1) };
}

function generate(agencies: string[], areas: string[]): void {
  const raw = new SqliteDatabase(file);
  // Bulk load: no journal, no fsync, no foreign-key checks; secondary indexes and the full-text trigger are
  // dropped and rebuilt afterwards (a sorted index build beats millions of random B-tree inserts).
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  raw.pragma('cache_size = -524288');
  const tables = ['cases', 'sla_outcomes', 'ratings', 'sla_misroutes'];
  const saved = raw
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${tables.map(() => '?').join(',')}) AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .all(...tables) as { type: string; name: string; sql: string }[];
  for (const o of saved) raw.exec(`DROP ${o.type.toUpperCase()} "${o.name}"`);
  const insCase = raw.prepare(
    `INSERT INTO cases (id, ticket, access_code_hash, description, search_text, status, channel, area_code, agency_id, received_at, created_at, updated_at)
     VALUES (?, ?, 'x', 'laporan', '', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insOutcome = raw.prepare(
    `INSERT INTO sla_outcomes (case_id, scope, agency_id, month, received_at, channel, area_code, held, held_from, held_to,
       ver_status, ver_due, resp_status, resp_due, fu_status, fu_due, res_status, res_due, response_ms, resolution_ms,
       resolved_at, red_flag_at, red_flag_month, reopened, rated, policy_id, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'jakarta-default', ?)`,
  );
  const insRating = raw.prepare('INSERT INTO ratings (case_id, score, comment, created_at) VALUES (?, ?, NULL, ?)');
  const insMisroute = raw.prepare('INSERT INTO sla_misroutes (case_id, holding_index, charged_to, held_by, from_at, to_at, month, working_ms) VALUES (?, 1, ?, ?, ?, ?, ?, ?)');
  const channels = ['jaki', 'jaki', 'jaki', 'qlue', 'web', 'sms', 'email', 'lapor', 'walkin', 'twitter'];
  const statusOf = (r: number) => (r < 0.8 ? 'met' : r < 0.95 ? 'missed' : 'pending');
  const iso = (ms: number) => new Date(ms).toISOString();
  const chunk = 250_000;
  const t0 = performance.now();
  for (let from = 1; from <= TOTAL; from += chunk) {
    raw.transaction(() => {
      for (let id = from; id < Math.min(from + chunk, TOTAL + 1); id++) {
        const m = monthOf(id - 1);
        const received = m.start + Math.floor(rnd() * 27) * DAY + (1 + Math.floor(rnd() * 9)) * HOUR;
        const agency = pick(agencies);
        const channel = pick(channels);
        const area = rnd() < 0.8 ? pick(areas) : null;
        const ver = statusOf(rnd());
        const fu = statusOf(rnd() * 1.05);
        const res = rnd() < 0.8 ? 'met' : rnd() < 0.5 ? 'missed' : 'pending';
        const resolvedAt = res === 'pending' ? null : received + (1 + Math.floor(rnd() * 20)) * DAY;
        const flag = fu !== 'met' && rnd() < 0.4 ? received + 8 * DAY : null;
        const open = resolvedAt === null;
        insCase.run(id, `B-${id}`, open ? 'proses' : 'ditutup', channel, area, agency, iso(received), iso(received), iso(resolvedAt ?? received));
        const held = JSON.stringify([[iso(received), resolvedAt === null ? null : iso(resolvedAt)]]);
        const values = (scope: string, ag: string) => [
          id, scope, ag, m.name, iso(received), channel, area, held, iso(received), resolvedAt === null ? null : iso(resolvedAt),
          ver, iso(received + 3 * DAY), fu, iso(received + 8 * DAY), res, iso(received + 60 * DAY),
          Math.floor(rnd() * 40 * HOUR), resolvedAt === null ? null : Math.floor(rnd() * 160 * HOUR), resolvedAt === null ? null : iso(resolvedAt),
          flag === null ? null : iso(flag), flag === null ? null : new Date(flag + 7 * HOUR).toISOString().slice(0, 7),
          rnd() < 0.03 && resolvedAt !== null ? 1 : 0, resolvedAt === null ? 0 : 1, iso(received),
        ];
        insOutcome.run(...values('agency', agency));
        insOutcome.run(...values('case', agency));
        if (rnd() < 0.12) {
          let second = pick(agencies);
          while (second === agency) second = pick(agencies);
          insOutcome.run(...values('agency', second).map((v, i) => (i === 10 ? 'met' : v)));
        }
        if (resolvedAt !== null && rnd() < 0.3) insRating.run(id, 1 + Math.floor(rnd() * 5), iso(resolvedAt + HOUR));
        if (rnd() < 0.02) insMisroute.run(id, pick(agencies), agency, iso(received), iso(received + DAY), m.name, 8 * HOUR);
      }
    })();
    process.stderr.write(`\rgenerated ${Math.min(from + chunk - 1, TOTAL).toLocaleString('en-US')} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // A few hundred accepted appeals in the reported month: the report replays these cases through applyAppeals.
  const monthCases = raw.prepare("SELECT case_id, agency_id FROM sla_outcomes WHERE month = ? AND scope = 'agency' LIMIT 300").all(REPORT_MONTH) as { case_id: number; agency_id: string }[];
  const insAppeal = raw.prepare("INSERT INTO tkd_appeals (case_id, agency_id, remedy, to_agency_id, reason, status, filed_by, filed_at, decided_by, decided_at, decision_note) VALUES (?, ?, ?, ?, 'bench', 'accepted', 'user:1', ?, 'user:2', ?, NULL)");
  raw.transaction(() => {
    monthCases.forEach((c, i) => insAppeal.run(c.case_id, c.agency_id, i % 2 ? 'exclude' : 'reattribute', i % 2 ? null : pick(agencies), iso(Date.now()), iso(Date.now())));
  })();
  process.stderr.write(`\nrows in ${((performance.now() - t0) / 1000).toFixed(1)} s; rebuilding ${saved.length} indexes and triggers…\n`);
  for (const o of saved) raw.exec(o.sql);
  raw.exec("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')");
  raw.prepare("INSERT INTO settings (key, value) VALUES ('bench_cases', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(TOTAL));
  raw.exec('ANALYZE');
  raw.pragma('journal_mode = WAL');
  raw.close();
  process.stderr.write(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** The same per-agency figures with the month's index unused (`+month`): every outcome row is read. */
function naive(raw: SqliteDatabase.Database, month: string, asOf: string): number {
  const decided = (p: string) => `SUM(CASE WHEN ${p}_status IN ('met','missed','overdue') OR (${p}_status = 'pending' AND ${p}_due < @asOf) THEN 1 ELSE 0 END), SUM(CASE WHEN ${p}_status = 'met' THEN 1 ELSE 0 END)`;
  const cohort = raw
    .prepare(
      `SELECT agency_id, COUNT(*), ${['ver', 'resp', 'fu', 'res'].map(decided).join(', ')},
         SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END), COUNT(rating), SUM(rating)
       FROM (SELECT o.*, CASE WHEN o.rated = 1 THEN (SELECT r.score FROM ratings r WHERE r.case_id = o.case_id ORDER BY r.id DESC LIMIT 1) END AS rating
             FROM sla_outcomes o WHERE +o.month = @month AND o.scope = 'agency') GROUP BY agency_id`,
    )
    .all({ month, asOf });
  const flags = raw.prepare("SELECT agency_id, COUNT(*) FROM sla_outcomes WHERE +red_flag_month = @month AND scope = 'agency' AND red_flag_at < @asOf GROUP BY agency_id").all({ month, asOf });
  return cohort.length + flags.length;
}

async function time<T>(fn: () => Promise<T> | T, runs: number): Promise<{ first: number; median: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], result };
}

async function main() {
  if (process.env.BENCH_REGENERATE) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = { CEPAT_DATA_DIR: dir, CEPAT_ADMIN_PASSWORD: 'bench-password-1', CEPAT_LOG_LEVEL: 'silent', CEPAT_WORKERS: 'off' };
  let ctx = await bootstrap(loadConfig(env), { log: pino({ level: 'silent' }), clock: () => new Date('2025-08-15T03:00:00Z') });
  const have = await ctx.database.db.selectFrom('settings').select('value').where('key', '=', 'bench_cases').executeTakeFirst();
  if (have?.value !== String(TOTAL)) {
    await ctx.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    ctx = await bootstrap(loadConfig(env), { log: pino({ level: 'silent' }) });
    const agencies = (await ctx.database.db.selectFrom('agencies').select('id').execute()).map((a) => a.id);
    const areas = (await ctx.database.db.selectFrom('areas').select('code').where('level', '=', 'kelurahan').execute()).map((a) => a.code);
    await ctx.database.close();
    generate(agencies, areas);
    ctx = await bootstrap(loadConfig(env), { log: pino({ level: 'silent' }), clock: () => new Date('2025-08-15T03:00:00Z') });
  }
  const { db } = ctx.database;
  const count = async (table: 'cases' | 'sla_outcomes' | 'ratings') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [cases, outcomes, ratings] = [await count('cases'), await count('sla_outcomes'), await count('ratings')];
  const monthRows = Number((await db.selectFrom('sla_outcomes').select((eb) => eb.fn.countAll<number>().as('n')).where('month', '=', REPORT_MONTH).where('scope', '=', 'agency').executeTakeFirstOrThrow()).n);
  console.log(`Reports benchmark: ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}, ${file} (${(fs.statSync(file).size / 1e9).toFixed(2)} GB)`);
  console.log(`${cases.toLocaleString('en-US')} cases, ${outcomes.toLocaleString('en-US')} outcome rows, ${ratings.toLocaleString('en-US')} ratings; ${REPORT_MONTH}: ${monthRows.toLocaleString('en-US')} agency rows`);

  const asOf = new Date('2025-08-15T03:00:00Z');
  const report = await time(() => tkdReport(ctx, FULL_SCOPE, { month: REPORT_MONTH, asOf }), 5);
  const raw = new SqliteDatabase(file, { readonly: true });
  const baseline = await time(() => naive(raw, REPORT_MONTH, asOf.toISOString()), 1);
  raw.close();
  const busiest = [...report.result.agencies].sort((a, b) => b.tally.received - a.tally.received)[0];
  const drill = await time(() => tkdDrilldown(ctx, FULL_SCOPE, { month: REPORT_MONTH, agencyId: busiest.agencyId, asOf }), 3);
  const perf = await time(() => performanceReport(ctx, FULL_SCOPE, { month: REPORT_MONTH, asOf }), 1);

  const r = report.result;
  const received = r.agencies.reduce((s, a) => s + a.tally.received, 0);
  console.log(`\nTKD report ${REPORT_MONTH}, every agency (${r.agencies.length} heads, ${received.toLocaleString('en-US')} cases counted, appeals applied):`);
  console.log(`  indexed aggregation (product)   first ${fmtMs(report.first)}   median of 5 ${fmtMs(report.median)}   goal ≤ 1000 ms: ${report.median <= 1000 ? 'MET' : 'NOT MET'}`);
  console.log(`  naive full scan (baseline)      first ${fmtMs(baseline.first)}                          ratio ${(baseline.median / report.median).toFixed(1)}× slower`);
  console.log(`  drill-down, busiest agency (${busiest.agencyId}, ${busiest.tally.received} cases)   median ${fmtMs(drill.median)}`);
  console.log(`  performance report, every agency (pure figures with percentiles and backlog)   ${fmtMs(perf.median)}`);
  await ctx.database.close();
}

await main();
