import { actorLabel, type Actor } from '../../domain/case/roles.js';
import { DomainError, forbidden, notFound, validationFailed, type ErrorDetail } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { findArea } from '../../store/reference.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { assertCanManagePost, isNonIntakeRole } from './permissions.js';
import { getPost, type PostView } from './posts.js';
import { checkWeeklyHours, isClockTime, isIsoDate, minutesOf, type ScheduleException, type WeeklyHours } from './schedule.js';
import { deleteException, deleteOfficer, findException, findPostRow, insertException, insertOfficer, insertPosts, replaceHours, updatePostRow } from './walkin.repository.js';

/** Editing posts: their details, weekly hours, dated exceptions and officers. Each change is audited. */
export interface NewPostInput {
  id: string;
  name: string;
  kind: 'balai_kota' | 'kecamatan' | 'kelurahan' | 'other';
  areaCode?: string | null;
  address?: string | null;
  closedOnHolidays?: boolean;
  hours?: WeeklyHours[];
}

export async function createPost(ctx: AppContext, actor: Actor, input: NewPostInput, meta: RequestMeta = {}): Promise<PostView> {
  if (!(actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin'))) throw forbidden('hanya admin');
  const problems: ErrorDetail[] = [];
  if (!/^[a-z0-9][a-z0-9.-]{1,78}$/.test(input.id)) problems.push({ field: 'id', message: '2–79 lower-case letters, digits, dots and dashes' });
  problems.push(...checkWeeklyHours(input.hours ?? []).map((message) => ({ field: 'hours', message })));
  if (input.areaCode && !(await findArea(ctx.database.db, input.areaCode))) problems.push({ field: 'area_code', message: 'unknown area' });
  if (problems.length) throw validationFailed(problems);
  if (await findPostRow(ctx.database.db, input.id)) throw new DomainError('conflict', `Pos '${input.id}' sudah ada`, `Post '${input.id}' already exists`);
  await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    await insertPosts(trx, [{ id: input.id, name: input.name, kind: input.kind, areaCode: input.areaCode ?? null, address: input.address ?? null, closedOnHolidays: input.closedOnHolidays ?? true, hours: input.hours ?? [] }], now);
    await appendEvent(trx, { caseId: null, action: 'walkin.post_created', actor: actorLabel(actor), after: input, at: now, requestId: meta.requestId });
  });
  return getPost(ctx, input.id);
}

export interface PostPatch {
  name?: string;
  address?: string | null;
  active?: boolean;
  closedOnHolidays?: boolean;
}

export async function updatePost(ctx: AppContext, actor: Actor, id: string, patch: PostPatch, meta: RequestMeta = {}): Promise<PostView> {
  const before = await getPost(ctx, id);
  assertCanManagePost(actor, before);
  await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    await updatePostRow(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.closedOnHolidays !== undefined ? { closed_on_holidays: patch.closedOnHolidays ? 1 : 0 } : {}),
    }, now);
    await appendEvent(trx, { caseId: null, action: 'walkin.post_updated', actor: actorLabel(actor), before: { post: id, name: before.name, address: before.address, active: before.active, closedOnHolidays: before.closedOnHolidays }, after: { post: id, ...patch }, at: now, requestId: meta.requestId });
  });
  return getPost(ctx, id);
}

export async function setWeeklyHours(ctx: AppContext, actor: Actor, id: string, hours: WeeklyHours[], meta: RequestMeta = {}): Promise<PostView> {
  const post = await getPost(ctx, id);
  assertCanManagePost(actor, post);
  const problems = checkWeeklyHours(hours);
  if (problems.length) throw validationFailed(problems.map((message) => ({ field: 'hours', message })));
  await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    await replaceHours(trx, id, hours, now);
    await appendEvent(trx, { caseId: null, action: 'walkin.hours_set', actor: actorLabel(actor), before: { post: id, hours: post.hours }, after: { post: id, hours }, at: now, requestId: meta.requestId });
  });
  return getPost(ctx, id);
}

export interface ExceptionInput {
  /** null: every post (admins only). */
  postId: string | null;
  date: string;
  closed: boolean;
  opens?: string;
  closes?: string;
  note?: string;
}

