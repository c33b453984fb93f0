import type { Selectable } from 'kysely';
import type { WalkinPostTable } from '../../store/schema.js';
import type { Executor, Trx } from '../../store/transaction.js';
import type { PostSeed } from './default-posts.js';
import type { ScheduleException, WeeklyHours } from './schedule.js';

/** SQL for walk-in posts: posts, weekly hours, dated exceptions and assigned officers. */
export type PostRow = Selectable<WalkinPostTable>;

export interface PostFilter {
  kind?: string;
  /** Posts whose area is this one or inside it. */
  area?: string;
  includeInactive?: boolean;
  ids?: string[];
}

export async function listPostRows(db: Executor, f: PostFilter = {}): Promise<PostRow[]> {
  let q = db.selectFrom('walkin_posts').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.area) q = q.where((eb) => eb.or([eb('area_code', '=', f.area!), eb('area_code', 'like', `${f.area}.%`)]));
  if (!f.includeInactive) q = q.where('active', '=', 1);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where('id', '=', '');
  // City Hall first, then kecamatan, then kelurahan, each by area code.
  return q.orderBy('kind').orderBy('area_code').orderBy('id').execute();
}

export async function findPostRow(db: Executor, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('walkin_posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function existingPostIds(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('walkin_posts').select('id').execute()).map((r) => r.id));
}

export async function hoursByPost(db: Executor, postIds?: string[]): Promise<Map<string, WeeklyHours[]>> {
  let q = db.selectFrom('walkin_hours').select(['post_id', 'weekday', 'opens', 'closes']).orderBy('post_id').orderBy('weekday').orderBy('opens');
  if (postIds && postIds.length <= 500) q = q.where('post_id', 'in', postIds.length ? postIds : ['']);
  const map = new Map<string, WeeklyHours[]>();
  for (const r of await q.execute()) {
    const list = map.get(r.post_id) ?? [];
    list.push({ weekday: r.weekday, opens: r.opens, closes: r.closes });
    map.set(r.post_id, list);
  }
  return map;
}

/** Exceptions dated within [from, to] for these posts and for every post. */
export async function exceptionsBetween(db: Executor, from: string, to: string, postIds?: string[]): Promise<ScheduleException[]> {
  let q = db.selectFrom('walkin_exceptions').selectAll().where('date', '>=', from).where('date', '<=', to);
  if (postIds && postIds.length <= 500) q = q.where((eb) => eb.or([eb('post_id', 'is', null), eb('post_id', 'in', postIds.length ? postIds : [''])]));
  const rows = await q.orderBy('date').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, postId: r.post_id, date: r.date, closed: r.closed === 1, opens: r.opens, closes: r.closes, note: r.note }));
}

export async function insertPosts(trx: Trx, posts: readonly PostSeed[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < posts.length; i += 200) {
    const chunk = posts.slice(i, i + 200);
    await trx
      .insertInto('walkin_posts')
      .values(chunk.map((p) => ({ id: p.id, name: p.name, kind: p.kind, area_code: p.areaCode, address: p.address, closed_on_holidays: p.closedOnHolidays ? 1 : 0, active: 1, created_at: at, updated_at: at })))
      .execute();
    const hours = chunk.flatMap((p) => p.hours.map((h) => ({ post_id: p.id, weekday: h.weekday, opens: h.opens, closes: h.closes })));
    if (hours.length) await trx.insertInto('walkin_hours').values(hours).execute();
  }
}

export async function updatePostRow(trx: Trx, id: string, patch: Partial<Pick<PostRow, 'name' | 'address' | 'active' | 'closed_on_holidays' | 'area_code'>>, now: Date): Promise<void> {
  await trx.updateTable('walkin_posts').set({ ...patch, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function replaceHours(trx: Trx, postId: string, hours: readonly WeeklyHours[], now: Date): Promise<void> {
  await trx.deleteFrom('walkin_hours').where('post_id', '=', postId).execute();
  if (hours.length) await trx.insertInto('walkin_hours').values(hours.map((h) => ({ post_id: postId, weekday: h.weekday, opens: h.opens, closes: h.closes }))).execute();
  await trx.updateTable('walkin_posts').set({ updated_at: now.toISOString() }).where('id', '=', postId).execute();
}

export async function insertException(trx: Trx, e: ScheduleException, by: string, now: Date): Promise<number> {
  const row = await trx
    .insertInto('walkin_exceptions')
    .values({ post_id: e.postId, date: e.date, closed: e.closed ? 1 : 0, opens: e.closed ? null : (e.opens ?? null), closes: e.closed ? null : (e.closes ?? null), note: e.note, created_by: by, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findException(db: Executor, id: number): Promise<ScheduleException | undefined> {
  const r = await db.selectFrom('walkin_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, postId: r.post_id, date: r.date, closed: r.closed === 1, opens: r.opens, closes: r.closes, note: r.note } : undefined;
}

export async function deleteException(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('walkin_exceptions').where('id', '=', id).execute();
}

export interface PostOfficer {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  assignedAt: string;
}

export async function officersOf(db: Executor, postId: string): Promise<PostOfficer[]> {
  const rows = await db
    .selectFrom('walkin_post_officers')
    .innerJoin('users', 'users.id', 'walkin_post_officers.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'walkin_post_officers.assigned_at'])
    .where('walkin_post_officers.post_id', '=', postId)
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, role: r.role, assignedAt: r.assigned_at }));
}

export async function isAssignedTo(db: Executor, postId: string, userId: number): Promise<boolean> {
  return (await db.selectFrom('walkin_post_officers').select('user_id').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function insertOfficer(trx: Trx, postId: string, userId: number, by: string, now: Date): Promise<boolean> {
  const r = await trx
    .insertInto('walkin_post_officers')
    .values({ post_id: postId, user_id: userId, assigned_at: now.toISOString(), assigned_by: by })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteOfficer(trx: Trx, postId: string, userId: number): Promise<boolean> {
  const r = await trx.deleteFrom('walkin_post_officers').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
