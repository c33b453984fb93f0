import { useState, type FormEvent } from 'react';
import { api, ApiError, enc } from '../api/client.js';
import type { TrackView } from '../api/types.js';
import { forgetCode, recallCode, rememberCode } from '../citizen/code-memory.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { Field } from '../ui/field.js';
import { errorText, Notice, Spinner } from '../ui/notice.js';
import { useAsync } from '../ui/use-async.js';
import { useTitle } from '../ui/use-title.js';
import { CaseProgress } from './case-progress.js';
import { CitizenActions } from './citizen-actions.js';

/**
 * `/lacak/:ticket`: anyone sees a public case's progress; the access code (typed here, or carried over from
 * the receipt in memory) unlocks the description of a confidential case and the reporter's actions.
 */
export function TrackPage({ ticket }: { ticket: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(`${t('track.title')} ${ticket}`);
  const [code, setCode] = useState(() => recallCode(ticket) ?? '');
  const [activeCode, setActiveCode] = useState(() => recallCode(ticket) ?? '');
  const view = useAsync(() => api<TrackView>(`/api/track/${enc(ticket)}${activeCode ? `?code=${enc(activeCode)}` : ''}`), [ticket, activeCode]);

  const unlock = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!c) return lock(); // an empty code goes back to the public view
    rememberCode(ticket, c);
    setActiveCode(c);
  };
  const lock = () => {
    forgetCode(ticket);
    setCode('');
    setActiveCode('');
  };
  const notFound = view.error instanceof ApiError && (view.error.status === 404 || view.error.code === 'invalid_access_code');

  return (
    <>
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/lacak">{t('track.lookupTitle')}</Link>
        </p>
        <h1 tabIndex={-1}>
          {t('track.title')} <span className="code">{ticket}</span>
        </h1>
      </div>
      {view.loading && !view.data ? <Spinner label={t('common.loading')} /> : null}
      {view.error ? (
        <Notice kind="error">
          {notFound && !activeCode ? t('track.notFoundPublic') : errorText(view.error, i18n)}
        </Notice>
      ) : null}
      {activeCode && view.data ? (
        <div className="notice notice-success unlocked">
          <p>{t('track.unlocked')}</p>
          <button type="button" className="btn-link" onClick={lock}>
            {t('track.lock')}
          </button>
        </div>
      ) : (
        <form className="card code-form" onSubmit={unlock} noValidate>
          <Field label={t('track.code')} hint={t('track.unlockHint')}>
            <input type="text" name="code" value={code} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={12} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn-secondary">
            {t('track.unlock')}
          </button>
        </form>
      )}
      {view.data ? (
        <>
          <CaseProgress view={view.data} />
          {activeCode && view.data.can ? <CitizenActions ticket={ticket} code={activeCode} can={view.data.can} onDone={view.reload} /> : null}
        </>
      ) : null}
    </>
  );
}
