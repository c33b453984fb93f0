/**
 * Routing by field and place: a rule maps (category, area prefix) to an agency, and the most specific area
 * wins. Area codes are Kemendagri codes whose segments nest: 31.74.01.1001 (kelurahan) ⊂ 31.74.01
 * (kecamatan) ⊂ 31.74 (kota) ⊂ 31 (provinsi); '' matches everywhere.
 */
export interface RoutingRule {
  categoryCode: string;
  areaCode: string;
  agencyId: string;
}

/** The area itself and every enclosing area, most specific first, ending with '' (anywhere). */
export function areaAncestry(areaCode: string | null | undefined): string[] {
  if (!areaCode) return [''];
  const parts = areaCode.split('.');
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('.'));
  out.push('');
  return out;
}

/** The agency for a category at a place, or null when no rule applies (the case then waits for triage). */
export function resolveAgency(rules: readonly RoutingRule[], categoryCode: string, areaCode: string | null | undefined): string | null {
  const ancestry = areaAncestry(areaCode);
  let best: RoutingRule | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    if (rule.categoryCode !== categoryCode) continue;
    const rank = ancestry.indexOf(rule.areaCode);
    if (rank >= 0 && rank < bestRank) {
      best = rule;
      bestRank = rank;
    }
  }
  return best?.agencyId ?? null;
}

/** Level of an area from its code shape. */
export function areaLevel(code: string): 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan' {
  const n = code.split('.').length;
  return n === 1 ? 'provinsi' : n === 2 ? 'kota' : n === 3 ? 'kecamatan' : 'kelurahan';
}
