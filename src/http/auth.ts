import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../domain/case/roles.js';
import { DomainError } from '../domain/errors.js';
import { findApiKey } from '../services/auth/api-keys.js';
import { userActor, userForSession, type SessionUser } from '../services/auth/sessions.js';
import type { AppContext } from '../services/context.js';

export const SESSION_COOKIE = 'cepat_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    user: SessionUser | null;
  }
}

/**
 * Authentication: a session cookie (the UI), `Authorization: Bearer <session token>` or a partner API key
 * (`Bearer cpt_…` or `X-Api-Key`). Resolved once per request; routes then say which roles they accept.
 */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<void> {
  request.actor = null;
  request.user = null;
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const apiKey = (request.headers['x-api-key'] as string | undefined) ?? (bearer?.startsWith('cpt_') ? bearer : undefined);
  if (apiKey) {
    const key = await findApiKey(ctx, apiKey);
    if (!key) throw new DomainError('unauthenticated', 'Kunci API tidak valid', 'Invalid API key');
    request.actor = { kind: 'partner', apiKeyId: key.id, partnerName: key.name };
    return;
  }
  const token = bearer ?? request.cookies?.[SESSION_COOKIE];
  if (!token) return;
  const user = await userForSession(ctx, token);
  if (!user) {
    if (bearer) throw new DomainError('unauthenticated', 'Sesi tidak valid atau kedaluwarsa', 'Invalid or expired session');
    return;
  }
  request.user = user;
  request.actor = userActor(user);
}

/** A preHandler allowing staff users of the given roles (any staff role when the list is empty). */
export function requireStaff(roles: readonly Role[] = []) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu', 'Please log in first');
    if (actor.kind !== 'user') throw new DomainError('forbidden', 'Hanya untuk petugas', 'Staff only');
    if (roles.length && !roles.includes(actor.role)) throw new DomainError('forbidden', 'Peran Anda tidak memiliki akses ini', 'Your role has no access to this');
  };
}

/** Staff users or partner API keys (partners only ever see their own cases). */
export function requireStaffOrPartner() {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu', 'Please log in first');
    if (actor.kind !== 'user' && actor.kind !== 'partner') throw new DomainError('forbidden', 'Tidak diizinkan', 'Not allowed');
  };
}
