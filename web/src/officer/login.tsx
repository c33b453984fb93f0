import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import type { Me } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Field } from '../ui/field.js';
import { failure, Notice, OutcomeNotice, type Outcome } from '../ui/notice.js';
import { useTitle } from '../ui/use-title.js';

export function LoginForm({ onLogin, expired }: { onLogin(me: Me): void; expired: boolean }) {
  const { t } = useI18n();
  useTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const res = await api<{ user: Me }>('/api/auth/login', { method: 'POST', json: { username: username.trim(), password } });
      setPassword('');
      onLogin(res.user);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('login.title')}</h1>
        <p>{t('login.intro')}</p>
      </div>
      <form className="card narrow" onSubmit={onSubmit} noValidate>
        {expired ? <Notice kind="info">{t('login.expired')}</Notice> : null}
        <OutcomeNotice outcome={error} />
        <Field label={t('login.username')} required>
          <input type="text" name="username" value={username} autoComplete="username" autoCapitalize="none" spellCheck={false} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={t('login.password')} required>
          <input type="password" name="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy || !username.trim() || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
