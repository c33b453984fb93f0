import { type WorkingCalendar, INDONESIA_HOLIDAYS_2024_2027, createJakartaCalendar } from '../../domain/calendar/index.js';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_SLA_POLICY_SETS,
  FALLBACK_SLA_POLICY_SET,
  type EscalationStep,
  type SlaPolicy,
  validatePolicies,
} from '../../domain/sla/index.js';
import { getSetting, putSetting } from '../../store/settings.repository.js';
import { listImportedHolidays, loadAgencyIndex } from '../../store/sla.repository.js';
import type { Executor } from '../../store/transaction.js';
import { effectiveHolidays, utcOffsetOf } from '../calendar/effective-holidays.js';
import type { AppContext } from '../context.js';

/**
 * What the SLA clock needs besides a case — the working calendar (shipped holidays + the admin's table), the
 * policy sets, the escalation ladder and the agencies' kinds — built once per process and database, and
 * rebuilt only when the stored configuration version changes (a holiday import or a policy change bumps it,
 * in any process). A recompute then costs no queries for these; the version is re-read at most every few
 * seconds.
 */
export interface AgencyInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
  readonly headTitle: string | null;
  readonly headEselon: string | null;
  readonly email: string | null;
  readonly active: boolean;
}

export interface SlaRuntime {
  readonly version: string;
  readonly calendar: WorkingCalendar;
  readonly utcOffsetMinutes: number;
  readonly policySets: Readonly<Record<string, readonly SlaPolicy[]>>;
  readonly ladder: readonly EscalationStep[];
  agency(id: string): AgencyInfo | undefined;
  /** Every agency known when the runtime was last refreshed. */
  agencies(): AgencyInfo[];
  /** The policy set for a category's `sla_policy` code (the fallback set for none or an unknown code). */
  policySet(code: string | null | undefined): readonly SlaPolicy[];
}

export const SLA_CONFIG_VERSION_KEY = 'sla_config_version';
export const SLA_POLICY_SETS_KEY = 'sla_policy_sets';
export const SLA_LADDER_KEY = 'sla_escalation_ladder';
const VERSION_TTL_MS = 5_000;
const AGENCY_TTL_MS = 300_000;

interface Entry {
  runtime: SlaRuntime;
  versionCheckedAt: number;
  agencies: Map<string, AgencyInfo>;
  agenciesLoadedAt: number;
}

const cache = new WeakMap<object, Entry>();

export class SlaConfigInvalid extends Error {}

/** Parses and validates stored policy sets; every problem listed at once. */
export function parsePolicySets(json: string): Record<string, readonly SlaPolicy[]> {
  const sets = JSON.parse(json) as Record<string, SlaPolicy[]>;
  const problems = Object.entries(sets).flatMap(([code, set]) => (Array.isArray(set) ? validatePolicies(set).map((p) => `${code}: ${p}`) : [`${code}: not a list`]));
  if (!sets[FALLBACK_SLA_POLICY_SET]) problems.push(`the set ${FALLBACK_SLA_POLICY_SET} is required (cases without a category use it)`);
  if (problems.length) throw new SlaConfigInvalid(`invalid SLA policy sets:\n  - ${problems.join('\n  - ')}`);
  return sets;
}

/** Parses and validates a stored escalation ladder; every problem listed at once. */
export function parseLadder(json: string): EscalationStep[] {
  const steps = JSON.parse(json) as EscalationStep[];
  const recipients = ['assignee', 'supervisor', 'agency_head', 'monitor'];
  const problems: string[] = [];
  if (!Array.isArray(steps)) problems.push('the ladder must be a list of steps');
  else
    steps.forEach((s, i) => {
      const notify = typeof s?.notify === 'string' ? [s.notify] : s?.notify;
      if (!Array.isArray(notify) || notify.length === 0 || notify.some((n) => !recipients.includes(n))) problems.push(`step ${i + 1}: notify one or more of ${recipients.join(', ')}`);
      const fraction = (s as { atFractionOfTarget?: number }).atFractionOfTarget;
      if (!('onRedFlag' in s) && !(typeof fraction === 'number' && fraction > 0 && Number.isFinite(fraction))) problems.push(`step ${i + 1}: needs atFractionOfTarget > 0 or onRedFlag: true`);
    });
  if (problems.length) throw new SlaConfigInvalid(`invalid escalation ladder:\n  - ${problems.join('\n  - ')}`);
  return steps;
}

