import { DomainError } from '../errors.js';
import { REJECT_REASONS, type RejectReason, type Status } from './status.js';
import type { Actor, Role } from './roles.js';

/**
 * The case workflow as data: each action declares where it may start, where it leads, who may take it and
 * what it requires. `decide` is pure: services load the case, call it, and store the result with its event.
 */
export type ActionName =
  | 'dispatch'
  | 'coordinate'
  | 'transfer'
  | 'start'
  | 'request_info'
  | 'citizen_reply'
  | 'resolve'
  | 'confirm'
  | 'auto_close'
  | 'reopen'
  | 'reject'
  | 'merge';

export type ActorKind = 'staff' | 'citizen' | 'system';

interface ActionSpec {
  from: readonly Status[];
  /** Target status; `resume` returns to the status held before `menunggu_pelapor`. */
  to: Status | 'resume';
  roles: readonly Role[];
  citizen?: boolean;
  system?: boolean;
}

export const HANDLERS: readonly Role[] = ['admin', 'triage_operator', 'agency_officer', 'agency_head', 'territorial_officer'];
const AGENCY: readonly Role[] = ['admin', 'agency_officer', 'agency_head', 'territorial_officer'];

export const WORKFLOW: Record<ActionName, ActionSpec> = {
  dispatch: { from: ['menunggu', 'koordinasi', 'disposisi'], to: 'disposisi', roles: HANDLERS },
  coordinate: { from: ['menunggu', 'disposisi', 'proses'], to: 'koordinasi', roles: HANDLERS },
  transfer: { from: ['disposisi', 'proses', 'koordinasi'], to: 'disposisi', roles: HANDLERS },
  start: { from: ['disposisi', 'koordinasi'], to: 'proses', roles: AGENCY },
  request_info: { from: ['menunggu', 'koordinasi', 'disposisi', 'proses'], to: 'menunggu_pelapor', roles: HANDLERS },
  citizen_reply: { from: ['menunggu_pelapor'], to: 'resume', roles: HANDLERS, citizen: true },
  resolve: { from: ['proses'], to: 'selesai', roles: AGENCY },
  confirm: { from: ['selesai'], to: 'ditutup', roles: ['admin'], citizen: true },
  auto_close: { from: ['selesai'], to: 'ditutup', roles: [], system: true },
  reopen: { from: ['selesai', 'ditutup'], to: 'proses', roles: ['admin', 'triage_operator'], citizen: true },
  reject: { from: ['menunggu', 'koordinasi', 'disposisi', 'proses'], to: 'ditolak', roles: HANDLERS },
  // system: the triage engine links a near-certain duplicate automatically.
  merge: { from: ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'], to: 'digabung', roles: HANDLERS, system: true },
};

export const ACTION_NAMES = Object.keys(WORKFLOW) as ActionName[];

/** What the acting party supplies with an action. */
export interface ActionInput {
  targetAgencyId?: string | null;
  reason?: string | null;
  /** transfer: the case had been sent to the wrong unit; the time it lost is charged to that unit. */
  misrouted?: boolean;
  publicNote?: string | null;
  rejectReason?: string | null;
  forwardedTo?: string | null;
  targetCaseId?: number | null;
  /** resolve: how many 'after' photos are attached (already stored or uploaded with the action). */
  afterPhotoCount?: number;
}

/** The parts of a case the workflow needs to decide. */
export interface CaseFacts {
  id: number;
  status: Status;
  agencyId: string | null;
  resumeStatus: Status | null;
  resolvedAt: Date | null;
  categoryRequiresAfterPhoto: boolean;
}

export interface Decision {
  from: Status;
  to: Status;
  /** Status to return to when the citizen answers (set on request_info). */
  resumeStatus: Status | null;
}

export interface DecideContext {
  now: Date;
  reopenWindowDays: number;
}

const missing = (field: string, id: string, en: string) =>
  new DomainError('transition_requirement_missing', id, en, [{ field, message: en }]);

export function actorKind(actor: Actor): ActorKind {
  if (actor.kind === 'citizen') return 'citizen';
  if (actor.kind === 'system') return 'system';
  return 'staff';
}

/** Decides a transition or throws `transition_not_allowed` / `transition_requirement_missing` / `forbidden`. */
export function decide(facts: CaseFacts, action: ActionName, input: ActionInput, actor: Actor, ctx: DecideContext): Decision {
  const spec = WORKFLOW[action];
  if (!spec.from.includes(facts.status)) {
    throw new DomainError(
      'transition_not_allowed',
      `Aksi '${action}' tidak dapat dilakukan pada status '${facts.status}'`,
      `Action '${action}' is not allowed from status '${facts.status}'`,
    );
  }
  assertActorMay(spec, action, actor);
  checkRequirements(facts, action, input, ctx);
  const to = spec.to === 'resume' ? (facts.resumeStatus ?? 'proses') : spec.to;
  return { from: facts.status, to, resumeStatus: action === 'request_info' ? facts.status : null };
}

function assertActorMay(spec: ActionSpec, action: ActionName, actor: Actor): void {
  const ok =
    (actor.kind === 'user' && spec.roles.includes(actor.role)) ||
    (actor.kind === 'citizen' && spec.citizen === true) ||
    (actor.kind === 'system' && spec.system === true);
  if (!ok) {
    throw new DomainError(
      'forbidden',
      `Peran Anda tidak boleh melakukan aksi '${action}'`,
      `Your role may not take action '${action}'`,
    );
  }
}

function checkRequirements(facts: CaseFacts, action: ActionName, input: ActionInput, ctx: DecideContext): void {
  switch (action) {
    case 'dispatch':
    case 'coordinate':
      if (!input.targetAgencyId) throw missing('targetAgencyId', 'Instansi tujuan wajib diisi', 'A target agency is required');
      return;
    case 'transfer':
      if (!input.targetAgencyId) throw missing('targetAgencyId', 'Instansi tujuan wajib diisi', 'A target agency is required');
      if (!input.reason?.trim()) throw missing('reason', 'Alasan pengalihan wajib diisi', 'A reason for the transfer is required');
      if (input.targetAgencyId === facts.agencyId)
        throw missing('targetAgencyId', 'Instansi tujuan sama dengan instansi saat ini', 'The target agency is the current agency');
      return;
    case 'request_info':
      if (!input.publicNote?.trim())
        throw missing('publicNote', 'Pertanyaan untuk pelapor wajib diisi', 'A public question to the reporter is required');
      return;
    case 'resolve':
      if (!input.publicNote?.trim())
        throw missing('publicNote', 'Catatan tindak lanjut publik wajib diisi', 'A public follow-up note is required');
      if (facts.categoryRequiresAfterPhoto && !(input.afterPhotoCount && input.afterPhotoCount > 0))
        throw missing('afterPhoto', 'Foto sesudah penanganan wajib dilampirkan', 'An "after" photo is required');
      return;
    case 'reopen': {
      const resolvedAt = facts.resolvedAt;
      const windowMs = ctx.reopenWindowDays * 86_400_000;
      if (!resolvedAt || ctx.now.getTime() - resolvedAt.getTime() > windowMs) {
        throw new DomainError(
          'reopen_window_passed',
          `Laporan hanya dapat dibuka kembali dalam ${ctx.reopenWindowDays} hari setelah selesai`,
          `A case can be reopened only within ${ctx.reopenWindowDays} days after it was resolved`,
        );
      }
      if (!input.reason?.trim()) throw missing('reason', 'Alasan membuka kembali wajib diisi', 'A reason to reopen is required');
      return;
    }
    case 'reject':
      if (!input.rejectReason || !(REJECT_REASONS as readonly string[]).includes(input.rejectReason))
        throw missing('rejectReason', `Alasan penolakan wajib salah satu dari ${REJECT_REASONS.join(', ')}`, `A reject reason is required: one of ${REJECT_REASONS.join(', ')}`);
      if (input.forwardedTo && (input.rejectReason as RejectReason) !== 'bukan_wewenang')
        throw missing('forwardedTo', 'Penerusan hanya untuk alasan bukan wewenang', 'Forwarding applies only to bukan_wewenang');
      return;
    case 'merge':
      if (!input.targetCaseId) throw missing('targetCaseId', 'Laporan tujuan penggabungan wajib diisi', 'A target case is required');
      if (input.targetCaseId === facts.id)
        throw missing('targetCaseId', 'Laporan tidak dapat digabung ke dirinya sendiri', 'A case cannot be merged into itself');
      return;
    default:
      return;
  }
}

/** Actions a given actor could take now (for the UI's buttons and the API's `allowedActions`). */
export function availableActions(facts: CaseFacts, actor: Actor): ActionName[] {
  return ACTION_NAMES.filter((a) => {
    const spec = WORKFLOW[a];
    if (!spec.from.includes(facts.status)) return false;
    if (actor.kind === 'user') return spec.roles.includes(actor.role);
    if (actor.kind === 'citizen') return spec.citizen === true;
    if (actor.kind === 'system') return spec.system === true;
    return false;
  });
}
