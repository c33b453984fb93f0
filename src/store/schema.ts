import type { Generated } from 'kysely';

/**
 * Row types of every table. Times are ISO-8601 UTC strings (`Date#toISOString()`), which sort correctly as
 * text on both dialects; booleans are 0/1 integers and JSON is text, so queries stay dialect-free.
 */
export interface DB {
  areas: AreaTable;
  agencies: AgencyTable;
  categories: CategoryTable;
  routing_rules: RoutingRuleTable;
  reporters: ReporterTable;
  reporter_contacts: ReporterContactTable;
  cases: CaseTable;
  case_reporters: CaseReporterTable;
  inbound_messages: InboundMessageTable;
  assignments: AssignmentTable;
  comments: CommentTable;
  attachments: AttachmentTable;
  ratings: RatingTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  outbox: OutboxTable;
  events: EventTable;
  event_heads: EventHeadTable;
  ticket_counters: TicketCounterTable;
  settings: SettingTable;
  calendar_holidays: CalendarHolidayTable;
  case_sla: CaseSlaTable;
  sla_outcomes: SlaOutcomeTable;
  sla_misroutes: SlaMisrouteTable;
  sla_red_flags: SlaRedFlagTable;
  notifications: NotificationTable;
  tkd_appeals: TkdAppealTable;
  tkd_snapshots: TkdSnapshotTable;
  tkd_snapshot_lines: TkdSnapshotLineTable;
  walkin_posts: WalkinPostTable;
  triage_models: TriageModelTable;
  walkin_hours: WalkinHourTable;
  walkin_exceptions: WalkinExceptionTable;
  walkin_post_officers: WalkinPostOfficerTable;
  email_messages: EmailMessageTable;
}

export interface AreaTable {
  code: string;
  name: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parent_code: string | null;
  /** GeoJSON geometry (imported boundaries), null until a deployment imports them. */
  geometry: string | null;
  population: number | null;
}

export interface AgencyTable {
  id: string;
  name: string;
  /** dinas, suku_dinas, badan, biro, bumd, kota, kecamatan, kelurahan, other */
  kind: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parent_id: string | null;
  area_code: string | null;
  /** For a dinas: the field it covers, used to find its suku dinas by kota ("bina-marga"). */
  field: string | null;
  head_name: string | null;
  head_title: string | null;
  head_eselon: string | null;
  email: string | null;
  active: number;
}

export interface CategoryTable {
  code: string;
  name_id: string;
  name_en: string;
  description: string;
  group_name: string;
  keywords: string;
  /** Which level of the responsible field handles it by default: provinsi (dinas), kota (suku dinas), kelurahan… */
  default_level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  /** The field (dinas) responsible, e.g. "bina-marga"; null means the territorial office itself. */
  field: string | null;
  sla_policy: string;
  priority: string;
  requires_after_photo: number;
  active: number;
}

export interface RoutingRuleTable {
  id: Generated<number>;
  category_code: string;
  /** Area code prefix; '' matches everywhere. The longest matching prefix wins. */
  area_code: string;
  agency_id: string;
}

export interface ReporterTable {
  id: Generated<number>;
  name: string | null;
  anonymous: number;
  confidential: number;
  created_at: string;
}

export interface ReporterContactTable {
  id: Generated<number>;
  reporter_id: number;
  kind: string;
  value: string;
  created_at: string;
}

export interface CaseTable {
  id: Generated<number>;
  ticket: string;
  access_code_hash: string;
  title: string | null;
  description: string;
  search_text: string;
  status: string;
  resume_status: string | null;
  report_type: string;
  channel: string;
  category_code: string | null;
  area_code: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  agency_id: string | null;
  priority: string;
  reporter_id: number | null;
  /** 1 unless confidential or anonymous-and-sensitive: public pages show only public cases. */
  is_public: number;
  merged_into_id: number | null;
  reject_reason: string | null;
  reject_note: string | null;
  forwarded_to: string | null;
  partner_api_key_id: number | null;
  open311_token: string | null;
  post_id: string | null;
  intake_officer_id: number | null;
  triage: string | null;
  flags: string | null;
  support_count: number;
  received_at: string;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  verify_due_at: string | null;
  response_due_at: string | null;
  resolution_due_at: string | null;
  sla_paused_at: string | null;
}

