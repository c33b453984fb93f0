import { useState, type FormEvent } from 'react';
import { rememberCode } from '../citizen/code-memory.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { Field } from '../ui/field.js';
import { useTitle } from '../ui/use-title.js';

const TICKET = /^[A-Z]{2,5}-\d{4}-\d{6}$/;

/** `/lacak`: enter a ticket number (and the access code, to act on it). */
export function TrackLookup() {
  const { t } = useI18n();
  useTitle(t('track.lookupTitle'));
  const [ticket, setTicket] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const tk = ticket.trim().toUpperCase();
    if (!TICKET.test(tk)) return setError(t('track.badTicket'));
    if (code.trim()) rememberCode(tk, code.trim().toUpperCase());
    navigate(`/lacak/${encodeURIComponent(tk)}`);
  };
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('track.lookupTitle')}</h1>
        <p>{t('track.lookupIntro')}</p>
      </div>
      <form className="card narrow" onSubmit={onSubmit} noValidate>
        <Field label={t('track.ticket')} hint={t('track.ticketHint')} error={error} required>
          <input type="text" name="ticket" value={ticket} autoCapitalize="characters" autoComplete="off" spellCheck={false} onChange={(e) => setTicket(e.target.value)} />
        </Field>
        <Field label={t('track.code')} hint={t('track.codeHint')}>
          <input type="text" name="code" value={code} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={12} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary">
          {t('track.open')}
        </button>
      </form>
    </>
  );
}
