import type { Actor, Role } from '../../domain/case/roles.js';
import { inArea } from '../../domain/case/scope.js';
import { DomainError, forbidden } from '../../domain/errors.js';
import type { Executor } from '../../store/transaction.js';
import { isAssignedTo } from './walkin.repository.js';

/**
 * Who may do what at a walk-in post. Schedules and officer lists: admins, and territorial officers of the
 * post's area (a kecamatan officer runs the posts of its kelurahan too). Assisted intake: admins, triage
 * operators, territorial officers of the area, and any staff member assigned to the post — except read-only roles
 * (monitor, auditor) and integration accounts (partner), which never take intake, even if assigned.
 */
export interface PostScope {
  id: string;
  areaCode: string | null;
}

export function canManagePost(actor: Actor, post: PostScope): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'territorial_officer' && inArea(post.areaCode, actor.areaCode);
}

export function assertCanManagePost(actor: Actor, post: PostScope): void {
  if (!canManagePost(actor, post)) throw forbidden('hanya admin atau petugas wilayah pos ini');
}

/** Roles that may never take walk-in intake nor be assigned to a post: they only read (or are integrations). */
export const NON_INTAKE_ROLES: readonly Role[] = ['monitor', 'auditor', 'partner'];

export function isNonIntakeRole(role: string): boolean {
  return (NON_INTAKE_ROLES as readonly string[]).includes(role);
}

/** Refusal for an actor whose role may not take intake (403, naming the role). */
export function readOnlyRoleForbidden(role: string): DomainError {
  return new DomainError(
    'forbidden',
    `Anda tidak berwenang melakukan ini: peran '${role}' hanya-baca dan tidak dapat menerima laporan tatap muka`,
    `Not allowed: the role '${role}' is read-only and cannot take walk-in intake`,
    [{ field: 'role', message: role }],
  );
}

export async function canTakeIntakeAt(db: Executor, actor: Actor, post: PostScope): Promise<boolean> {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (isNonIntakeRole(actor.role)) return false;
  if (actor.role === 'admin' || actor.role === 'triage_operator') return true;
  if (actor.role === 'territorial_officer' && inArea(post.areaCode, actor.areaCode)) return true;
  return isAssignedTo(db, post.id, actor.userId);
}

export async function assertCanTakeIntakeAt(db: Executor, actor: Actor, post: PostScope): Promise<void> {
  if (actor.kind === 'user' && isNonIntakeRole(actor.role)) throw readOnlyRoleForbidden(actor.role);
  if (!(await canTakeIntakeAt(db, actor, post))) throw forbidden('bukan petugas pos ini');
}
