import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../domain/case/roles.js';
import { DomainError } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { verifyPassword } from '../users/password.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// A fixed hash to verify against when the user does not exist, so timing does not reveal valid usernames.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0LPuSn8IyiAbjAfybqe+g5WsIbsVCvGmlfk7xPM1dZ0';

export async function login(ctx: AppContext, username: string, password: string): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const user = await ctx.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || user.active !== 1) {
    throw new DomainError('unauthenticated', 'Nama pengguna atau kata sandi salah', 'Wrong username or password');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await inTransaction(ctx.database, async (trx) => {
    await trx.insertInto('sessions').values({ id: sha256(token), user_id: user.id, created_at: now.toISOString(), expires_at: expiresAt.toISOString() }).execute();
    await appendEvent(trx, { caseId: null, action: 'user.login', actor: `user:${user.id}`, at: now });
  });
  return { token, expiresAt, userId: user.id };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await ctx.database.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  areaCode: string | null;
}

export async function userForSession(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const row = await ctx.database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.agency_id', 'users.area_code', 'users.active', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.active !== 1 || row.expires_at <= ctx.clock().toISOString()) return null;
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, agencyId: row.agency_id, areaCode: row.area_code };
}

export function userActor(u: SessionUser): Actor {
  return { kind: 'user', userId: u.id, role: u.role, agencyId: u.agencyId, areaCode: u.areaCode };
}
