import { localMonthRange } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { areasWithPopulation, countByAreaAndChannel, setPopulations } from '../../store/report.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { parsePopulationCsv, type PopulationError } from './population-csv.js';
import { assertMonth } from './report-access.js';

/**
 * Channel reach: complaints per 10,000 residents by area and channel, so the city sees where awareness of its
 * channels is low (a BPS DKI survey found 40 % of residents knew at least one channel). Areas are sorted from
 * the lowest rate up; an area without a population figure has no rate. Population of a kecamatan or kota is
 * its own figure when imported, else the sum of its kelurahan.
 */
export type ReachLevel = 'kelurahan' | 'kecamatan' | 'kota';
const LEVEL_PARTS: Record<ReachLevel, number> = { kota: 2, kecamatan: 3, kelurahan: 4 };

export interface ReachRow {
  readonly code: string;
  readonly name: string;
  readonly population: number | null;
  readonly total: number;
  readonly per10k: number | null;
  readonly channels: Readonly<Record<string, { readonly count: number; readonly per10k: number | null }>>;
}

export interface ReachReport {
  readonly from: string;
  readonly to: string;
  readonly level: ReachLevel;
  readonly rows: readonly ReachRow[];
  /** Complaints whose place is unknown or coarser than the level, per channel. */
  readonly unlocated: Readonly<Record<string, number>>;
  readonly channels: readonly string[];
}

const per10k = (n: number, pop: number | null) => (pop && pop > 0 ? Math.round((n / pop) * 10_000 * 100) / 100 : null);

export async function reachReport(ctx: AppContext, input: { month?: string; from?: Date; to?: Date; level?: string }): Promise<ReachReport> {
  const level = (input.level ?? 'kelurahan') as ReachLevel;
  if (!(level in LEVEL_PARTS)) throw new DomainError('validation_failed', 'level: kelurahan, kecamatan atau kota', 'level: kelurahan, kecamatan or kota');
  const rt = await getSlaRuntime(ctx);
  let from = input.from;
  let to = input.to;
  if (input.month) {
    const r = localMonthRange(assertMonth(input.month), rt.utcOffsetMinutes)!;
    [from, to] = [new Date(r.from), new Date(r.to)];
  }
  if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new DomainError('validation_failed', 'Berikan bulan, atau rentang dari–sampai yang valid', 'Give a month, or a valid from–to range');
  }
  const db = ctx.database.db;
  const areas = await areasWithPopulation(db);
  const parts = LEVEL_PARTS[level];
  const kelurahanPop = new Map<string, number>();
  for (const a of areas) if (a.level === 'kelurahan' && a.population !== null) kelurahanPop.set(a.code, a.population);
  const populationOf = (code: string, own: number | null) => {
    if (own !== null) return own;
    if (level === 'kelurahan') return null;
    let sum = 0;
    let any = false;
    for (const [k, p] of kelurahanPop) if (k.startsWith(`${code}.`)) [sum, any] = [sum + p, true];
    return any ? sum : null;
  };
  const counts = new Map<string, Map<string, number>>();
  const unlocated: Record<string, number> = {};
  const channels = new Set<string>();
  for (const c of await countByAreaAndChannel(db, from.toISOString(), to.toISOString())) {
    channels.add(c.channel);
    const segs = c.area_code ? c.area_code.split('.') : [];
    if (segs.length < parts) {
      unlocated[c.channel] = (unlocated[c.channel] ?? 0) + c.n;
      continue;
    }
    const code = segs.slice(0, parts).join('.');
    const byChannel = counts.get(code) ?? new Map<string, number>();
    byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + c.n);
    counts.set(code, byChannel);
  }
  const rows = areas
    .filter((a) => a.level === level)
    .map((a): ReachRow => {
      const pop = populationOf(a.code, a.population);
      const byChannel = counts.get(a.code) ?? new Map<string, number>();
      const total = [...byChannel.values()].reduce((s, n) => s + n, 0);
      return {
        code: a.code,
        name: a.name,
        population: pop,
        total,
        per10k: per10k(total, pop),
        channels: Object.fromEntries([...byChannel].sort().map(([ch, n]) => [ch, { count: n, per10k: per10k(n, pop) }])),
      };
    })
    .sort((a, b) => (a.per10k ?? Infinity) - (b.per10k ?? Infinity) || (a.code < b.code ? -1 : 1));
  return { from: from.toISOString(), to: to.toISOString(), level, rows, unlocated, channels: [...channels].sort() };
}

/** Imports populations (all or nothing; unknown area codes are errors too). */
export async function importPopulation(ctx: AppContext, csv: string): Promise<{ ok: true; count: number } | { ok: false; errors: PopulationError[] }> {
  const parsed = parsePopulationCsv(csv);
  const known = new Set((await areasWithPopulation(ctx.database.db)).map((a) => a.code));
  const errors = [...parsed.errors, ...parsed.rows.filter((r) => !known.has(r.code)).map((r) => ({ line: r.line, message: `unknown area code ${r.code}` }))].sort((a, b) => a.line - b.line);
  if (errors.length > 0) return { ok: false, errors };
  await inTransaction(ctx.database, (trx) => setPopulations(trx, parsed.rows));
  return { ok: true, count: parsed.rows.length };
}
