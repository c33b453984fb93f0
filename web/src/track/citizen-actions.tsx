import { useState, type FormEvent, type ReactNode } from 'react';
import { api, enc } from '../api/client.js';
import type { TrackView } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Field } from '../ui/field.js';
import { failure, OutcomeNotice, success, type Outcome } from '../ui/notice.js';

type Can = NonNullable<TrackView['can']>;

/** The reporter's actions with the access code: add information, confirm, reopen with a reason, rate 1–5. */
export function CitizenActions({ ticket, code, can, onDone }: { ticket: string; code: string; can: Can; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const [info, setInfo] = useState('');
  const [reason, setReason] = useState('');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  async function send(path: string, body: Record<string, unknown>, done: MessageKey, reset: () => void) {
    if (busy) return;
    setBusy(true);
    try {
      await api(`/api/track/${enc(ticket)}/${path}`, { method: 'POST', json: { code, ...body } });
      reset();
      setResult(success(done));
      onDone();
    } catch (err) {
      setResult(failure(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (fn: () => void) => (e: FormEvent) => {
    e.preventDefault();
    fn();
  };

  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('track.actions')}</h2>
      <OutcomeNotice outcome={result} />
      {can.add_info ? (
        <Block title={t('track.addInfo')}>
          <form onSubmit={submit(() => info.trim() && send('messages', { text: info.trim() }, 'track.infoSent', () => setInfo('')))}>
            <Field label={t('track.addInfoLabel')} hint={t('track.addInfoHint')}>
              <textarea name="info" rows={4} maxLength={4000} value={info} onChange={(e) => setInfo(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={busy || !info.trim()}>
              {t('track.send')}
            </button>
          </form>
        </Block>
      ) : null}
      {can.confirm ? (
        <Block title={t('track.confirmTitle')}>
          <p className="hint">{t('track.confirmHint')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => send('confirm', {}, 'track.confirmed', () => {})}>
            {t('track.confirm')}
          </button>
        </Block>
      ) : null}
      {can.reopen ? (
        <Block title={t('track.reopenTitle')}>
          <form onSubmit={submit(() => reason.trim() && send('reopen', { reason: reason.trim() }, 'track.reopened', () => setReason('')))}>
            <Field label={t('track.reopenReason')} hint={t('track.reopenHint')}>
              <textarea name="reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-secondary" disabled={busy || !reason.trim()}>
              {t('track.reopen')}
            </button>
          </form>
        </Block>
      ) : null}
      {can.rate ? (
        <Block title={t('track.rateTitle')}>
          <form onSubmit={submit(() => score && send('rating', { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }, 'track.rated', () => setComment('')))}>
            <fieldset className="rating">
              <legend>{t('track.rateLegend')}</legend>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className={`star${score >= n ? ' star-on' : ''}`}>
                  <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
                  <span aria-hidden="true">★</span>
                  <span className="sr-only">{t('track.stars', { n })}</span>
                </label>
              ))}
            </fieldset>
            <Field label={t('track.rateComment')}>
              <textarea name="comment" rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={busy || !score}>
              {t('track.rate')}
            </button>
          </form>
        </Block>
      ) : null}
      {!can.add_info && !can.confirm && !can.reopen && !can.rate ? <p className="hint">{t('track.noActions')}</p> : null}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="action-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
