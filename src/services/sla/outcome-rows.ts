import { localMonthOf } from '../../domain/calendar/index.js';
import type { CaseOutcome, MisrouteOutcome } from '../../domain/scoring/index.js';
import { outcomesFromClock } from '../../domain/scoring/index.js';
import type { Holding, SlaClock, TargetKind, TargetStatus } from '../../domain/sla/index.js';
import type { MisrouteRow, OutcomeRow } from '../../store/sla.repository.js';

/**
 * Per-case outcome rows: what the monthly reports aggregate instead of replaying every timeline. Rows are
 * stored "timeless": an unmet target is `pending` with its due time and the red flag carries the instant it
 * goes up, so a reader decides "overdue" and "raised" against its own as-of instant, and a recomputation that
 * only saw time pass writes nothing.
 */
export const TARGET_COLUMNS: Readonly<Record<TargetKind, { status: 'ver_status' | 'resp_status' | 'fu_status' | 'res_status'; due: 'ver_due' | 'resp_due' | 'fu_due' | 'res_due' }>> = {
  verification: { status: 'ver_status', due: 'ver_due' },
  first_response: { status: 'resp_status', due: 'resp_due' },
  follow_up: { status: 'fu_status', due: 'fu_due' },
  resolution: { status: 'res_status', due: 'res_due' },
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const minIso = (values: (Date | null)[]) => {
  const ms = values.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return ms.length === 0 ? null : new Date(Math.min(...ms));
};
/** The instant a holding's red flag goes (or went) up unless something stops it; null if it never will. */
const flagInstant = (h: Holding) => h.redFlag?.at ?? h.redFlagDueAt;

export interface OutcomeRowsInput {
  readonly caseId: number;
  readonly clock: SlaClock;
  readonly channel: string;
  readonly areaCode: string | null;
  readonly utcOffsetMinutes: number;
  readonly computedAt: Date;
}

export function outcomeRows(input: OutcomeRowsInput): { outcomes: OutcomeRow[]; misroutes: MisrouteRow[] } {
  const { clock, utcOffsetMinutes: offset } = input;
  const derived = outcomesFromClock({ caseId: String(input.caseId), clock });
  const lastResolver = [...clock.holdings].reverse().find((h) => h.endedBy === 'resolved');
  const month = (d: Date) => localMonthOf(d.getTime(), offset);
  const row = (scope: 'agency' | 'case', o: CaseOutcome, holdings: readonly Holding[], rated: boolean, policyId: string): OutcomeRow => {
    const flag = minIso(holdings.filter((h) => h.counted).map(flagInstant));
    const targets: Record<string, string | null> = {};
    for (const [kind, cols] of Object.entries(TARGET_COLUMNS) as [TargetKind, (typeof TARGET_COLUMNS)[TargetKind]][]) {
      const t = o.targets[kind];
      targets[cols.status] = t ? (t.status === 'overdue' ? 'pending' : t.status) : null;
      targets[cols.due] = t ? iso(t.dueAt) : null;
    }
    const last = o.held[o.held.length - 1];
    return {
      case_id: input.caseId,
      scope,
      agency_id: o.agencyId ?? '',
      month: month(o.receivedAt),
      received_at: o.receivedAt.toISOString(),
      channel: input.channel,
      area_code: input.areaCode,
      held: JSON.stringify(o.held.map((h) => [h.from.toISOString(), iso(h.to)])),
      held_from: o.held[0].from.toISOString(),
      held_to: o.held.some((h) => h.to === null) ? null : iso(last.to),
      held_parts: o.held.length,
      ...(targets as Pick<OutcomeRow, 'ver_status' | 'ver_due' | 'resp_status' | 'resp_due' | 'fu_status' | 'fu_due' | 'res_status' | 'res_due'>),
      response_ms: o.responseWorkingMs,
      resolution_ms: o.resolutionWorkingMs,
      resolved_at: iso(o.resolvedAt),
      red_flag_at: iso(flag),
      red_flag_month: flag ? month(flag) : null,
      reopened: o.reopened ? 1 : 0,
      rated: rated ? 1 : 0,
      policy_id: policyId,
      computed_at: input.computedAt.toISOString(),
    };
  };
  const outcomes = derived.outcomes.map((o) => {
    const mine = clock.holdings.filter((h) => h.agencyId === o.agencyId && h.counted);
    return row('agency', o, mine, lastResolver !== undefined && lastResolver.counted && lastResolver.agencyId === o.agencyId, mine[0].policyId);
  });
  outcomes.push(row('case', derived.caseOutcome, clock.holdings, lastResolver !== undefined, clock.holdings[0].policyId));
  const misroutes = clock.holdings
    .filter((h) => h.misrouted && h.to !== null)
    .map((h): MisrouteRow => ({
      case_id: input.caseId,
      holding_index: h.index,
      charged_to: h.chargedTo ?? '',
      held_by: h.agencyId ?? '',
      from_at: h.from.toISOString(),
      to_at: h.to!.toISOString(),
      month: month(h.to!),
      working_ms: h.activeWorkingMs,
    }));
  return { outcomes, misroutes };
}

/** A stored outcome row as read back for reports (with the case's latest rating when the row is credited with it). */
export interface StoredOutcome {
  readonly case_id: number;
  readonly scope: string;
  readonly agency_id: string;
  readonly received_at: string;
  readonly channel: string;
  readonly area_code: string | null;
  readonly held: string;
  readonly ver_status: string | null;
  readonly ver_due: string | null;
  readonly resp_status: string | null;
  readonly resp_due: string | null;
  readonly fu_status: string | null;
  readonly fu_due: string | null;
  readonly res_status: string | null;
  readonly res_due: string | null;
  readonly response_ms: number | null;
  readonly resolution_ms: number | null;
  readonly resolved_at: string | null;
  readonly red_flag_at: string | null;
  readonly reopened: number;
  readonly rated: number;
  readonly rating: number | null;
}

/** Status of a stored target as of an instant: a pending target past its due time is overdue. */
export function statusAsOf(status: string | null, due: string | null, asOfIso: string): TargetStatus | null {
  if (status === null) return null;
  if (status === 'pending' && due !== null && due < asOfIso) return 'overdue';
  return status as TargetStatus;
}

/** Area dimensions of a kelurahan code `31.71.01.1001`: kota `31.71`, kecamatan `31.71.01`, kelurahan. */
export function areaDimensions(code: string | null): Record<string, string> {
  if (!code) return {};
  const parts = code.split('.');
  const dims: Record<string, string> = {};
  if (parts.length >= 2) dims.kota = parts.slice(0, 2).join('.');
  if (parts.length >= 3) dims.kecamatan = parts.slice(0, 3).join('.');
  if (parts.length >= 4) dims.kelurahan = parts.slice(0, 4).join('.');
  return dims;
}

export function toCaseOutcome(row: StoredOutcome, asOf: Date): CaseOutcome {
  const asOfIso = asOf.toISOString();
  const targets: Partial<Record<TargetKind, { status: TargetStatus; dueAt: Date | null }>> = {};
  for (const [kind, cols] of Object.entries(TARGET_COLUMNS) as [TargetKind, (typeof TARGET_COLUMNS)[TargetKind]][]) {
    const status = statusAsOf(row[cols.status], row[cols.due], asOfIso);
    if (status) targets[kind] = { status, dueAt: row[cols.due] ? new Date(row[cols.due]!) : null };
  }
  const held = (JSON.parse(row.held) as [string, string | null][]).map(([from, to]) => ({ from: new Date(from), to: to ? new Date(to) : null }));
  return {
    caseId: String(row.case_id),
    agencyId: row.agency_id === '' ? null : row.agency_id,
    receivedAt: new Date(row.received_at),
    held,
    targets,
    responseWorkingMs: row.response_ms === null ? null : Number(row.response_ms),
    resolutionWorkingMs: row.resolution_ms === null ? null : Number(row.resolution_ms),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    redFlagAt: row.red_flag_at !== null && row.red_flag_at < asOfIso ? new Date(row.red_flag_at) : null,
    reopened: row.reopened === 1,
    rating: row.rated === 1 && row.rating !== null ? Number(row.rating) : null,
    dimensions: { channel: row.channel, ...areaDimensions(row.area_code) },
  };
}

export function toMisroute(row: { case_id: number; charged_to: string; held_by: string; from_at: string; to_at: string; working_ms: number }): MisrouteOutcome {
  return {
    caseId: String(row.case_id),
    chargedTo: row.charged_to === '' ? null : row.charged_to,
    heldBy: row.held_by === '' ? null : row.held_by,
    from: new Date(row.from_at),
    to: new Date(row.to_at),
    workingMs: Number(row.working_ms),
  };
}
