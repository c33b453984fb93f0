/**
 * Benchmark: the public statistics, map and boundaries answers on a large SQLite database (default 200,000 cases
 * over three years, with their SLA outcome rows), computed afresh (no cache), beside a plain full scan of the
 * case table in the same run. The public pages answer anyone without a login, so a short period must cost next to
 * nothing and a long one no more than a few scans.
 *
 * Run: npm run bench:public   (BENCH_CASES=50000 for a quicker run)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { pino } from 'pino';
import { loadConfig } from '../src/config/config.js';
import { bootstrap } from '../src/services/bootstrap.js';
import { publicAreas, publicMap, publicStats } from '../src/services/public/public-stats.js';

const TOTAL = Number(process.env.BENCH_CASES ?? 200_000);
const NOW = new Date('2026-11-23T03:00:00Z');
const START = Date.parse('2023-11-24T00:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-bench-public-'));

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

/** Bulk load straight into the file the product created (its schema, indexes and reference data). */
function generate(categories: string[], areas: string[], agencies: string[]): void {
  const raw = new SqliteDatabase(path.join(dir, 'cepat.sqlite'));
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  const insCase = raw.prepare(
    `INSERT INTO cases (id, ticket, access_code_hash, description, search_text, status, channel, category_code, area_code, lat, lng, agency_id, is_public, received_at, created_at, updated_at)
     VALUES (?, ?, 'x', 'laporan', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insOutcome = raw.prepare(
    `INSERT INTO sla_outcomes (case_id, scope, agency_id, month, received_at, channel, area_code, held, held_from, res_status, res_due, resolution_ms, reopened, rated, policy_id, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, 0, 0, 'jakarta-default', ?)`,
  );
  const statuses = ['menunggu', 'disposisi', 'proses', 'selesai', 'selesai', 'ditutup', 'ditutup', 'ditolak', 'digabung'];
  const channels = ['jaki', 'qlue', 'web', 'sms', 'email', 'lapor', 'walkin'];
  const span = NOW.getTime() - START;
  raw.transaction(() => {
    for (let id = 1; id <= TOTAL; id++) {
      const at = new Date(START + Math.floor(rnd() * span)).toISOString();
      const status = pick(statuses);
      const agency = pick(agencies);
      const mapped = rnd() < 0.6;
      insCase.run(id, `B-${id}`, status, pick(channels), pick(categories), pick(areas), mapped ? -6.3 + rnd() * 0.2 : null, mapped ? 106.7 + rnd() * 0.25 : null, agency, rnd() < 0.95 ? 1 : 0, at, at, at);
      const resolved = status === 'selesai' || status === 'ditutup';
      for (const scope of ['case', 'agency']) {
        insOutcome.run(id, scope, agency, at.slice(0, 7), at, 'web', null, at, resolved ? (rnd() < 0.7 ? 'met' : 'missed') : 'pending', at, resolved ? Math.floor(rnd() * 40 * 3_600_000) : null, at);
      }
    }
  })();
  raw.close();
}

async function time<T>(label: string, fn: () => Promise<T>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)];
  console.log(`  ${label.padEnd(46)} ${median.toFixed(1).padStart(8)} ms`);
  return median;
}

async function main() {
  const env = { CEPAT_DATA_DIR: dir, CEPAT_ADMIN_PASSWORD: 'bench-password-1', CEPAT_LOG_LEVEL: 'silent', CEPAT_WORKERS: 'off', CEPAT_PUBLIC_CACHE_SECONDS: '0' };
  let ctx = await bootstrap(loadConfig(env), { log: pino({ level: 'silent' }), clock: () => NOW });
  const db0 = ctx.database.db;
  const categories = (await db0.selectFrom('categories').select('code').execute()).map((r) => r.code);
  const areas = (await db0.selectFrom('areas').select('code').where('level', '=', 'kelurahan').execute()).map((r) => r.code);
  const agencies = (await db0.selectFrom('agencies').select('id').execute()).map((r) => r.id);
  await ctx.database.close();
  const t0 = performance.now();
  generate(categories, areas, agencies);
  console.log(`Public statistics benchmark: ${TOTAL.toLocaleString('en')} cases over 3 years (+${(2 * TOTAL).toLocaleString('en')} SLA rows), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
  ctx = await bootstrap(loadConfig(env), { log: pino({ level: 'silent' }), clock: () => NOW });
  const { db } = ctx.database;

  const scan = await time('baseline: one full scan of cases (GROUP BY status)', () => sql`SELECT status, COUNT(*) FROM cases GROUP BY status`.execute(db));
  const year = await time('stats, last 12 months (default)', () => publicStats(ctx, {}));
  const all = await time('stats, 3 years (the longest period)', () => publicStats(ctx, { from: '2023-11-24', to: '2026-11-23' }));
  const day = await time('stats, 1 day', () => publicStats(ctx, { from: '2026-11-01', to: '2026-11-01' }));
  await time('map, last 12 months (5,000 newest points)', () => publicMap(ctx, {}));
  await time('map, 1 kota, open cases', () => publicMap(ctx, { area: '31.71', status: 'open' }));
  await time('boundaries with counts, kelurahan (none imported)', () => publicAreas(ctx, { level: 'kelurahan' }));
  console.log(`  ratio 12 months / full scan ${(year / scan).toFixed(2)}, 3 years / full scan ${(all / scan).toFixed(2)}, 1 day / full scan ${(day / scan).toFixed(3)}`);
  await ctx.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
