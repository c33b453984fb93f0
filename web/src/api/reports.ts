/** Shapes of the report API answers the officer console reads (src/http/routes/reports/routes.ts). */
export const TARGET_KINDS = ['verification', 'first_response', 'follow_up', 'resolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const REPORT_READERS = ['admin', 'monitor', 'auditor', 'agency_head'] as const;
export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
/** Who decides appeals (POST /api/reports/appeals/:id/decision); finalizing a month is for admins only. */
export const APPEAL_REVIEWERS = ['admin', 'monitor'] as const;
export const canDecideAppeals = (role: string) => (APPEAL_REVIEWERS as readonly string[]).includes(role);
export const canFinalize = (role: string) => role === 'admin';

export interface ShareFigure {
  met: number;
  counted: number;
  share: number | null;
}

export interface ScorePart {
  part: TargetKind | 'rating';
  weight: number;
  value: number | null;
  points: number;
}

export interface TkdScoreJson {
  score: number;
  band: string;
  loss_percent_of_component: number;
  red_flag_points: number;
  parts: ScorePart[];
}

/** One agency head's line of the month (tkdAgencyJson). */
export interface TkdLine extends TkdScoreJson {
  agency_id: string;
  name: string;
  head_title: string | null;
  head_eselon: string | null;
  /** The head's echelon is in the configured scope: the deduction applies. */
  covered: boolean;
  received: number;
  on_time: Record<TargetKind, ShareFigure>;
  rating: { average: number | null; count: number };
  reopened: number;
  resolved: number;
  red_flags: number;
  misrouted: number;
  /** Percent of the head's TKD deducted; null when not covered. */
  deduction_percent: number | null;
}

export interface TkdReport {
  month: string;
  as_of: string;
  status: 'live' | 'finalized';
  rule: { componentWeightPercent: number; eselon_scope: string[] } & Record<string, unknown>;
  agencies: TkdLine[];
  finalized?: { snapshot_id: number; finalized_at: string; finalized_by: string; as_of: string; content_hash: string; intact: boolean };
  adjustments?: { case_id: number; ticket: string | null; agency_id: string | null }[];
  adjusted?: TkdLine[];
}

export type TargetStatus = 'met' | 'missed' | 'overdue';

/** One case counted for the agency in the month (tkd-drilldown.ts). */
export interface DrilldownCase {
  caseId: string;
  agencyId: string | null;
  ticket: string | null;
  received: 0 | 1;
  targets: Partial<Record<TargetKind, TargetStatus>>;
  resolved: 0 | 1;
  reopened: 0 | 1;
  rating: number | null;
  redFlag: 0 | 1;
  misrouted: number;
  dueAt: Partial<Record<TargetKind, string | null>>;
  redFlagAt: string | null;
  /** The effect of an accepted appeal on this line, if any. */
  appealed: string | null;
}

export interface TimeFigure {
  median: number | null;
  p90: number | null;
  n: number;
}

export interface DrilldownFigures {
  received: { count: number };
  on_time: Record<TargetKind, ShareFigure>;
  response_time_working_hours: TimeFigure;
  resolution_time_working_hours: TimeFigure;
  red_flags: { count: number };
  backlog: { at: string; total: number; buckets: { label: string; count: number }[] };
  reopen_rate: { share: number | null; reopened: number; resolved: number };
  rating: { average: number | null; count: number };
  misrouted: { count: number };
  appeals: { appeal_id: number; case_id: number; agency_id: string; effect: string; to_agency_id: string | null }[];
}

export interface Drilldown {
  month: string;
  agency_id: string;
  as_of: string;
  figures: DrilldownFigures;
  score: TkdScoreJson;
  cases: DrilldownCase[];
}

export interface Appeal {
  id: number;
  case_id: number;
  ticket: string | null;
  agency_id: string;
  remedy: 'exclude' | 'reattribute';
  to_agency_id: string | null;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  filed_by: string;
  filed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export type AppealDecision = 'accepted' | 'rejected';

/** The answer of POST /api/reports/tkd/finalize. */
export interface FinalizeResult {
  snapshotId: number;
  contentHash: string;
  lines: number;
  agencies: number;
}

export const tkdUrl = (month: string, opts: { format?: string; agency?: string } = {}) => {
  const q = new URLSearchParams({ month });
  if (opts.format) q.set('format', opts.format);
  if (opts.agency) q.set('agency', opts.agency);
  return `/api/reports/tkd?${q}`;
};
