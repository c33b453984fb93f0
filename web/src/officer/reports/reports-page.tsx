import { useState } from 'react';
import { useCatalog } from '../../api/catalog.js';
import { canFinalize, TARGET_KINDS, tkdUrl, type Appeal, type TkdLine, type TkdReport } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { navigate } from '../../router.js';
import { formatMonth } from '../../stats/format.js';
import { Toggle } from '../../ui/field.js';
import { formatDateTime } from '../../ui/format.js';
import { Notice } from '../../ui/notice.js';
import { useTitle } from '../../ui/use-title.js';
import { useSession } from '../session.js';
import { AppealsCard, useActorName } from './appeals.js';
import { FinalizeMonth } from './finalize.js';
import { monthFromSearch } from './month.js';
import { MonthPicker, ReportDownloads } from './report-controls.js';
import { ReportState } from './report-state.js';
import { TkdTable } from './tkd-table.js';
import { useReport } from './use-report.js';

/** A line with anything counted in the month (most of the 400-odd agencies have none in a given month). */
export const isActive = (l: TkdLine) => l.received > 0 || l.red_flags > 0 || l.misrouted > 0 || TARGET_KINDS.some((k) => l.on_time[k].counted > 0);

const byReceived = (a: TkdLine, b: TkdLine) => b.received - a.received || b.red_flags - a.red_flags || a.name.localeCompare(b.name);

/** `/petugas/laporan`: the month's TKD complaint component per agency head, its downloads and the appeals. */
export function ReportsPage({ search }: { search: URLSearchParams }) {
  const { t, lang } = useI18n();
  useTitle(t('reports.title'));
  const session = useSession();
  const catalog = useCatalog({ agencies: true });
  const month = monthFromSearch(search);
  const report = useReport<TkdReport>(tkdUrl(month));
  const appeals = useReport<{ items: Appeal[] }>('/api/reports/appeals');
  const [activeOnly, setActiveOnly] = useState(true);
  const head = session.me.role === 'agency_head';
  const who = useActorName();
  const r = report.data;
  const all = r ? [...r.agencies].sort(byReceived) : [];
  const active = all.filter(isActive);
  const lines = head || !activeOnly ? all : active;
  const adjusted = r?.adjusted && r.adjustments?.length ? new Map(r.adjusted.map((l) => [l.agency_id, l])) : undefined;

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('reports.title')}</h1>
        <p>{t('reports.intro')}</p>
      </div>
      <div className="report-controls">
        <MonthPicker key={month} month={month} onChange={(m) => navigate(`/petugas/laporan?month=${m}`)} />
        <ReportDownloads month={month} />
      </div>
      <ReportState state={report} />
      {r && r.month === month ? (
        <section className="card" aria-labelledby="tkd-heading">
          <h2 id="tkd-heading">
            {formatMonth(lang, r.month, 'long')}{' '}
            <span className={`badge month-${r.status}`}>{t(r.finalized ? 'reports.badge.finalized' : 'reports.badge.live')}</span>
          </h2>
          <p className="hint">
            {t('reports.asOf', { at: formatDateTime(lang, r.as_of) })}{' '}
            {r.finalized ? t('reports.finalized', { at: formatDateTime(lang, r.finalized.finalized_at), by: who(r.finalized.finalized_by) }) : t('reports.live')}
            {r.finalized ? <span className="cell-note code final-hash">{t('reports.finalHash', { hash: r.finalized.content_hash })}</span> : null}
          </p>
          {canFinalize(session.me.role) ? <FinalizeMonth key={r.month} month={r.month} finalized={!!r.finalized} onDone={report.reload} /> : null}
          {r.finalized && !r.finalized.intact ? <Notice kind="warning">{t('reports.tampered')}</Notice> : null}
          {adjusted ? <Notice kind="info">{t('reports.adjustments', { n: r.adjustments!.length })}</Notice> : null}
          {head ? null : <Toggle name="active-only" label={t('reports.activeOnly')} checked={activeOnly} onChange={setActiveOnly} />}
          {active.length === 0 ? <p className="empty">{t('reports.empty')}</p> : null}
          {lines.length ? (
            <>
              {head ? null : (
                <p className="result-count" role="status">
                  {t('reports.count', { n: lines.length, total: all.length })}
                </p>
              )}
              <TkdTable month={r.month} lines={lines} adjusted={adjusted} />
              <p className="hint">{t('reports.hint', { scope: r.rule.eselon_scope.join(', '), weight: r.rule.componentWeightPercent })}</p>
            </>
          ) : null}
        </section>
      ) : null}
      {r ? (
        <AppealsCard
          state={appeals}
          appeals={appeals.data?.items ?? []}
          catalog={catalog}
          intro={t('reports.appeals.allIntro')}
          onDecided={() => {
            appeals.reload();
            report.reload();
          }}
        />
      ) : null}
    </>
  );
}
