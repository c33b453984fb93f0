/** Shapes of the API answers the UI reads (see /api/openapi.json and src/http/routes/**). */
export interface Bilingual {
  id: string;
  en: string;
}

export interface Category {
  code: string;
  name: string;
  name_en: string;
  group: string;
  requires_after_photo: boolean;
  priority: string;
}

export interface Area {
  code: string;
  name: string;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  parent: string | null;
}

export interface Agency {
  id: string;
  name: string;
  kind: string;
  level: string;
  parent: string | null;
  area: string | null;
}

export interface Receipt {
  created: boolean;
  ticket: string;
  access_code: string;
  tracking_url: string;
  status: string;
  agency: string | null;
  category: string | null;
  emergency: boolean;
  message: string;
  message_en: string;
}

export interface TrackView {
  ticket: string;
  status: string;
  status_label: Bilingual | null;
  title: string | null;
  description: string | null;
  category: string | null;
  area: string | null;
  agency: string | null;
  reject_reason: string | null;
  reject_note: string | null;
  forwarded_to: string | null;
  merged_into_ticket?: string | null;
  /** The report this one was split off, and the reports split off this one (tickets). */
  split_from_ticket?: string | null;
  split_into_tickets?: string[];
  support_count: number;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  due_at: string | null;
  replies: { from: 'pelapor' | 'petugas'; body: string; at: string }[];
  history: { at: string; action: string; status: string | null; status_label: Bilingual | null }[];
  can?: { add_info: boolean; rate: boolean; confirm: boolean; reopen: boolean };
}

export interface CaseSummary {
  id: number;
  ticket: string;
  status: string;
  status_label: Bilingual | null;
  title: string | null;
  description: string;
  report_type: string;
  channel: string;
  category: string | null;
  area: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  agency: string | null;
  priority: 'normal' | 'tinggi' | 'darurat';
  public: boolean;
  merged_into: number | null;
  reject_reason: string | null;
  reject_note: string | null;
  forwarded_to: string | null;
  support_count: number;
  flags: string[];
  triage: { suggestions?: { code: string; confidence: number }[] } | null;
  received_at: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  due: { verify: string | null; response: string | null; resolution: string | null };
  sla_paused_at: string | null;
  allowed_actions: string[];
}

export interface CaseDetail extends CaseSummary {
  reporters: { anonymous: boolean; confidential: boolean; name: string | null; channel: string; contacts: { kind: string; value: string }[] }[];
  assignments: { agency: string; kind: string; assigned_at: string; ended_at: string | null; misrouted: boolean; reason: string | null }[];
  comments: { id: number; visibility: 'public' | 'internal'; author: string; body: string; created_at: string }[];
  attachments: { id: number; filename: string; content_type: string; size: number; role: string; created_at: string }[];
  rating: { score: number; comment: string | null } | null;
  timeline: { seq: number; at: string; action: string; actor: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  /** The ticket of the case this one was split off from, if any. */
  splitFrom: string | null;
  /** The cases split off from this one. */
  splitInto: { ticket: string; status: string }[];
  /** Whether this user may split this case now (the server decides, as for allowed_actions). */
  can_split?: boolean;
}

/** One problem split off into a new case (`POST /api/cases/:ref/split`); area defaults to the parent's. */
export interface SplitPart {
  text: string;
  category?: string;
  area?: string;
  title?: string;
  address?: string;
}

/** The answer to a split: the parent case again, and the cases it created. */
export interface SplitResult {
  case: CaseDetail;
  created: { id: number; ticket: string; status: string; category: string | null; area: string | null; agency: string | null }[];
}

export interface CasePage {
  items: CaseSummary[];
  next_cursor: string | null;
}

export interface Me {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  agency: string | null;
  area: string | null;
}

export interface RoutingSuggestion {
  agency: string | null;
  reason: 'routing_table' | 'no_rule_for_place' | 'no_category';
}

export const STATUSES = ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor', 'selesai', 'ditutup', 'ditolak', 'digabung'] as const;
export const OPEN_STATUSES = ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'];
export const CHANNELS = ['web', 'open311', 'walkin', 'phone', 'facebook', 'twitter', 'sms', 'email', 'lapor', 'qlue', 'jaki', 'partner'] as const;
export const PRIORITIES = ['normal', 'tinggi', 'darurat'] as const;
export const REJECT_REASONS = ['bukan_wewenang', 'spam', 'tidak_lengkap', 'lainnya'] as const;
