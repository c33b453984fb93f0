import type { AreaLevel, AreaName, AreaRef } from './area.js';

/**
 * Parent/child look-ups over an area list, shared by the point index and the gazetteer. Missing parents are
 * tolerated (a deployment may import only kelurahan boundaries); `checkAreaHierarchy` lists them.
 */

export interface AreaChain {
  kelurahan: AreaRef | null;
  kecamatan: AreaRef | null;
  kota: AreaRef | null;
}

export class AreaHierarchy<A extends AreaName = AreaName> {
  private readonly byCode = new Map<string, A>();

  constructor(areas: Iterable<A>) {
    for (const area of areas) this.byCode.set(area.code, area);
  }

  get(code: string): A | undefined {
    return this.byCode.get(code);
  }

  /** The area and its ancestors, most specific first; stops at a missing parent or a cycle. */
  lineage(code: string): A[] {
    const out: A[] = [];
    let current = this.byCode.get(code);
    while (current && out.length < 4 && !out.includes(current)) {
      out.push(current);
      current = current.parentCode ? this.byCode.get(current.parentCode) : undefined;
    }
    return out;
  }

  /** Whether `ancestorCode` is `code` itself or one of its ancestors. */
  isWithin(code: string, ancestorCode: string): boolean {
    return this.lineage(code).some((a) => a.code === ancestorCode);
  }

  /** The kelurahan/kecamatan/kota an area belongs to (itself included). */
  chain(code: string): AreaChain {
    const chain: AreaChain = { kelurahan: null, kecamatan: null, kota: null };
    for (const area of this.lineage(code)) {
      if (!chain[area.level]) chain[area.level] = { code: area.code, name: area.name };
    }
    return chain;
  }
}

export interface HierarchyIssue {
  areaCode: string;
  issue: 'missing_parent' | 'parent_level_mismatch';
  message: string;
}

const EXPECTED_PARENT: Record<AreaLevel, AreaLevel | null> = { kota: null, kecamatan: 'kota', kelurahan: 'kecamatan' };

/** Lists areas whose parent is absent from the list or is not one level up. */
export function checkAreaHierarchy(areas: readonly AreaName[]): HierarchyIssue[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const issues: HierarchyIssue[] = [];
  for (const area of areas) {
    const expected = EXPECTED_PARENT[area.level];
    if (!expected || !area.parentCode) continue;
    const parent = byCode.get(area.parentCode);
    if (!parent) {
      issues.push({ areaCode: area.code, issue: 'missing_parent', message: `${area.code} ${area.name}: parent ${area.parentCode} is not in the list` });
    } else if (parent.level !== expected) {
      issues.push({
        areaCode: area.code,
        issue: 'parent_level_mismatch',
        message: `${area.code} ${area.name}: parent ${parent.code} is a ${parent.level}, expected a ${expected}`,
      });
    }
  }
  return issues;
}
