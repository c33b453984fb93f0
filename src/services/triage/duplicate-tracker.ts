import { DEFAULT_DUPLICATE_CONFIG, type DuplicateConfig } from '../../domain/triage/duplicates/duplicate-config.js';
import { DuplicateIndex, type DuplicateCandidate } from '../../domain/triage/duplicates/duplicate-index.js';
import { tokenize } from '../../domain/triage/text/index.js';
import type { Executor } from '../../store/transaction.js';
import { OPEN_STATUSES, type Status } from '../../domain/case/status.js';
import { casesAfter, stillOpen, type OpenCaseFacts } from '../../store/triage.repository.js';

/**
 * The duplicate finder's in-memory index of open cases for one process. Loaded at start; before each search
 * it takes in the cases created since (by any process: intake of one server, the CLI, another replica), so
 * it needs no hook in the intake transaction. Cases closed meanwhile are dropped when they come up as
 * candidates (one indexed look-up over a handful of ids), which keeps the index current without scanning.
 */

/** Cases without a category are compared among themselves under this key. */
export const UNCATEGORISED = '';

/** What a duplicate search compares: a complaint's category, place, time and text. */
export interface CaseQuery {
  category: string | undefined;
  lat?: number;
  lng?: number;
  areaCode?: string;
  createdAt: Date;
  text: string;
}
const PAGE = 5_000;

export class DuplicateTracker {
  private readonly index: DuplicateIndex;
  private lastId = 0;

  constructor(private readonly config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG) {
    this.index = new DuplicateIndex(config);
  }

  get size(): number {
    return this.index.size;
  }

  /** The highest case id taken in so far. */
  get seenUpTo(): number {
    return this.lastId;
  }

  /** Takes in every open case created after the last one seen. */
  async catchUp(db: Executor): Promise<void> {
    for (;;) {
      const rows = await casesAfter(db, this.lastId, PAGE);
      for (const row of rows) {
        if (OPEN_STATUSES.includes(row.status as Status)) this.add(row);
        else this.lastId = Math.max(this.lastId, row.id);
      }
      if (rows.length < PAGE) return;
    }
  }

  add(row: OpenCaseFacts): void {
    this.lastId = Math.max(this.lastId, row.id);
    this.index.insert({
      id: String(row.id),
      category: row.category_code ?? UNCATEGORISED,
      lat: row.lat,
      lng: row.lng,
      areaCode: row.area_code,
      createdAt: new Date(row.created_at),
      tokens: tokenize(`${row.title ?? ''} ${row.description}`),
    });
  }

  remove(caseId: number): void {
    this.index.remove(String(caseId));
  }

  /** Candidates above the suggest threshold that are still open, best first. */
  async candidates(db: Executor, query: CaseQuery): Promise<DuplicateCandidate[]> {
    return (await this.openCandidates(db, query)).filter((c) => c.score >= this.config.suggestThreshold);
  }

  /**
   * The best open case with an id in (afterId, beforeId) that `query` duplicates above the auto-link threshold:
   * the cases committed while this one was being taken in, which its own search could not see.
   */
  async lateAutoLink(db: Executor, query: CaseQuery, afterId: number, beforeId: number): Promise<number | null> {
    if (beforeId - afterId < 2) return null;
    const found = await this.openCandidates(db, query, String(beforeId));
    const hit = found.find((c) => c.autoLink && Number(c.id) > afterId && Number(c.id) < beforeId);
    return hit ? Number(hit.id) : null;
  }

  /** Candidates among the cases seen so far (caught up first), those closed meanwhile dropped from the index. */
  private async openCandidates(db: Executor, query: CaseQuery, excludeId?: string): Promise<DuplicateCandidate[]> {
    await this.catchUp(db);
    const found = this.index.findCandidates({
      category: query.category ?? UNCATEGORISED,
      lat: query.lat,
      lng: query.lng,
      areaCode: query.areaCode,
      createdAt: query.createdAt,
      tokens: tokenize(query.text),
      excludeId,
    });
    if (found.length === 0) return found;
    const open = await stillOpen(db, found.map((c) => Number(c.id)));
    for (const c of found) if (!open.has(Number(c.id))) this.remove(Number(c.id));
    return found.filter((c) => open.has(Number(c.id)));
  }
}
