import { webFormToComplaint, type WebComplaintForm } from '../../channels/web/web-form.js';
import type { Actor } from '../../domain/case/roles.js';
import { forbidden, validationFailed } from '../../domain/errors.js';
import type { AttachmentInput, NormalizedComplaint } from '../../domain/intake/normalized-complaint.js';
import type { AppContext, RequestMeta } from '../context.js';
import { submitComplaint, type IntakeResult } from '../intake/submit-complaint.js';
import { assertCanTakeIntakeAt } from './permissions.js';
import { getPost, postCalendar, type PostView } from './posts.js';
import { localDateTime, openAt } from './schedule.js';

/**
 * A complaint taken down by an officer at a walk-in post (or on the phone): recorded with the post and the
 * officer, under the client's idempotency key, so a post whose network was down can queue its intakes and
 * resend them later without ever making a case twice. The time is when the officer took it (`takenAt`),
 * not when the resend arrived; weekends count as received like any other day.
 */
export interface AssistedForm extends Omit<WebComplaintForm, 'client_request_id'> {
  channel?: 'walkin' | 'phone';
  /** When the officer took the complaint down (ISO 8601), for intakes queued offline. */
  taken_at?: string;
}

export interface AssistedIntakeInput {
  postId: string;
  actor: Actor;
  /** Client-generated, 8–100 of [A-Za-z0-9._:-]; the same key at the same post is the same intake. */
  idempotencyKey: string;
  form: AssistedForm;
  attachments?: AttachmentInput[];
  rawPayload?: unknown;
}

export interface AssistedIntakeResult extends IntakeResult {
  post: PostView;
  officer: { id: number; name: string } | null;
  /** Whether the post was scheduled to be open when the complaint was taken (informative only). */
  withinSchedule: boolean;
  takenAt: Date;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
/** How far back a queued intake may be dated: a post offline over a long weekend still fits. */
const MAX_BACKDATE_MS = 14 * 86_400_000;

export async function takeAssistedIntake(ctx: AppContext, input: AssistedIntakeInput, meta: RequestMeta = {}): Promise<AssistedIntakeResult> {
  if (input.actor.kind !== 'user') throw forbidden('hanya petugas');
  const post = await getPost(ctx, input.postId);
  if (!post.active) throw validationFailed([{ field: 'post', message: 'post is not active' }]);
  await assertCanTakeIntakeAt(ctx.database.db, input.actor, post);
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw validationFailed([{ field: 'Idempotency-Key', message: '8–100 characters of A–Z a–z 0–9 . _ : -' }]);
  const now = ctx.clock();
  const takenAt = readTakenAt(input.form.taken_at, now);

  const base = webFormToComplaint(input.form, { receivedAt: takenAt, attachments: input.attachments, rawPayload: input.rawPayload ?? input.form });
  const complaint: NormalizedComplaint = {
    ...base,
    channel: input.form.channel ?? 'walkin',
    // Scoped to the post: two posts' clients can never collide on a key.
    externalId: `post:${post.id}:${input.idempotencyKey}`,
    assisted: { postId: post.id, officerUserId: String(input.actor.userId) },
  };
  const result = await submitComplaint(ctx, complaint, meta);
  const officer = await ctx.database.db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', '=', result.case.intake_officer_id ?? input.actor.userId).executeTakeFirst();
  const local = localDateTime(new Date(result.case.received_at), ctx.config.timezone);
  const [day] = await postCalendar(ctx, post, local.date, 1);
  return {
    ...result,
    post,
    officer: officer ? { id: officer.id, name: officer.display_name || officer.username } : null,
    withinSchedule: day.open && openAt(day, local.time),
    takenAt: new Date(result.case.received_at),
  };
}

function readTakenAt(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const t = new Date(value);
  if (Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) throw validationFailed([{ field: 'taken_at', message: 'an ISO 8601 date-time' }]);
  if (t.getTime() > now.getTime() + 5 * 60_000) throw validationFailed([{ field: 'taken_at', message: 'in the future' }]);
  if (t.getTime() < now.getTime() - MAX_BACKDATE_MS) throw validationFailed([{ field: 'taken_at', message: 'more than 14 days ago' }]);
  return t;
}
