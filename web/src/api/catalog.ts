import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { titleCase } from '../ui/format.js';
import { useAsync } from '../ui/use-async.js';
import { api } from './client.js';
import type { Agency, Area, Category } from './types.js';

/**
 * Reference data (categories, areas, agencies) is public, small and changes rarely: it is fetched once per
 * page load and shared by every picker. A failed load is forgotten so the next use tries again.
 */
const cache = new Map<string, Promise<unknown>>();

function once<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api<T>(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export const loadCategories = () => once<Category[]>('/api/categories');
export const loadAreas = () => once<Area[]>('/api/areas');
export const loadAgencies = () => once<Agency[]>('/api/agencies');

export interface Catalog {
  categories: Category[];
  areas: Area[];
  agencies: Agency[];
  loading: boolean;
  error: unknown;
  categoryName(code: string | null | undefined): string;
  areaName(code: string | null | undefined): string;
  /** The area with its parents, e.g. "Menteng, Kec. Menteng, Jakarta Pusat". */
  areaPath(code: string | null | undefined): string;
  agencyName(id: string | null | undefined): string;
}

export function useCatalog(which: { agencies?: boolean } = {}): Catalog {
  const { pick } = useI18n();
  const cats = useAsync(loadCategories, []);
  const areas = useAsync(loadAreas, []);
  const agencies = useAsync(() => (which.agencies ? loadAgencies() : Promise.resolve([] as Agency[])), [which.agencies]);
  return useMemo(() => {
    const catBy = new Map((cats.data ?? []).map((c) => [c.code, c]));
    const areaBy = new Map((areas.data ?? []).map((a) => [a.code, a]));
    const agencyBy = new Map((agencies.data ?? []).map((a) => [a.id, a]));
    const areaName = (code: string | null | undefined) => (code ? (areaBy.has(code) ? titleCase(areaBy.get(code)!.name) : code) : '');
    return {
      categories: cats.data ?? [],
      areas: areas.data ?? [],
      agencies: agencies.data ?? [],
      loading: cats.loading || areas.loading || agencies.loading,
      error: cats.error ?? areas.error ?? agencies.error,
      categoryName: (code) => (code ? (catBy.has(code) ? pick(catBy.get(code)!.name, catBy.get(code)!.name_en) : code) : ''),
      areaName,
      areaPath: (code) => {
        const parts: string[] = [];
        for (let a = code ? areaBy.get(code) : undefined; a && a.level !== 'provinsi'; a = a.parent ? areaBy.get(a.parent) : undefined) parts.push(titleCase(a.name));
        return parts.join(', ') || (code ?? '');
      },
      agencyName: (id) => (id ? (agencyBy.get(id)?.name ?? id) : ''),
    };
  }, [cats.data, areas.data, agencies.data, cats.loading, areas.loading, agencies.loading, cats.error, areas.error, agencies.error, pick]);
}
