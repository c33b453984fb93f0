import type { Generated } from 'kysely';

/** Row types of the intake side: walk-in posts, e-mail threading and triage models (migrations 20261128030000, 20261128040000). */

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
