import { OPEN_STATUSES, STATUS_LABELS, type Status } from '../../domain/case/status.js';
import { formatIsoDate, localDayIndex, localDayStart, localMonthOf, parseIsoDate } from '../../domain/calendar/index.js';
import { DomainError } from '../../domain/errors.js';
import { decodeAreaGeometry } from '../../domain/geo/geometry-codec.js';
import {
  areaShapes,
  countByTime,
  countFine,
  mapCases,
  resolutionOnTime,
  resolutionTimes,
  type Range,
  type StatusSums,
} from '../../store/public-stats.repository.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime, type SlaRuntime } from '../sla/sla-runtime.js';
import { cachedPublic } from './public-cache.js';
import { areasVersion } from '../../store/triage.repository.js';

/**
 * Public statistics and map: what any resident may see about how the city handles complaints, without logging
 * in. Only counts, shares and times, and for the map a public case's ticket, category, status, place and day; never
 * a reporter, a contact, a text or an address (free text often names the reporter or their house). The point is
 * the one Open311 already publishes for the same case: it places the problem, not the person.
 */

/** The longest period the public pages summarise in one answer, so a query stays cheap. */
const MAX_DAYS = 3 * 366;
const MAP_MAX_POINTS = 5000;

export interface PeriodInput {
  from?: string;
  to?: string;
}

export interface Period {
  /** First local day (YYYY-MM-DD). */
  from: string;
  /** Last local day, inclusive. */
  to: string;
  range: Range;
}

/** A period of whole local days; by default the last twelve months (the current one included) up to today. */
export function resolvePeriod(input: PeriodInput, utcOffsetMinutes: number, now: Date): Period {
  const today = localDayIndex(now.getTime(), utcOffsetMinutes);
  const parse = (text: string | undefined, name: string) => {
    if (text === undefined) return undefined;
    const day = parseIsoDate(text);
    if (day === null) throw new DomainError('validation_failed', `${name}: tanggal YYYY-MM-DD tidak valid`, `${name}: invalid date, expected YYYY-MM-DD`);
    if (day < 0) throw new DomainError('validation_failed', `${name}: tanggal sebelum 1970 tidak didukung`, `${name}: dates before 1970 are not supported`);
    return day;
  };
  const to = parse(input.to, 'to') ?? today;
  const thisMonth = localMonthOf(localDayStart(to, utcOffsetMinutes), utcOffsetMinutes);
  const [y, m] = thisMonth.split('-').map(Number);
  const yearAgo = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  const from = parse(input.from, 'from') ?? parseIsoDate(yearAgo)!;
  if (from > to) throw new DomainError('validation_failed', 'from harus sebelum atau sama dengan to', 'from must be on or before to');
  if (to - from + 1 > MAX_DAYS) throw new DomainError('validation_failed', `Rentang paling panjang ${MAX_DAYS} hari`, `The period may span at most ${MAX_DAYS} days`);
  return {
    from: formatIsoDate(from),
    to: formatIsoDate(to),
    range: { from: new Date(localDayStart(from, utcOffsetMinutes)).toISOString(), to: new Date(localDayStart(to + 1, utcOffsetMinutes)).toISOString() },
  };
}

export interface CountRow {
  received: number;
  open: number;
  resolved: number;
  rejected: number;
  merged: number;
}

const counts = (r: StatusSums | undefined): CountRow => ({
  received: r?.received ?? 0,
  open: r?.open ?? 0,
  resolved: r?.resolved ?? 0,
  rejected: r?.rejected ?? 0,
  merged: r?.merged ?? 0,
});
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export interface PublicStats {
  period: { from: string; to: string };
  generated_at: string;
  totals: CountRow & {
    resolved_on_time_share: number | null;
    median_resolution_working_hours: number | null;
    /** The office day of the calendar the hours are counted on, so a reader can turn hours into working days. */
    working_hours_per_day: number;
  };
  by_month: (CountRow & { month: string })[];
  by_category: (CountRow & { code: string | null; name_id: string | null; name_en: string | null })[];
  by_kota: (CountRow & { code: string | null; name: string | null })[];
  by_channel: (CountRow & { channel: string })[];
  by_agency: (CountRow & { id: string; name: string; resolved_on_time_share: number | null; resolution_decided: number })[];
}

/** How long a public answer is reused (CEPAT_PUBLIC_CACHE_SECONDS). */
const ttl = (ctx: AppContext) => ctx.config.publicCacheSeconds * 1000;

export async function publicStats(ctx: AppContext, input: PeriodInput, now = ctx.clock()): Promise<PublicStats> {
  const rt = await getSlaRuntime(ctx);
  const period = resolvePeriod(input, rt.utcOffsetMinutes, now);
  return cachedPublic(ctx, `stats:${period.from}:${period.to}`, ttl(ctx), () => computeStats(ctx, period, rt, now));
}

