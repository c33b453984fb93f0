import type { AssistedIntakeResult } from '../../../services/walkin/assisted-intake.js';
import type { OpenPost, PostView } from '../../../services/walkin/posts.js';
import { WEEKDAY_NAMES_ID, type PostDay, type ScheduleException } from '../../../services/walkin/schedule.js';
import type { PostOfficer } from '../../../services/walkin/walkin.repository.js';
import { presentReceipt } from '../complaints/present.js';

/** API shapes of walk-in posts: no database rows leave the server. */
export function presentPost(p: PostView) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    area_code: p.areaCode,
    address: p.address,
    closed_on_holidays: p.closedOnHolidays,
    active: p.active,
    hours: p.hours.map((h) => ({ weekday: h.weekday, day: WEEKDAY_NAMES_ID[h.weekday], opens: h.opens, closes: h.closes })),
  };
}

export function presentDay(d: PostDay) {
  return { date: d.date, day: WEEKDAY_NAMES_ID[new Date(`${d.date}T00:00:00Z`).getUTCDay()], open: d.open, sessions: d.sessions, basis: d.basis, note: d.note ?? null };
}

export function presentOpenPost(o: OpenPost) {
  return { ...presentPost(o.post), sessions: o.day.sessions, basis: o.day.basis, note: o.day.note ?? null, ...(o.openNow === undefined ? {} : { open_now: o.openNow }) };
}

export function presentException(e: ScheduleException) {
  return { id: e.id ?? null, post_id: e.postId, date: e.date, closed: e.closed, opens: e.opens ?? null, closes: e.closes ?? null, note: e.note };
}

export function presentOfficer(o: PostOfficer) {
  return { user_id: o.userId, username: o.username, display_name: o.displayName, role: o.role, assigned_at: o.assignedAt };
}

/** The receipt of an assisted intake: the citizen's receipt plus where, when and by whom, and how to print it. */
export function presentAssistedReceipt(r: AssistedIntakeResult, trackingUrl: string) {
  const receiptUrl = `/api/walkin/posts/${encodeURIComponent(r.post.id)}/receipts/${encodeURIComponent(r.case.ticket)}`;
  return {
    ...presentReceipt(r, trackingUrl),
    channel: r.case.channel,
    post: { id: r.post.id, name: r.post.name },
    officer: r.officer,
    taken_at: r.takenAt.toISOString(),
    within_schedule: r.withinSchedule,
    receipt_url: receiptUrl,
    receipt_pdf_url: `${receiptUrl}?format=pdf`,
  };
}
