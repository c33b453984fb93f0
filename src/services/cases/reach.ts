import type { Actor } from '../../domain/case/roles.js';
import type { ActorReach, CaseScopeFacts } from '../../domain/case/scope.js';
import type { CaseRow } from '../../store/case.repository.js';
import { agencyDescendants } from '../../store/reference.repository.js';
import type { Executor } from '../../store/transaction.js';

export async function actorReach(db: Executor, actor: Actor): Promise<ActorReach> {
  if (actor.kind === 'user' && actor.agencyId) return { agencySubtree: new Set(await agencyDescendants(db, actor.agencyId)) };
  if (actor.kind === 'user' && actor.role === 'territorial_officer' && actor.areaCode) {
    // A territorial officer also reaches the office agencies of their area (kelurahan/kecamatan/kota offices).
    const area = actor.areaCode;
    const offices = await db
      .selectFrom('agencies')
      .select('id')
      .where((eb) => eb.or([eb('area_code', '=', area), eb('area_code', 'like', `${area}.%`)]))
      .where('field', 'is', null)
      .execute();
    return { agencySubtree: new Set(offices.map((o) => o.id)) };
  }
  return { agencySubtree: new Set() };
}

/** What the scope rules look at on a stored case. */
export function caseScope(c: Pick<CaseRow, 'agency_id' | 'area_code' | 'partner_api_key_id'>): CaseScopeFacts {
  return { agencyId: c.agency_id, areaCode: c.area_code, partnerApiKeyId: c.partner_api_key_id };
}