async function computeStats(ctx: AppContext, period: Period, rt: SlaRuntime, now: Date): Promise<PublicStats> {
  const db = ctx.database.db;
  const { utcOffsetMinutes } = rt;
  const nowIso = now.toISOString();
  // Whole-hour offsets (all of Indonesia's) need counts per UTC hour to split local months exactly.
  const keyLength = utcOffsetMinutes % 60 === 0 ? 13 : 16;
  const [fine, byTime, onTime, times, categories, areas, agencies] = await Promise.all([
    countFine(db, period.range, OPEN_STATUSES),
    countByTime(db, period.range, OPEN_STATUSES, keyLength),
    resolutionOnTime(db, period.range, nowIso),
    resolutionTimes(db, period.range),
    db.selectFrom('categories').select(['code', 'name_id', 'name_en']).execute(),
    db.selectFrom('areas').select(['code', 'name']).where('level', '=', 'kota').execute(),
    db.selectFrom('agencies').select(['id', 'name']).execute(),
  ]);

  const totals = counts(undefined);
  const byCategory = new Map<string | null, CountRow>();
  const byKota = new Map<string | null, CountRow>();
  const byChannel = new Map<string, CountRow>();
  const byAgency = new Map<string, CountRow>();
  for (const row of fine) {
    addCounts(totals, row);
    addCounts(group(byCategory, row.category_code), row);
    addCounts(group(byKota, row.area_code ? row.area_code.split('.').slice(0, 2).join('.') : null), row);
    addCounts(group(byChannel, row.channel), row);
    if (row.agency_id !== null) addCounts(group(byAgency, row.agency_id), row);
  }
  const byMonth = new Map(monthsOf(period, utcOffsetMinutes).map((m) => [m, counts(undefined)]));
  for (const row of byTime) {
    const instant = Date.parse(`${row.at}${keyLength === 13 ? ':00' : ''}:00.000Z`);
    const month = byMonth.get(localMonthOf(instant, utcOffsetMinutes));
    if (month) addCounts(month, row);
  }

  const categoryName = new Map(categories.map((c) => [c.code, c]));
  const kotaName = new Map(areas.map((a) => [a.code, a.name]));
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const onTimeAgency = new Map(onTime.filter((r) => r.scope === 'agency').map((r) => [r.agency_id, r]));
  const caseRows = onTime.filter((r) => r.scope === 'case');
  const caseOnTime = caseRows.length ? { decided: caseRows.reduce((n, r) => n + r.decided, 0), met: caseRows.reduce((n, r) => n + r.met, 0) } : undefined;
  const median = medianOf(times);
  const byReceived = <T extends { received: number }>(a: T, b: T) => b.received - a.received;

  return {
    period: { from: period.from, to: period.to },
    generated_at: nowIso,
    totals: {
      ...totals,
      resolved_on_time_share: caseOnTime ? share(caseOnTime.met, caseOnTime.decided) : null,
      median_resolution_working_hours: median === null ? null : Math.round((median / 3600_000) * 10) / 10,
      working_hours_per_day: rt.calendar.hoursPerDay,
    },
    by_month: [...byMonth].map(([month, c]) => ({ month, ...c })),
    by_category: [...byCategory]
      .map(([code, c]) => ({ code, name_id: code ? (categoryName.get(code)?.name_id ?? code) : null, name_en: code ? (categoryName.get(code)?.name_en ?? code) : null, ...c }))
      .sort(byReceived),
    by_kota: [...byKota].map(([code, c]) => ({ code, name: code ? (kotaName.get(code) ?? code) : null, ...c })).sort(byReceived),
    by_channel: [...byChannel].map(([channel, c]) => ({ channel, ...c })).sort(byReceived),
    by_agency: [...byAgency]
      .map(([id, c]) => {
        const t = onTimeAgency.get(id);
        return { id, name: agencyName.get(id) ?? id, ...c, resolution_decided: t?.decided ?? 0, resolved_on_time_share: t ? share(t.met, t.decided) : null };
      })
      .sort(byReceived),
  };
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const COUNT_KEYS = ['received', 'open', 'resolved', 'rejected', 'merged'] as const;
function addCounts(into: CountRow, row: CountRow): void {
  for (const k of COUNT_KEYS) into[k] += row[k];
}
function group<K>(map: Map<K, CountRow>, key: K): CountRow {
  let row = map.get(key);
  if (!row) map.set(key, (row = counts(undefined)));
  return row;
}

function monthsOf(period: Period, utcOffsetMinutes: number): string[] {
  const first = localMonthOf(Date.parse(period.range.from), utcOffsetMinutes);
  const last = localMonthOf(Date.parse(period.range.to) - 1, utcOffsetMinutes);
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export interface MapInput extends PeriodInput {
  category?: string;
  /** open | closed (Open311 terms) or a case status. */
  status?: string;
  /** A kota, kecamatan or kelurahan code: cases within it. */
  area?: string;
}

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { ticket: string; status: string; status_label: { id: string; en: string } | null; category: string | null; area: string | null; received_on: string; support_count: number };
}

export async function publicMap(ctx: AppContext, input: MapInput, now = ctx.clock()) {
  const rt = await getSlaRuntime(ctx);
  const period = resolvePeriod(input, rt.utcOffsetMinutes, now);
  let statuses: readonly string[] | undefined;
  if (input.status === 'open') statuses = OPEN_STATUSES;
  else if (input.status === 'closed') statuses = ['selesai', 'ditutup'];
  else if (input.status !== undefined) {
    if (!Object.hasOwn(STATUS_LABELS, input.status) || input.status === 'ditolak' || input.status === 'digabung') {
      throw new DomainError('validation_failed', 'status: open, closed atau status laporan yang tampil di peta', 'status: open, closed or a case status shown on the map');
    }
    statuses = [input.status];
  }
  const key = `map:${period.from}:${period.to}:${input.category ?? ''}:${input.status ?? ''}:${input.area ?? ''}`;
  const rows = await cachedPublic(ctx, key, ttl(ctx), () =>
    mapCases(ctx.database.db, { ...period.range, category: input.category, statuses, areaPrefix: input.area, limit: MAP_MAX_POINTS + 1 }),
  );
  const features: MapFeature[] = rows.slice(0, MAP_MAX_POINTS).map((r) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
    properties: {
      ticket: r.ticket,
      status: r.status,
      status_label: STATUS_LABELS[r.status as Status] ?? null,
      category: r.category_code,
      area: r.area_code,
      received_on: formatIsoDate(localDayIndex(Date.parse(r.received_at), rt.utcOffsetMinutes)),
      support_count: r.support_count,
    },
  }));
  return {
    type: 'FeatureCollection' as const,
    period: { from: period.from, to: period.to },
    truncated: rows.length > MAP_MAX_POINTS,
    features,
  };
}

