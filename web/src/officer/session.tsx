import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { matchPath } from '../router.js';
import { Spinner } from '../ui/notice.js';
import { CaseDetailPage } from './case-detail.js';
import { LoginForm } from './login.js';
import { QueuePage } from './queue.js';

interface Session {
  me: Me;
  signOut(): Promise<void>;
  /** Call with any API failure: a 401 means the session ended, and the login form comes back. */
  check(err: unknown): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the officer console');
  return s;
}

/** `/petugas/*`: the officer console behind a cookie session (HttpOnly; the UI never sees the token). */
export function OfficerApp({ path, search }: { path: string; search: URLSearchParams }) {
  const { t, label } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    api<Me>('/api/auth/me').then(setMe, () => setMe(null));
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  }, []);
  const check = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) {
      setExpired(true);
      setMe(null);
    }
  }, []);
  const session = useMemo(() => (me ? { me, signOut, check } : null), [me, signOut, check]);

  if (me === undefined) return <Spinner label={t('common.loading')} />;
  if (!session)
    return (
      <LoginForm
        expired={expired}
        onLogin={(user) => {
          setExpired(false);
          setMe(user);
        }}
      />
    );
  const detail = matchPath('/petugas/kasus/:ref', path);
  return (
    <SessionContext.Provider value={session}>
      <div className="officer-bar">
        <span>
          {t('officer.signedInAs')} <strong>{session.me.display_name ?? session.me.username}</strong> ({label('role', session.me.role)})
        </span>
        <button type="button" className="btn-link" onClick={signOut}>
          {t('officer.logout')}
        </button>
      </div>
      {detail ? <CaseDetailPage caseRef={detail.ref} /> : <QueuePage search={search} />}
    </SessionContext.Provider>
  );
}