export async function addScheduleException(ctx: AppContext, actor: Actor, input: ExceptionInput, meta: RequestMeta = {}): Promise<ScheduleException> {
  if (input.postId === null) {
    if (!(actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin'))) throw forbidden('hanya admin yang dapat mengubah jadwal semua pos');
  } else {
    assertCanManagePost(actor, await getPost(ctx, input.postId));
  }
  const problems: ErrorDetail[] = [];
  if (!isIsoDate(input.date)) problems.push({ field: 'date', message: 'YYYY-MM-DD' });
  if (!input.closed) {
    if (!input.opens || !input.closes || !isClockTime(input.opens) || !isClockTime(input.closes)) problems.push({ field: 'opens/closes', message: 'HH:MM, required unless closed' });
    else if (minutesOf(input.opens) >= minutesOf(input.closes)) problems.push({ field: 'opens/closes', message: 'opens before it closes' });
  }
  if (problems.length) throw validationFailed(problems);
  const exception: ScheduleException = { postId: input.postId, date: input.date, closed: input.closed, opens: input.opens ?? null, closes: input.closes ?? null, note: input.note?.trim() ?? '' };
  const id = await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    const newId = await insertException(trx, exception, actorLabel(actor), now);
    await appendEvent(trx, { caseId: null, action: 'walkin.exception_added', actor: actorLabel(actor), after: { id: newId, ...exception }, at: now, requestId: meta.requestId });
    return newId;
  });
  return { ...exception, id };
}

export async function removeScheduleException(ctx: AppContext, actor: Actor, postId: string | null, exceptionId: number, meta: RequestMeta = {}): Promise<void> {
  const found = await findException(ctx.database.db, exceptionId);
  if (!found || found.postId !== postId) throw notFound('Pengecualian jadwal', String(exceptionId));
  if (postId === null) {
    if (!(actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin'))) throw forbidden('hanya admin');
  } else {
    assertCanManagePost(actor, await getPost(ctx, postId));
  }
  await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    await deleteException(trx, exceptionId);
    await appendEvent(trx, { caseId: null, action: 'walkin.exception_removed', actor: actorLabel(actor), before: found, at: now, requestId: meta.requestId });
  });
}

/** Assigns a staff user (by id or username) to the post; assigning twice changes nothing. */
export async function assignOfficer(ctx: AppContext, actor: Actor, postId: string, user: number | string, assign: boolean, meta: RequestMeta = {}): Promise<{ changed: boolean; userId: number }> {
  assertCanManagePost(actor, await getPost(ctx, postId));
  const q = ctx.database.db.selectFrom('users').select(['id', 'active', 'role']);
  const row = await (typeof user === 'number' ? q.where('id', '=', user) : q.where('username', '=', user)).executeTakeFirst();
  if (!row) throw notFound('Pengguna', String(user));
  if (assign && row.active !== 1) throw validationFailed([{ field: 'user', message: 'inactive user' }]);
  // Read-only roles never take intake, so assigning them would be meaningless (and used to grant it). Unassigning stays allowed.
  if (assign && isNonIntakeRole(row.role)) {
    throw new DomainError(
      'validation_failed',
      `Data tidak valid: user: pengguna berperan '${row.role}' (hanya-baca) tidak dapat ditugaskan ke pos layanan`,
      `Invalid input: user: a user with the read-only role '${row.role}' cannot be assigned to a walk-in post`,
      [{ field: 'user', message: `read-only role '${row.role}' cannot be assigned` }],
    );
  }
  const changed = await inTransaction(ctx.database, async (trx) => {
    const now = ctx.clock();
    const did = assign ? await insertOfficer(trx, postId, row.id, actorLabel(actor), now) : await deleteOfficer(trx, postId, row.id);
    if (did) await appendEvent(trx, { caseId: null, action: assign ? 'walkin.officer_assigned' : 'walkin.officer_unassigned', actor: actorLabel(actor), after: { post: postId, user: row.id }, at: now, requestId: meta.requestId });
    return did;
  });
  return { changed, userId: row.id };
}
