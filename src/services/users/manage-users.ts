import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../domain/case/roles.js';
import { DomainError, validationFailed } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { hashPassword } from './password.js';

export interface AddUserInput {
  username: string;
  password: string;
  displayName?: string;
  role: string;
  agencyId?: string | null;
  areaCode?: string | null;
  email?: string | null;
}

const SCOPED_BY_AGENCY: Role[] = ['agency_officer', 'agency_head'];

export async function addUser(ctx: AppContext, input: AddUserInput, actor = 'system:cli'): Promise<number> {
  const problems = [];
  if (!/^[a-z0-9._-]{3,60}$/i.test(input.username)) problems.push({ field: 'username', message: '3–60 letters, digits, . _ -' });
  if (input.password.length < 10) problems.push({ field: 'password', message: 'at least 10 characters' });
  if (!(ROLES as readonly string[]).includes(input.role)) problems.push({ field: 'role', message: `one of ${ROLES.join(', ')}` });
  if (SCOPED_BY_AGENCY.includes(input.role as Role) && !input.agencyId) problems.push({ field: 'agencyId', message: 'required for agency roles' });
  if (input.role === 'territorial_officer' && !input.areaCode) problems.push({ field: 'areaCode', message: 'required for territorial officers' });
  if (problems.length) throw validationFailed(problems);
  const hash = await hashPassword(input.password);
  return inTransaction(ctx.database, async (trx) => {
    const exists = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (exists) throw new DomainError('conflict', `Pengguna '${input.username}' sudah ada`, `User '${input.username}' already exists`);
    if (input.agencyId && !(await trx.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst()))
      throw new DomainError('unknown_agency', `Instansi '${input.agencyId}' tidak dikenal`, `Unknown agency '${input.agencyId}'`);
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        password_hash: hash,
        display_name: input.displayName ?? input.username,
        role: input.role,
        agency_id: input.agencyId ?? null,
        area_code: input.areaCode ?? null,
        email: input.email ?? null,
        active: 1,
        created_at: ctx.clock().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { caseId: null, action: 'user.added', actor, after: { id: row.id, username: input.username, role: input.role, agencyId: input.agencyId ?? null }, at: ctx.clock() });
    return row.id;
  });
}

export async function setPassword(ctx: AppContext, username: string, password: string, actor = 'system:cli'): Promise<void> {
  if (password.length < 10) throw validationFailed([{ field: 'password', message: 'at least 10 characters' }]);
  const hash = await hashPassword(password);
  await inTransaction(ctx.database, async (trx) => {
    const res = await trx.updateTable('users').set({ password_hash: hash }).where('username', '=', username).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new DomainError('not_found', `Pengguna '${username}' tidak ditemukan`, `User '${username}' not found`);
    await trx.deleteFrom('sessions').where('user_id', 'in', trx.selectFrom('users').select('id').where('username', '=', username)).execute();
    await appendEvent(trx, { caseId: null, action: 'user.password_changed', actor, after: { username }, at: ctx.clock() });
  });
}

export async function listUsers(ctx: AppContext) {
  return ctx.database.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'agency_id', 'area_code', 'active', 'created_at']).orderBy('id').execute();
}

/**
 * Creates the first admin when there is no user yet. Returns the password when it was generated, so the
 * caller prints it once; a configured CEPAT_ADMIN_PASSWORD is never echoed.
 */
export async function ensureFirstAdmin(ctx: AppContext): Promise<{ created: boolean; generatedPassword?: string }> {
  const any = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const generated = ctx.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  await addUser(ctx, { username: 'admin', password: ctx.config.adminPassword ?? generated!, displayName: 'Administrator', role: 'admin' }, 'system:bootstrap');
  return { created: true, generatedPassword: generated };
}