export interface CaseReporterTable {
  case_id: number;
  reporter_id: number;
  channel: string;
  joined_at: string;
}

export interface InboundMessageTable {
  id: Generated<number>;
  channel: string;
  external_id: string;
  case_id: number | null;
  received_at: string;
  stored_at: string;
  payload: string;
  /** new_case | conversation | ignored */
  disposition: string;
}

export interface AssignmentTable {
  id: Generated<number>;
  case_id: number;
  agency_id: string;
  kind: string;
  assigned_at: string;
  assigned_by: string;
  reason: string | null;
  ended_at: string | null;
  misrouted: number;
}

export interface CommentTable {
  id: Generated<number>;
  case_id: number;
  visibility: 'public' | 'internal';
  author: string;
  author_name: string | null;
  body: string;
  created_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  case_id: number;
  comment_id: number | null;
  sha256: string;
  public_sha256: string | null;
  content_type: string;
  size: number;
  filename: string;
  role: string;
  exif_lat: number | null;
  exif_lng: number | null;
  created_at: string;
}

export interface RatingTable {
  id: Generated<number>;
  case_id: number;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  agency_id: string | null;
  area_code: string | null;
  email: string | null;
  active: number;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  delivery_key: string;
  kind: string;
  case_id: number | null;
  payload: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface EventTable {
  id: Generated<number>;
  /** Chain key: `case:<id>` for case events, `system` for the rest. */
  stream: string;
  seq: number;
  case_id: number | null;
  action: string;
  actor: string;
  before: string | null;
  after: string | null;
  at: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The last event of each chain, so removing the newest event is detected too. */
export interface EventHeadTable {
  stream: string;
  seq: number;
  hash: string;
}

export interface TicketCounterTable {
  period: string;
  value: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

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

/** A walk-in complaint post: the City Hall pendopo, a kecamatan or kelurahan office, or another desk. */
export interface WalkinPostTable {
  id: string;
  name: string;
  /** balai_kota | kecamatan | kelurahan | other */
  kind: string;
  /** The area the post serves (its territorial officers may take intake there); '31' for City Hall. */
  area_code: string | null;
  address: string | null;
  /** 1: closed on national holidays and cuti bersama unless an exception opens it. */
  closed_on_holidays: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Weekly staffed hours of a post, local time (0 = Sunday … 6 = Saturday; `HH:MM`). */
export interface WalkinHourTable {
  id: Generated<number>;
  post_id: string;
  weekday: number;
  opens: string;
  closes: string;
}

/** A dated change to the weekly hours: a cancelled day (closed = 1) or special hours; post_id null = every post. */
export interface WalkinExceptionTable {
  id: Generated<number>;
  post_id: string | null;
  date: string;
  closed: number;
  opens: string | null;
  closes: string | null;
  note: string;
  created_by: string;
  created_at: string;
}

export interface WalkinPostOfficerTable {
  post_id: string;
  user_id: number;
  assigned_at: string;
  assigned_by: string;
}

/** E-mail Message-IDs per case, ours (`out`) and the citizen's (`in`), without angle brackets. */
export interface EmailMessageTable {
  id: Generated<number>;
  message_id: string;
  case_id: number;
  direction: 'in' | 'out';
  /** The citizen's address the message came from or went to. */
  address: string | null;
  subject: string | null;
  /** The References chain of the message, space-separated, oldest first. */
  refs: string | null;
  created_at: string;
}

/** A version of the triage classifier with the figures it scored when made; at most one is active. */
export interface TriageModelTable {
  id: Generated<number>;
  version: string;
  source: string;
  examples: number;
  /** JSON: accuracy, macro_f1, auto_route {threshold, coverage, precision}, heldOut size. */
  metrics: string;
  /** serializeModel output. */
  model: string;
  active: number;
  created_at: string;
  activated_at: string | null;
}
