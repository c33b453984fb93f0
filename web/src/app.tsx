import { useEffect, useRef } from 'react';
import { ComplaintPage } from './citizen/complaint-page.js';
import { useI18n, type Lang } from './i18n/i18n.js';
import { OfficerApp } from './officer/session.js';
import { Link, matchPath, useLocation } from './router.js';
import { StatsPage } from './stats/stats-page.js';
import { TrackLookup } from './track/track-lookup.js';
import { TrackPage } from './track/track-page.js';
import { useTitle } from './ui/use-title.js';

/** The shell: header with navigation and the language switch, then the page for the current path. */
export function App() {
  const { path, search } = useLocation();
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After a client-side navigation, move the focus to the new page's heading (as a page load would).
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = main.current?.querySelector<HTMLElement>('h1');
    (h1 ?? main.current)?.focus();
  }, [path]);

  const area = path.startsWith('/petugas') ? 'petugas' : path.startsWith('/lacak') ? 'lacak' : path === '/statistik' ? 'statistik' : path === '/' ? 'lapor' : '';
  const track = matchPath('/lacak/:ticket', path);
  let page;
  if (path === '/') page = <ComplaintPage />;
  else if (path === '/lacak') page = <TrackLookup />;
  else if (track) page = <TrackPage key={track.ticket} ticket={track.ticket.toUpperCase()} />;
  else if (path === '/statistik') page = <StatsPage search={search} />;
  else if (path === '/petugas' || path.startsWith('/petugas/')) page = <OfficerApp path={path} search={search} />;
  else page = <NotFound />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">Cepat</span>
            <span className="brand-sub">{t('brand.sub')}</span>
          </Link>
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <Link to="/" aria-current={area === 'lapor' ? 'page' : undefined}>
                  {t('nav.report')}
                </Link>
              </li>
              <li>
                <Link to="/lacak" aria-current={area === 'lacak' ? 'page' : undefined}>
                  {t('nav.track')}
                </Link>
              </li>
              <li>
                <Link to="/statistik" aria-current={area === 'statistik' ? 'page' : undefined}>
                  {t('nav.stats')}
                </Link>
              </li>
              <li>
                <Link to="/petugas" aria-current={area === 'petugas' ? 'page' : undefined}>
                  {t('nav.officer')}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={area === 'petugas' || area === 'statistik' ? 'wide' : undefined}>
        {page}
      </main>
      <footer className="site-footer">
        <p>{t('footer.emergency')}</p>
        <p>{t('footer.about')}</p>
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const option = (code: Lang, text: string, full: string) => (
    <button type="button" lang={code} aria-pressed={lang === code} aria-label={full} onClick={() => setLang(code)}>
      {text}
    </button>
  );
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {option('id', 'ID', 'Bahasa Indonesia')}
      {option('en', 'EN', 'English')}
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <div className="page-intro">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
