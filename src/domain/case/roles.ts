/** Roles of people and systems acting on cases. */
export const ROLES = [
  'admin',
  'triage_operator',
  'agency_officer',
  'agency_head',
  'territorial_officer', // kelurahan / kecamatan / kota office staff, scoped to their area
  'monitor', // reads everything
  'auditor', // reads everything plus the audit log
  'partner', // an integration: submits and reads its own cases
] as const;

export type Role = (typeof ROLES)[number];

/** Who is acting: a staff user, the citizen who reported the case, or the system itself (jobs). */
export type Actor =
  | { kind: 'user'; userId: number; role: Role; agencyId?: string | null; areaCode?: string | null }
  | { kind: 'citizen'; reporterId: number }
  | { kind: 'partner'; apiKeyId: number; partnerName: string }
  | { kind: 'system'; job: string };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'citizen':
      return `citizen:${actor.reporterId}`;
    case 'partner':
      return `partner:${actor.apiKeyId}`;
    case 'system':
      return `system:${actor.job}`;
  }
}

/** Roles allowed to read every case; others are scoped. */
export const READ_ALL_ROLES: readonly Role[] = ['admin', 'triage_operator', 'monitor', 'auditor'];
