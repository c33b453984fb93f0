import { DomainError, notFound } from '../../domain/errors.js';
import type { Database } from '../../store/db.js';
import { inTransaction, isUniqueViolation } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { getSlaRuntime } from '../sla/sla-runtime.js';
import { defaultPosts } from './default-posts.js';
import { addDays, isIsoDate, localDateTime, openAt, postDay, type PostDay, type WeeklyHours } from './schedule.js';
import { existingPostIds, exceptionsBetween, findPostRow, hoursByPost, insertPosts, listPostRows, type PostFilter, type PostRow } from './walkin.repository.js';

/** Reading walk-in posts and their schedules; seeding Jakarta's default posts from the areas. */
export interface PostView {
  id: string;
  name: string;
  kind: string;
  areaCode: string | null;
  address: string | null;
  closedOnHolidays: boolean;
  active: boolean;
  hours: WeeklyHours[];
}

/** Adds the default post of every area that has none; edited and removed-by-deactivation posts are kept. */
export async function seedWalkinPosts(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const areas = await db.selectFrom('areas').select(['code', 'name', 'level']).orderBy('code').execute();
  const have = await existingPostIds(db);
  const missing = defaultPosts(areas).filter((p) => !have.has(p.id));
  if (!missing.length) return 0;
  try {
    await inTransaction(ctx.database, (trx) => insertPosts(trx, missing, ctx.clock()));
  } catch (err) {
    // Another process seeded at the same moment: its rows are the same defaults.
    if (!isUniqueViolation(err)) throw err;
    return 0;
  }
  return missing.length;
}

const seeded = new WeakMap<Database, Promise<unknown>>();

/** Seeds once per process and database, on first use (the reference data must be there first). */
export function ensureWalkinPosts(ctx: AppContext): Promise<unknown> {
  let p = seeded.get(ctx.database);
  if (!p) {
    p = seedWalkinPosts(ctx).catch((err) => {
      seeded.delete(ctx.database);
      throw err;
    });
    seeded.set(ctx.database, p);
  }
  return p;
}

function view(row: PostRow, hours: WeeklyHours[]): PostView {
  return { id: row.id, name: row.name, kind: row.kind, areaCode: row.area_code, address: row.address, closedOnHolidays: row.closed_on_holidays === 1, active: row.active === 1, hours };
}

export async function listPosts(ctx: AppContext, filter: PostFilter = {}): Promise<PostView[]> {
  await ensureWalkinPosts(ctx);
  const rows = await listPostRows(ctx.database.db, filter);
  const hours = await hoursByPost(ctx.database.db, rows.length <= 500 ? rows.map((r) => r.id) : undefined);
  return rows.map((r) => view(r, hours.get(r.id) ?? []));
}

export async function getPost(ctx: AppContext, id: string): Promise<PostView> {
  await ensureWalkinPosts(ctx);
  const row = await findPostRow(ctx.database.db, id);
  if (!row) throw notFound('Pos pengaduan', id);
  return view(row, (await hoursByPost(ctx.database.db, [id])).get(id) ?? []);
}

/** The holiday on a local date, from the same calendar the SLA clock uses (shipped table + admin's edits). */
export async function holidayNames(ctx: AppContext, from: string, days: number): Promise<Map<string, string>> {
  const calendar = (await getSlaRuntime(ctx)).calendar;
  const out = new Map<string, string>();
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const h = calendar.holidayOn(date);
    if (h) out.set(date, h.name);
  }
  return out;
}

/** Refuses anything but a real calendar date (YYYY-MM-DD; 2026-02-31 is not one) with 400 validation_failed. */
export function assertCalendarDate(field: string, text: string): void {
  if (isIsoDate(text)) return;
  throw new DomainError(
    'validation_failed',
    `Data tidak valid: ${field}: '${text}' bukan tanggal yang ada (format YYYY-MM-DD)`,
    `Invalid input: ${field}: '${text}' is not a real calendar date (format YYYY-MM-DD)`,
    [{ field, message: 'a real calendar date, YYYY-MM-DD' }],
  );
}

/** The post's days from `from`, for `days` days (at most 92). */
export async function postCalendar(ctx: AppContext, post: PostView, from: string, days: number): Promise<PostDay[]> {
  assertCalendarDate('from', from);
  const n = Math.max(1, Math.min(92, days));
  const to = addDays(from, n - 1);
  const [exceptions, holidays] = await Promise.all([exceptionsBetween(ctx.database.db, from, to, [post.id]), holidayNames(ctx, from, n)]);
  return Array.from({ length: n }, (_, i) => addDays(from, i)).map((date) => postDay({ id: post.id, closedOnHolidays: post.closedOnHolidays }, post.hours, exceptions, date, holidays.get(date)));
}

export interface OpenPost {
  post: PostView;
  day: PostDay;
  /** Only when asked about today: whether it is staffed at this moment. */
  openNow?: boolean;
}

/** Posts open on a local date (today by default), with their sessions. */
export async function openPostsOn(ctx: AppContext, date?: string, filter: PostFilter = {}): Promise<{ date: string; posts: OpenPost[] }> {
  const now = localDateTime(ctx.clock(), ctx.config.timezone);
  const day = date ?? now.date;
  assertCalendarDate('date', day);
  const posts = await listPosts(ctx, filter);
  const [exceptions, holidays] = await Promise.all([exceptionsBetween(ctx.database.db, day, day), holidayNames(ctx, day, 1)]);
  const open: OpenPost[] = [];
  for (const post of posts) {
    const d = postDay({ id: post.id, closedOnHolidays: post.closedOnHolidays }, post.hours, exceptions, day, holidays.get(day));
    if (!d.open) continue;
    open.push(day === now.date ? { post, day: d, openNow: openAt(d, now.time) } : { post, day: d });
  }
  return { date: day, posts: open };
}
