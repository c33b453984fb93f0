import { open311ExtendedStatus, STATUS_LABELS, STATUSES, type Status } from '../../domain/case/status.js';

/**
 * The `servicerequestupdates` extension (FixMyStreet) and the `notes[]` of `extensions=true`, built from the
 * case event log and the public replies of officers. Only the status and a few named fields are read from an
 * event: its before/after data can hold internal facts, so it is never passed through.
 */
export interface EventSource {
  id: number;
  caseId: number;
  ticket: string;
  action: string;
  actor: string;
  /** The event's `after` JSON (status, reason, forwarded_to …). */
  after: string | null;
  at: string;
}

export interface CommentSource {
  id: number;
  caseId: number;
  ticket: string;
  author: string;
  body: string;
  createdAt: string;
  /** Public (metadata-free) photo attached to the reply, if any. */
  photoSha: string | null;
}

export interface UpdateItem {
  updateId: string;
  ticket: string;
  caseId: number;
  /** Our status after the update (Open311's `external_status_code`). */
  status: Status;
  /** The extended Open311 vocabulary (FIXED, IN_PROGRESS, REOPEN …). */
  extendedStatus: string;
  at: string;
  description: string;
  photoSha: string | null;
  kind: 'status' | 'comment';
}

interface StatusFact {
  status: Status;
  reason: string | null;
  forwardedTo: string | null;
}

/** The status an event leaves the case in, or null for events that are not status changes (ratings, merges in). */
export function statusOf(e: Pick<EventSource, 'after'>): StatusFact | null {
  if (!e.after) return null;
  let after: Record<string, unknown>;
  try {
    after = JSON.parse(e.after) as Record<string, unknown>;
  } catch {
    return null;
  }
  const status = after.status;
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return { status: status as Status, reason: str(after.reason), forwardedTo: str(after.forwarded_to) };
}

function label(status: Status): string {
  const l = STATUS_LABELS[status];
  return `Status: ${l.id} (${l.en})`;
}

const byTime = (a: { at: string; updateId: string }, b: { at: string; updateId: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.updateId.localeCompare(b.updateId, 'en', { numeric: true });

/**
 * Turns events (in the window) and officers' public replies (in the window) into updates. `history` holds the
 * status-bearing events of the same cases from their start, so a reply gets the status the case had then.
 * A reply written with a status change (the same actor at the same instant, e.g. the note of `resolve`)
 * becomes that update's description instead of a second update.
 */
export function buildUpdates(events: readonly EventSource[], comments: readonly CommentSource[], history: readonly EventSource[]): UpdateItem[] {
  const items: UpdateItem[] = [];
  const absorbed = new Set<number>();
  const commentKey = (caseId: number, actor: string, at: string) => `${caseId}\u0000${actor}\u0000${at}`;
  const commentsByKey = new Map<string, CommentSource>();
  for (const c of comments) if (!commentsByKey.has(commentKey(c.caseId, c.author, c.createdAt))) commentsByKey.set(commentKey(c.caseId, c.author, c.createdAt), c);

  for (const e of events) {
    const fact = statusOf(e);
    if (!fact) continue;
    const note = commentsByKey.get(commentKey(e.caseId, e.actor, e.at));
    if (note) absorbed.add(note.id);
    const extra = fact.forwardedTo ? ` — diteruskan ke / forwarded to ${fact.forwardedTo}` : '';
    items.push({
      updateId: `e${e.id}`,
      ticket: e.ticket,
      caseId: e.caseId,
      status: fact.status,
      extendedStatus: e.action === 'case.reopen' ? 'REOPEN' : open311ExtendedStatus(fact.status, fact.reason),
      at: e.at,
      description: (note ? note.body : label(fact.status)) + extra,
      photoSha: note?.photoSha ?? null,
      kind: 'status',
    });
  }

  const timeline = new Map<number, { at: string; fact: StatusFact }[]>();
  for (const h of history) {
    const fact = statusOf(h);
    if (!fact) continue;
    const list = timeline.get(h.caseId) ?? [];
    list.push({ at: h.at, fact });
    timeline.set(h.caseId, list);
  }
  for (const c of comments) {
    if (absorbed.has(c.id)) continue;
    const fact = [...(timeline.get(c.caseId) ?? [])].filter((t) => t.at <= c.createdAt).pop()?.fact ?? { status: 'menunggu' as const, reason: null, forwardedTo: null };
    items.push({
      updateId: `c${c.id}`,
      ticket: c.ticket,
      caseId: c.caseId,
      status: fact.status,
      extendedStatus: open311ExtendedStatus(fact.status, fact.reason),
      at: c.createdAt,
      description: c.body,
      photoSha: c.photoSha,
      kind: 'comment',
    });
  }
  return items.sort(byTime);
}
