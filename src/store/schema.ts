import type { Generated } from 'kysely';
import type { CalendarHolidayTable, CaseSlaTable, SlaOutcomeTable, SlaMisrouteTable, SlaRedFlagTable, NotificationTable, TkdAppealTable, TkdSnapshotTable, TkdSnapshotLineTable } from './schema-sla.js';
import type { WalkinPostTable, WalkinHourTable, WalkinExceptionTable, WalkinPostOfficerTable, EmailMessageTable, TriageModelTable } from './schema-intake.js';

export type { CalendarHolidayTable, CaseSlaTable, SlaOutcomeTable, SlaMisrouteTable, SlaRedFlagTable, NotificationTable, TkdAppealTable, TkdSnapshotTable, TkdSnapshotLineTable, WalkinPostTable, WalkinHourTable, WalkinExceptionTable, WalkinPostOfficerTable, EmailMessageTable, TriageModelTable };

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
  /** The case this one was split off (a report of several problems, one case per problem). */
  split_from_id: number | null;
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
