import type { Generated } from 'kysely';

/** Row types of the SLA clock, reports and TKD tables (migration 20261128010000-sla-reports). */

/**
 * Admin-edited holidays. A year present here replaces the shipped table's list for that year entirely
 * (importing the SKB of a year makes it authoritative, including removing provisional dates).
 */
export interface CalendarHolidayTable {
  date: string;
  year: number;
  type: string;
  name: string;
  status: string;
  source: string;
  updated_at: string;
}

/** The SLA clock's state per case, recomputed in every transaction that changes the case. */
export interface CaseSlaTable {
  case_id: number;
  policy_id: string;
  /** open | resolved | closed */
  state: string;
  paused: number;
  first_response_due_at: string | null;
  follow_up_due_at: string | null;
  red_flag_due_at: string | null;
  auto_close_at: string | null;
  /** When the scanner must look at the case again (next escalation step or auto-close); null: never. */
  next_check_at: string | null;
  /** The scanner handled every escalation step due up to this instant. */
  escalated_until: string | null;
  /** JSON: holdings with their attribution (who held, who is charged, running and paused time). */
  holdings: string;
  /** JSON: `holdingIndex:at` of the red flags up, to notice when they change. */
  red_flags: string;
  /** Hash of the outcome rows last written, so an unchanged recomputation writes nothing. */
  outcome_sig: string;
  computed_at: string;
}

/**
 * One row per (case, agency that answers for it) — scope `agency` — and one per case — scope `case` (the case as
 * the citizen saw it, for per-channel and per-area figures). Statuses are as of `computed_at`; readers apply
 * their own "as of" (a `pending` target whose due time has passed is overdue). `agency_id` '' is the unassigned
 * intake queue. Months are local (calendar offset) `YYYY-MM`.
 */
export interface SlaOutcomeTable {
  id: Generated<number>;
  case_id: number;
  scope: 'agency' | 'case';
  agency_id: string;
  month: string;
  received_at: string;
  channel: string;
  area_code: string | null;
  /** JSON [[from, to|null], …]: the intervals this agency held the case. */
  held: string;
  held_from: string;
  held_to: string | null;
  /** How many intervals `held` lists (1 unless the case came back to the agency). */
  held_parts: number;
  ver_status: string | null;
  ver_due: string | null;
  resp_status: string | null;
  resp_due: string | null;
  fu_status: string | null;
  fu_due: string | null;
  res_status: string | null;
  res_due: string | null;
  response_ms: number | null;
  resolution_ms: number | null;
  resolved_at: string | null;
  /** When the red flag went (or will go) up if nothing happens; count it once it is ≤ the report's "as of". */
  red_flag_at: string | null;
  red_flag_month: string | null;
  reopened: number;
  /** The citizen's rating of the case is credited to this row (last resolver). */
  rated: number;
  policy_id: string;
  computed_at: string;
}

/** Time lost to a misroute, charged to the unit that misrouted ('' = nobody). */
export interface SlaMisrouteTable {
  id: Generated<number>;
  case_id: number;
  holding_index: number;
  charged_to: string;
  held_by: string;
  from_at: string;
  to_at: string;
  month: string;
  working_ms: number;
}

/** Every red flag raised, as a record: a flag the clock no longer shows (a misroute declared later) is withdrawn, not deleted. */
export interface SlaRedFlagTable {
  id: Generated<number>;
  case_id: number;
  holding_index: number;
  agency_id: string;
  charged_to: string;
  raised_at: string;
  month: string;
  recorded_at: string;
  withdrawn_at: string | null;
}

/** In-app notifications for a user, or for everyone of an agency (user_id null). */
export interface NotificationTable {
  id: Generated<number>;
  /** Unique per logical notification and recipient: inserting it twice stores it once. */
  dedupe_key: string;
  user_id: number | null;
  agency_id: string | null;
  case_id: number | null;
  kind: string;
  title: string;
  body: string;
  data: string | null;
  created_at: string;
  read_at: string | null;
}

/** An agency head's appeal against a case counted for the agency; a reviewer decides. */
export interface TkdAppealTable {
  id: Generated<number>;
  case_id: number;
  agency_id: string;
  /** exclude | reattribute */
  remedy: string;
  to_agency_id: string | null;
  reason: string;
  /** pending | accepted | rejected */
  status: string;
  filed_by: string;
  filed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** A finalized month of the TKD report: summary and per-case lines, sealed by a content hash. */
export interface TkdSnapshotTable {
  id: Generated<number>;
  month: string;
  rule: string;
  summary: string;
  content_hash: string;
  line_count: number;
  as_of: string;
  finalized_at: string;
  finalized_by: string;
}

export interface TkdSnapshotLineTable {
  snapshot_id: number;
  case_id: number;
  agency_id: string;
  line: string;
}
