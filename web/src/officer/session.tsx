import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, matchPath } from '../router.js';
import { Spinner } from '../ui/notice.js';
import { CaseDetailPage } from './case-detail.js';
import { LoginForm } from './login.js';
import { QueuePage } from './queue.js';
import { DrilldownPage } from './reports/drilldown-page.js';
import { ReportsPage } from './reports/reports-page.js';
import { canReadReports } from './reports/use-report.js';

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
  const drilldown = matchPath('/petugas/laporan/:agency', path);
  const reports = path === '/petugas/laporan' || !!drilldown;
  let page;
  if (detail) page = <CaseDetailPage caseRef={detail.ref} />;
  else if (drilldown) page = <DrilldownPage key={drilldown.agency} agencyId={drilldown.agency} search={search} />;
  else if (reports) page = <ReportsPage search={search} />;
  else page = <QueuePage search={search} />;
  return (
    <SessionContext.Provider value={session}>
      <div className="officer-bar">
        {canReadReports(session.me.role) ? (
          <nav aria-label={t('officer.nav')} className="officer-nav">
            <Link to="/petugas" aria-current={!reports && !detail ? 'page' : undefined}>
              {t('queue.title')}
            </Link>
            <Link to="/petugas/laporan" aria-current={reports ? 'page' : undefined}>
              {t('reports.title')}
            </Link>
          </nav>
        ) : null}
        <span>
          {t('officer.signedInAs')} <strong>{session.me.display_name ?? session.me.username}</strong> ({label('role', session.me.role)})
        </span>
        <button type="button" className="btn-link" onClick={signOut}>
          {t('officer.logout')}
        </button>
      </div>
      {page}
    </SessionContext.Provider>
  );
}
