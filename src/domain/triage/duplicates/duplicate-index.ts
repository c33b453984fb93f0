import { metresPerDegree } from '../../geo/planar.js';
import { DAY_MS, DEFAULT_DUPLICATE_CONFIG, ruleFor, type DuplicateConfig, type ResolvedRule } from './duplicate-config.js';
import { TermStats } from './term-stats.js';

/**
 * In-memory index of open cases for the duplicate finder. Cases are bucketed per category by a grid cell as
 * wide as the category's radius and a time slot as long as its window, so a search visits about 3 × 3 cells
 * × 3 slots whatever the number of open cases; the few cases there are filtered by exact distance and time
 * and scored by IDF-weighted cosine similarity of their token sets. Cases without coordinates are found
 * through their area code (a kelurahan from the gazetteer), or, with neither, among the category's other
 * unplaced cases. Tokens come from the text pipeline; this module does not tokenize.
 */

export interface OpenCaseInput {
  id: string;
  category: string;
  lat?: number | null;
  lng?: number | null;
  /** Area code (e.g. the kelurahan) when known; the only place information for non-geotagged reports. */
  areaCode?: string | null;
  createdAt: Date | number;
  tokens: readonly string[];
}

export interface DuplicateQuery extends Omit<OpenCaseInput, 'id'> {
  /** The case being checked, when it is already in the index. */
  excludeId?: string;
}

export interface DuplicateCandidate {
  id: string;
  /** 0–1: text similarity, lowered with distance when both cases have coordinates. */
  score: number;
  /** IDF-weighted cosine similarity of the token sets, 0–1. */
  textScore: number;
  /** Null when either case has no coordinates. */
  distanceMetres: number | null;
  /** Absolute difference of creation times, in days. */
  ageDays: number;
  /** Above the auto-link threshold: link without asking. */
  autoLink: boolean;
}

interface Entry {
  id: string;
  category: string;
  lat: number;
  lng: number;
  placed: boolean;
  areaCode: string | null;
  createdAt: number;
  terms: number[];
}

type Slots = Map<number, Entry[]>;

interface CategoryBuckets {
  rule: ResolvedRule;
  cellDeg: number;
  grid: Map<number, Slots>;
  byArea: Map<string, Slots>;
  unplaced: Map<number, Slots>;
}

const LAT_OFFSET = 2 ** 20;
const LNG_OFFSET = 2 ** 21;

