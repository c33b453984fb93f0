import type { Actor } from './roles.js';
import { READ_ALL_ROLES } from './roles.js';

/**
 * Who sees and changes which case. Officers see their agency's cases and those of its children (a Dinas sees
 * its Suku Dinas); territorial officers see their area; partners see only what they submitted.
 */
export interface CaseScopeFacts {
  agencyId: string | null;
  areaCode: string | null;
  partnerApiKeyId: number | null;
}

export interface ActorReach {
  /** The actor's agency and all its descendants (empty for roles without an agency). */
  agencySubtree: ReadonlySet<string>;
}

export function inArea(areaCode: string | null, scopeArea: string | null | undefined): boolean {
  if (!scopeArea) return false;
  return areaCode === scopeArea || (areaCode?.startsWith(`${scopeArea}.`) ?? false);
}

export function canRead(actor: Actor, c: CaseScopeFacts, reach: ActorReach): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'partner':
      return c.partnerApiKeyId === actor.apiKeyId;
    case 'citizen':
      return false; // citizens read through tracking (ticket + access code), never the officer API
    case 'user':
      if (READ_ALL_ROLES.includes(actor.role)) return true;
      if (actor.role === 'territorial_officer') return inArea(c.areaCode, actor.areaCode) || (c.agencyId !== null && reach.agencySubtree.has(c.agencyId));
      return c.agencyId !== null && reach.agencySubtree.has(c.agencyId);
  }
}

/** Changing a case needs read scope and a role that handles cases (monitors and auditors only read). */
export function canChange(actor: Actor, c: CaseScopeFacts, reach: ActorReach): boolean {
  if (actor.kind === 'user' && (actor.role === 'monitor' || actor.role === 'auditor')) return false;
  if (actor.kind === 'partner') return false;
  return canRead(actor, c, reach);
}