export const AREA_LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
const LEVEL_PARTS: Record<AreaLevel, number> = { kota: 2, kecamatan: 3, kelurahan: 4 };

/**
 * The boundaries of one level with the period's counts in each area (a choropleth), as GeoJSON. Empty until the
 * deployment imports boundaries (`cepat areas import`): the product ships none.
 */
export async function publicAreas(ctx: AppContext, input: PeriodInput & { level?: string }, now = ctx.clock()) {
  const level = (input.level ?? 'kelurahan') as AreaLevel;
  if (!AREA_LEVELS.includes(level)) throw new DomainError('validation_failed', 'level: kota, kecamatan atau kelurahan', 'level: kota, kecamatan or kelurahan');
  const rt = await getSlaRuntime(ctx);
  const period = resolvePeriod(input, rt.utcOffsetMinutes, now);
  // The boundaries' version is in the key: an import (by this process or the CLI) is seen at once.
  const version = (await areasVersion(ctx.database.db)) ?? 'none';
  return cachedPublic(ctx, `areas:${version}:${level}:${period.from}:${period.to}`, ttl(ctx), () => computeAreas(ctx, period, level));
}

async function computeAreas(ctx: AppContext, period: Period, level: AreaLevel) {
  // Summed from the same one-pass breakdown as the statistics: a GROUP BY area alone lets SQLite's planner walk
  // the area index through every case of all time to skip a sort (12× slower on 200,000 cases, bench:public).
  const [shapes, byArea] = await Promise.all([areaShapes(ctx.database.db, level), countFine(ctx.database.db, period.range, OPEN_STATUSES)]);
  const totals = new Map<string, CountRow>();
  for (const row of byArea) {
    const parts = row.area_code?.split('.') ?? [];
    if (parts.length < LEVEL_PARTS[level]) continue; // placed only at a coarser level
    addCounts(group(totals, parts.slice(0, LEVEL_PARTS[level]).join('.')), row);
  }
  return {
    type: 'FeatureCollection' as const,
    period: { from: period.from, to: period.to },
    level,
    features: shapes.map((a) => ({
      type: 'Feature' as const,
      geometry: decodeAreaGeometry(a.geometry),
      properties: { code: a.code, name: a.name, parent: a.parent_code, ...(totals.get(a.code) ?? counts(undefined)) },
    })),
  };
}