export class DuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly categories = new Map<string, CategoryBuckets>();
  private readonly stats = new TermStats();

  constructor(private readonly config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds a case, replacing any case with the same id. */
  insert(input: OpenCaseInput): void {
    this.remove(input.id);
    const placed = isPoint(input.lat, input.lng);
    const entry: Entry = {
      id: input.id,
      category: input.category,
      lat: placed ? (input.lat as number) : 0,
      lng: placed ? (input.lng as number) : 0,
      placed,
      areaCode: input.areaCode ?? null,
      createdAt: toMs(input.createdAt),
      terms: this.stats.intern(input.tokens),
    };
    this.forEachHome(entry, put);
    this.entries.set(entry.id, entry);
    this.stats.add(entry.terms);
  }

  /** Removes a case (closed, merged or re-categorised); false when it was not there. */
  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.forEachHome(entry, take);
    this.entries.delete(id);
    this.stats.remove(entry.terms);
    return true;
  }

  /** Open cases that may report the same incident, best first, above the suggest threshold. */
  findCandidates(query: DuplicateQuery): DuplicateCandidate[] {
    return this.search(query, false);
  }

  /** The same answer by scanning every open case: the baseline for tests and benchmarks. */
  findCandidatesByScan(query: DuplicateQuery): DuplicateCandidate[] {
    return this.search(query, true);
  }

  private search(query: DuplicateQuery, scan: boolean): DuplicateCandidate[] {
    const c = this.categories.get(query.category);
    if (!c) return [];
    const { radiusMetres, windowMs } = c.rule;
    const distanceWeight = this.config.distanceWeight;
    const t = toMs(query.createdAt);
    const slotFrom = Math.floor((t - windowMs) / windowMs);
    const slotTo = Math.floor((t + windowMs) / windowMs);
    const placed = isPoint(query.lat, query.lng);
    const lat = placed ? (query.lat as number) : 0;
    const lng = placed ? (query.lng as number) : 0;
    const k = metresPerDegree(lat);
    const { ids, unseen } = this.stats.lookup(query.tokens);
    const unseenIdf = this.stats.unseenIdf();
    const queryNorm2 = this.stats.squaredNorm(ids) + unseen * unseenIdf * unseenIdf;
    const out: DuplicateCandidate[] = [];

    const consider = (e: Entry, requireDistance: boolean) => {
      if (e.id === query.excludeId || Math.abs(e.createdAt - t) > windowMs) return;
      let distance: number | null = null;
      if (placed && e.placed) {
        const dx = (e.lng - lng) * k.x;
        const dy = (e.lat - lat) * k.y;
        distance = Math.sqrt(dx * dx + dy * dy);
        if (distance > radiusMetres) return;
      } else if (requireDistance) return;
      const textScore = queryNorm2 > 0 ? this.stats.cosine(ids, queryNorm2, e.terms) : 0;
      const score = distance === null ? textScore : textScore * (1 - distanceWeight * (distance / radiusMetres));
      if (score < this.config.suggestThreshold) return;
      out.push({
        id: e.id,
        score: Math.round(score * 1000) / 1000,
        textScore: Math.round(textScore * 1000) / 1000,
        distanceMetres: distance === null ? null : Math.round(distance),
        ageDays: Math.round((Math.abs(e.createdAt - t) / DAY_MS) * 10) / 10,
        autoLink: score >= this.config.autoLinkThreshold,
      });
    };
    const visit = (slots: Slots | undefined, requireDistance: boolean, skipPlaced: boolean) => {
      if (!slots) return;
      for (let s = slotFrom; s <= slotTo; s++) {
        const bucket = slots.get(s);
        if (!bucket) continue;
        for (const e of bucket) if (!(skipPlaced && e.placed)) consider(e, requireDistance);
      }
    };

    if (scan) {
      for (const e of this.entries.values()) {
        if (e.category !== query.category) continue;
        if (placed && e.placed) consider(e, true);
        else if (placed ? query.areaCode && e.areaCode === query.areaCode : query.areaCode ? e.areaCode === query.areaCode : !e.placed && !e.areaCode) {
          consider(e, false);
        }
      }
    } else if (placed) {
      const rLat = radiusMetres / k.y;
      const rLng = radiusMetres / k.x;
      const y0 = Math.floor((lat - rLat) / c.cellDeg);
      const y1 = Math.floor((lat + rLat) / c.cellDeg);
      const x0 = Math.floor((lng - rLng) / c.cellDeg);
      const x1 = Math.floor((lng + rLng) / c.cellDeg);
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) visit(c.grid.get(packCell(y, x)), true, false);
      }
      // Same-area reports without coordinates may describe the same incident.
      if (query.areaCode) visit(c.byArea.get(query.areaCode), false, true);
    } else if (query.areaCode) {
      visit(c.byArea.get(query.areaCode), false, false);
    } else {
      visit(c.unplaced.get(0), false, false);
    }
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, this.config.maxCandidates);
  }

  /** The buckets an entry lives in, recomputed from its fields (storing them would cost memory per case). */
  private forEachHome(entry: Entry, action: (entry: Entry, outer: Map<number | string, Slots>, key: number | string, slot: number) => void): void {
    const c = this.bucketsFor(entry.category);
    const slot = Math.floor(entry.createdAt / c.rule.windowMs);
    if (entry.placed) action(entry, c.grid, cellKey(entry.lat, entry.lng, c.cellDeg), slot);
    if (entry.areaCode) action(entry, c.byArea, entry.areaCode, slot);
    if (!entry.placed && !entry.areaCode) action(entry, c.unplaced, 0, slot);
  }

  private bucketsFor(category: string): CategoryBuckets {
    let c = this.categories.get(category);
    if (!c) {
      const rule = ruleFor(this.config, category);
      c = { rule, cellDeg: rule.radiusMetres / metresPerDegree(0).y, grid: new Map(), byArea: new Map(), unplaced: new Map() };
      this.categories.set(category, c);
    }
    return c;
  }
}

function put(entry: Entry, outer: Map<number | string, Slots>, key: number | string, slot: number): void {
  let slots = outer.get(key);
  if (!slots) {
    slots = new Map();
    outer.set(key, slots);
  }
  let bucket = slots.get(slot);
  if (!bucket) {
    bucket = [];
    slots.set(slot, bucket);
  }
  bucket.push(entry);
}

function take(entry: Entry, outer: Map<number | string, Slots>, key: number | string, slot: number): void {
  const slots = outer.get(key);
  const bucket = slots?.get(slot);
  if (!slots || !bucket) return;
  const i = bucket.indexOf(entry);
  if (i >= 0) {
    bucket[i] = bucket[bucket.length - 1];
    bucket.pop();
  }
  if (bucket.length === 0) slots.delete(slot);
  if (slots.size === 0) outer.delete(key);
}

function cellKey(lat: number, lng: number, cellDeg: number): number {
  return packCell(Math.floor(lat / cellDeg), Math.floor(lng / cellDeg));
}

/** Row and column in one safe integer (rows < 2^20, columns < 2^21 for cells ≥ 20 m). */
function packCell(row: number, col: number): number {
  return (row + LAT_OFFSET) * 2 ** 22 + (col + LNG_OFFSET);
}

function isPoint(lat: number | null | undefined, lng: number | null | undefined): boolean {
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng);
}

function toMs(value: Date | number): number {
  const ms = typeof value === 'number' ? value : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('createdAt must be a valid date');
  return ms;
}
