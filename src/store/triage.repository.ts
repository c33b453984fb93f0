import type { Selectable } from 'kysely';
import { OPEN_STATUSES } from '../domain/case/status.js';
import type { Executor } from './transaction.js';
import type { TriageModelTable } from './schema.js';

/** SQL of the triage engine: model versions, stored area geometry, and the case facts the engine reads. */

export type TriageModelRow = Selectable<TriageModelTable>;
export type TriageModelSummary = Omit<TriageModelRow, 'model'>;

const AREAS_VERSION_KEY = 'triage.areas_version';

export async function insertModelVersion(db: Executor, row: Omit<TriageModelRow, 'id'>): Promise<TriageModelSummary> {
  const { model: _model, ...summary } = await db.insertInto('triage_models').values(row).returningAll().executeTakeFirstOrThrow();
  return summary;
}

/** Makes one version the active one (every other becomes inactive). */
export async function activateModelVersion(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('triage_models').set({ active: 0 }).where('active', '=', 1).execute();
  await db.updateTable('triage_models').set({ active: 1, activated_at: at }).where('id', '=', id).execute();
}

export async function findActiveModel(db: Executor): Promise<TriageModelRow | undefined> {
  return db.selectFrom('triage_models').selectAll().where('active', '=', 1).orderBy('id', 'desc').executeTakeFirst();
}

/** The active version's id only: polled to notice a model installed by another process. */
export async function activeModelId(db: Executor): Promise<number | null> {
  const row = await db.selectFrom('triage_models').select('id').where('active', '=', 1).orderBy('id', 'desc').executeTakeFirst();
  return row?.id ?? null;
}

export async function listModelVersions(db: Executor): Promise<TriageModelSummary[]> {
  return db
    .selectFrom('triage_models')
    .select(['id', 'version', 'source', 'examples', 'metrics', 'active', 'created_at', 'activated_at'])
    .orderBy('id', 'desc')
    .execute();
}

export async function modelVersionExists(db: Executor, version: string): Promise<boolean> {
  return Boolean(await db.selectFrom('triage_models').select('id').where('version', '=', version).executeTakeFirst());
}

export interface AreaNameRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export async function listAreaNames(db: Executor): Promise<AreaNameRow[]> {
  return db.selectFrom('areas').select(['code', 'name', 'level', 'parent_code']).orderBy('code').execute();
}

export async function listAreaGeometries(db: Executor): Promise<(AreaNameRow & { geometry: string })[]> {
  const rows = await db.selectFrom('areas').select(['code', 'name', 'level', 'parent_code', 'geometry']).where('geometry', 'is not', null).execute();
  return rows.map((r) => ({ ...r, geometry: r.geometry as string }));
}

/** Inserts an area that the seed list lacks, or replaces its geometry (name and parent stay the seed's). */
export async function upsertAreaGeometry(db: Executor, area: AreaNameRow & { geometry: string }): Promise<'updated' | 'inserted'> {
  const found = await db.selectFrom('areas').select('code').where('code', '=', area.code).executeTakeFirst();
  if (found) {
    await db.updateTable('areas').set({ geometry: area.geometry }).where('code', '=', area.code).execute();
    return 'updated';
  }
  await db
    .insertInto('areas')
    .values({ code: area.code, name: area.name, level: area.level as never, parent_code: area.parent_code, geometry: area.geometry, population: null })
    .execute();
  return 'inserted';
}

/** Bumped by every boundary import so engines in other processes rebuild their point index. */
export async function bumpAreasVersion(db: Executor, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: AREAS_VERSION_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function areasVersion(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', AREAS_VERSION_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export interface OpenCaseFacts {
  id: number;
  category_code: string | null;
  area_code: string | null;
  lat: number | null;
  lng: number | null;
  title: string | null;
  description: string;
  created_at: string;
  status: string;
}

/**
 * Cases with an id above `afterId`, in id order, with their status (the duplicate index loads and then follows
 * them, keeping the open ones). No status filter in SQL on purpose: with one, the planner walks the status
 * index through every open case on each call; by id alone it reads just the new rows.
 */
export async function casesAfter(db: Executor, afterId: number, limit: number): Promise<OpenCaseFacts[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'category_code', 'area_code', 'lat', 'lng', 'title', 'description', 'created_at', 'status'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}


/** The highest case id (open or not), so following new cases starts after it. */
export async function maxCaseId(db: Executor): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Which of these cases are still open (candidates may have closed since the index saw them). */
export async function stillOpen(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('cases').select('id').where('id', 'in', ids).where('status', 'in', [...OPEN_STATUSES]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Texts a sender sent since a time (their cases' descriptions), for the repeated-message check. */
export async function recentTextsFromSender(db: Executor, contactValue: string, since: string): Promise<{ id: number; description: string; received_at: string }[]> {
  return db
    .selectFrom('cases')
    .innerJoin('reporter_contacts', 'reporter_contacts.reporter_id', 'cases.reporter_id')
    .select(['cases.id', 'cases.description', 'cases.received_at'])
    .where('reporter_contacts.value', '=', contactValue)
    .where('cases.received_at', '>=', since)
    .orderBy('cases.received_at', 'desc')
    .limit(50)
    .execute();
}

export async function listCategoryCodes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('categories').select('code').execute();
  return rows.map((r) => r.code);
}

/**
 * Labelled history for training: the category of each case an officer corrected (the latest correction wins)
 * or that was resolved/closed with a category. Officers' corrections are the labels the model must learn.
 */
export async function labelledCases(db: Executor, since?: string): Promise<{ id: number; text: string; label: string; at: string }[]> {
  let q = db
    .selectFrom('cases')
    .select(['id', 'title', 'description', 'category_code', 'created_at'])
    .where('category_code', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['selesai', 'ditutup']),
        eb.exists(eb.selectFrom('events').select('events.id').whereRef('events.case_id', '=', 'cases.id').where('events.action', '=', 'case.recategorized')),
      ]),
    );
  if (since) q = q.where('created_at', '>=', since);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, text: `${r.title ?? ''} ${r.description}`.trim(), label: r.category_code as string, at: r.created_at }));
}
