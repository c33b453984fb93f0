import { DomainError, forbidden, validationFailed, type ErrorDetail } from '../errors.js';
import type { Actor } from './roles.js';
import { OPEN_STATUSES, type Status } from './status.js';
import { HANDLERS } from './workflow.js';

/**
 * Splitting a case: a citizen reported several problems in one message ("jalan berlubang dan lampu mati"), each
 * for a different agency. Each extra problem becomes a case of its own, with its own ticket, category, place and
 * clock; the original case keeps its first problem and its status. Only open cases are split (a closed one would
 * hand new work to nobody's queue), by the roles that may handle cases.
 */
export const MAX_SPLIT_PARTS = 10;
const MAX_TEXT = 20_000;
const MAX_TITLE = 200;
const MAX_REASON = 1_000;

export interface SplitPart {
  text: string;
  categoryCode?: string | null;
  /** Defaults to the original case's area. */
  areaCode?: string | null;
  title?: string | null;
  address?: string | null;
}

/** Whether this actor's role may split a case in this status (scope is checked by the service). */
export function maySplit(status: Status, actor: Actor): boolean {
  return OPEN_STATUSES.includes(status) && actor.kind === 'user' && HANDLERS.includes(actor.role);
}

export function decideSplit(status: Status, actor: Actor, parts: readonly SplitPart[], reason?: string | null): void {
  if (!OPEN_STATUSES.includes(status)) {
    throw new DomainError(
      'transition_not_allowed',
      `Laporan berstatus '${status}' tidak dapat dipecah`,
      `A case with status '${status}' cannot be split`,
    );
  }
  if (actor.kind !== 'user' || !HANDLERS.includes(actor.role)) throw forbidden('memecah laporan');
  const problems: ErrorDetail[] = [];
  if (parts.length === 0) problems.push({ field: 'parts', message: 'at least one part' });
  if (parts.length > MAX_SPLIT_PARTS) problems.push({ field: 'parts', message: `at most ${MAX_SPLIT_PARTS} parts` });
  parts.forEach((p, i) => {
    if (!p.text?.trim()) problems.push({ field: `parts.${i}.text`, message: 'required' });
    else if (p.text.length > MAX_TEXT) problems.push({ field: `parts.${i}.text`, message: `at most ${MAX_TEXT} characters` });
    if (p.title && p.title.length > MAX_TITLE) problems.push({ field: `parts.${i}.title`, message: `at most ${MAX_TITLE} characters` });
  });
  if (reason && reason.length > MAX_REASON) problems.push({ field: 'reason', message: `at most ${MAX_REASON} characters` });
  if (problems.length) throw validationFailed(problems);
}