async function build(ctx: AppContext, db: Executor, version: string, agencies: Map<string, AgencyInfo>): Promise<SlaRuntime> {
  const imported = await listImportedHolidays(db);
  const holidays = effectiveHolidays(
    INDONESIA_HOLIDAYS_2024_2027,
    imported.map((h) => ({ date: h.date, type: h.type as never, name: h.name, status: h.status as never })),
  );
  const utcOffsetMinutes = utcOffsetOf(ctx.config.timezone);
  const calendar = createJakartaCalendar({ holidays, utcOffsetMinutes });
  const storedSets = await getSetting(db, SLA_POLICY_SETS_KEY);
  const storedLadder = await getSetting(db, SLA_LADDER_KEY);
  const policySets = storedSets ? parsePolicySets(storedSets) : DEFAULT_SLA_POLICY_SETS;
  const ladder = storedLadder ? parseLadder(storedLadder) : DEFAULT_ESCALATION_LADDER;
  return {
    version,
    calendar,
    utcOffsetMinutes,
    policySets,
    ladder,
    agency: (id) => agencies.get(id),
    agencies: () => [...agencies.values()],
    policySet: (code) => policySets[code ?? FALLBACK_SLA_POLICY_SET] ?? policySets[FALLBACK_SLA_POLICY_SET],
  };
}

async function loadAgencies(db: Executor, into: Map<string, AgencyInfo>): Promise<void> {
  into.clear();
  for (const a of await loadAgencyIndex(db)) {
    into.set(a.id, { id: a.id, name: a.name, kind: a.kind, parentId: a.parent_id, headTitle: a.head_title, headEselon: a.head_eselon, email: a.email, active: a.active === 1 });
  }
}

/**
 * The runtime for this database. Pass the transaction when inside one: on SQLite a query on another handle
 * would wait for the transaction's own connection.
 */
export async function getSlaRuntime(ctx: AppContext, db: Executor = ctx.database.db): Promise<SlaRuntime> {
  const key = ctx.database;
  const tick = performance.now();
  let entry = cache.get(key);
  if (entry && tick - entry.versionCheckedAt < VERSION_TTL_MS) return entry.runtime;
  const version = (await getSetting(db, SLA_CONFIG_VERSION_KEY)) ?? '0';
  if (entry && entry.runtime.version === version) {
    entry.versionCheckedAt = tick;
    if (tick - entry.agenciesLoadedAt > AGENCY_TTL_MS) {
      await loadAgencies(db, entry.agencies);
      entry.agenciesLoadedAt = tick;
    }
    return entry.runtime;
  }
  const agencies = new Map<string, AgencyInfo>();
  await loadAgencies(db, agencies);
  entry = { runtime: await build(ctx, db, version, agencies), versionCheckedAt: tick, agencies, agenciesLoadedAt: tick };
  cache.set(key, entry);
  return entry.runtime;
}

/** Looks an agency up, reloading the agency index once when it is unknown (a catalog import added it). */
export async function agencyInfo(ctx: AppContext, db: Executor, id: string): Promise<AgencyInfo | undefined> {
  const rt = await getSlaRuntime(ctx, db);
  const found = rt.agency(id);
  if (found) return found;
  const entry = cache.get(ctx.database);
  if (!entry) return undefined;
  await loadAgencies(db, entry.agencies);
  entry.agenciesLoadedAt = performance.now();
  return entry.runtime.agency(id);
}

/** Marks the SLA configuration changed (inside the transaction that changes it); every process rebuilds. */
export async function bumpSlaConfigVersion(ctx: AppContext, db: Executor): Promise<void> {
  await putSetting(db, SLA_CONFIG_VERSION_KEY, `${ctx.clock().toISOString()}#${Math.random().toString(36).slice(2, 10)}`);
}

/** Drops this process's runtime after the change committed, so the next use rebuilds at once. */
export function invalidateSlaRuntime(ctx: AppContext): void {
  cache.delete(ctx.database);
}
