import { useState, type FormEvent } from 'react';
import { api, enc } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Field } from '../ui/field.js';
import { formatDateTime } from '../ui/format.js';
import { failure, OutcomeNotice, type Outcome } from '../ui/notice.js';
import { useSession } from './session.js';

/** Public replies (the citizen sees them) and internal notes (officers only), clearly told apart. */
export function Comments({ caseRef, comments, onChange }: { caseRef: string; comments: CaseDetail['comments']; onChange(): void }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [body, setBody] = useState('');
  // Internal by default: a slip should not publish an officer's note to the citizen.
  const [visibility, setVisibility] = useState<'internal' | 'public'>('internal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Outcome | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !body.trim()) return;
    setBusy(true);
    try {
      await api(`/api/cases/${enc(caseRef)}/comments`, { method: 'POST', json: { body: body.trim(), visibility } });
      setBody('');
      setError(null);
      onChange();
    } catch (err) {
      session.check(err);
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      {comments.length === 0 ? <p className="hint">{t('comments.none')}</p> : null}
      <ol className="messages">
        {comments.map((c) => (
          <li key={c.id} className={`message message-${c.visibility}`}>
            <p className="message-meta">
              <span className={`badge visibility-${c.visibility}`}>{c.visibility === 'public' ? t('comments.public') : t('comments.internal')}</span> {authorLabel(c.author, t)} · {formatDateTime(lang, c.created_at)}
            </p>
            <p className="message-body">{c.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="comment-form">
        <OutcomeNotice outcome={error} />
        <Field label={t('comments.new')}>
          <textarea name="comment" rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <fieldset className="inline-radios">
          <legend>{t('comments.visibility')}</legend>
          <label>
            <input type="radio" name="visibility" value="internal" checked={visibility === 'internal'} onChange={() => setVisibility('internal')} /> {t('comments.internalLong')}
          </label>
          <label>
            <input type="radio" name="visibility" value="public" checked={visibility === 'public'} onChange={() => setVisibility('public')} /> {t('comments.publicLong')}
          </label>
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={busy || !body.trim()}>
          {t('comments.add')}
        </button>
      </form>
    </section>
  );
}

/** Authors are stored as `user:12`, `citizen:3`, `system:job`: shown as who they are, not as ids. */
export function authorLabel(author: string, t: ReturnType<typeof useI18n>['t']): string {
  const [kind, rest] = author.split(':');
  if (kind === 'citizen') return t('who.citizen');
  if (kind === 'system') return t('who.system');
  if (kind === 'partner') return t('who.partner');
  if (kind === 'user') return t('who.officer', { id: rest ?? '' });
  return author;
}
