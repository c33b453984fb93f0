import { Fragment, useState, type ReactNode } from 'react';
import { useCatalog } from '../../api/catalog.js';
import { TARGET_KINDS, tkdUrl, type Appeal, type Drilldown, type DrilldownCase, type TkdReport } from '../../api/reports.js';
import { hasKey, useI18n } from '../../i18n/i18n.js';
import { Link, navigate } from '../../router.js';
import { formatMonth, formatNumber, formatShare } from '../../stats/format.js';
import { formatDateTime } from '../../ui/format.js';
import { success, OutcomeNotice, type Outcome } from '../../ui/notice.js';
import { useTitle } from '../../ui/use-title.js';
import { useSession } from '../session.js';
import { AppealForm, AppealsCard } from './appeals.js';
import { HeadRow, RatingCell, ScoreCell, ShareCell, useBandName, type Column } from './cells.js';
import { monthFromSearch } from './month.js';
import { MonthPicker, ReportDownloads } from './report-controls.js';
import { ReportState } from './report-state.js';
import { drilldownPath } from './tkd-table.js';
import { useReport } from './use-report.js';

/** `/petugas/laporan/:agency?month=`: one agency's month — its figures, the score's parts and every case counted. */
export function DrilldownPage({ agencyId, search }: { agencyId: string; search: URLSearchParams }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const catalog = useCatalog({ agencies: true });
  const month = monthFromSearch(search);
  const summary = useReport<TkdReport>(tkdUrl(month, { agency: agencyId }));
  const drill = useReport<Drilldown>(`/api/reports/tkd/${encodeURIComponent(agencyId)}/cases?month=${month}`);
  const appeals = useReport<{ items: Appeal[] }>('/api/reports/appeals');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const line = summary.data?.agencies.find((a) => a.agency_id === agencyId);
  const name = line?.name ?? (catalog.agencyName(agencyId) || agencyId);
  useTitle(`${name} — ${t('reports.title')}`);
  const d = drill.data;
  const monthName = formatMonth(lang, month, 'long');
  // The month's appeals: on a case counted here, or applied to this month's figures (an excluded case leaves the list).
  const caseIds = new Set(d?.cases.map((c) => Number(c.caseId)));
  const applied = new Set(d?.figures.appeals.map((a) => a.appeal_id));
  const mine = (appeals.data?.items ?? []).filter((a) => (a.agency_id === agencyId || a.to_agency_id === agencyId) && (caseIds.has(a.case_id) || applied.has(a.id)));
  const canAppeal = session.me.role === 'admin' || (session.me.role === 'agency_head' && session.me.agency === agencyId);

  return (
    <>
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to={`/petugas/laporan?month=${month}`}>← {t('reports.drill.back')}</Link>
        </p>
        <h1 tabIndex={-1}>{name}</h1>
        <p>
          {line?.head_title ? `${line.head_title} · ` : ''}
          {t('reports.drill.sub', { month: monthName })}
        </p>
      </div>
      <div className="report-controls">
        <MonthPicker key={month} month={month} onChange={(m) => navigate(drilldownPath(agencyId, m))} />
        <ReportDownloads month={month} agency={agencyId} />
      </div>
      <ReportState state={drill.error ? drill : summary} />
      {d && d.month === month ? (
        <>
          <Figures d={d} />
          <section className="card" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{t('reports.drill.cases', { n: d.cases.length })}</h2>
            <p className="hint">{t('reports.asOf', { at: formatDateTime(lang, d.as_of) })}</p>
            <OutcomeNotice outcome={outcome} />
            {d.cases.length ? (
              <CaseTable
                cases={d.cases}
                caption={t('reports.drill.casesCaption', { agency: name, month: monthName })}
                appeals={mine}
                appeal={
                  canAppeal
                    ? (ticket, close) => (
                        <AppealForm
                          ticket={ticket}
                          agencyId={agencyId}
                          catalog={catalog}
                          onCancel={close}
                          onDone={(tk) => {
                            close();
                            setOutcome(success('reports.appeal.filed', { ticket: tk }));
                            appeals.reload();
                          }}
                        />
                      )
                    : null
                }
              />
            ) : (
              <p className="empty">{t('reports.drill.none')}</p>
            )}
          </section>
          <AppealsCard
            state={appeals}
            appeals={mine}
            catalog={catalog}
            intro={t('reports.appeals.monthIntro')}
            onDecided={() => {
              appeals.reload();
              summary.reload();
              drill.reload();
            }}
          />
        </>
      ) : null}
    </>
  );
}

function Figures({ d }: { d: Drilldown }) {
  const { t, lang } = useI18n();
  const bandName = useBandName();
  const f = d.figures;
  const hours = (x: Drilldown['figures']['response_time_working_hours']) =>
    x.n ? t('reports.drill.hours', { median: formatNumber(lang, x.median ?? 0, 2), p90: formatNumber(lang, x.p90 ?? 0, 2), n: x.n }) : '–';
  const facts: [string, ReactNode][] = [
    [t('reports.col.received'), formatNumber(lang, f.received.count)],
    ...TARGET_KINDS.map((k): [string, ReactNode] => [t(`reports.col.${k}`), <ShareCell key={k} f={f.on_time[k]} />]),
    [t('reports.drill.responseTime'), hours(f.response_time_working_hours)],
    [t('reports.drill.resolutionTime'), hours(f.resolution_time_working_hours)],
    [t('reports.col.redFlags'), formatNumber(lang, f.red_flags.count)],
    [t('reports.drill.backlog'), formatNumber(lang, f.backlog.total)],
    [t('reports.drill.reopenRate'), `${formatShare(lang, f.reopen_rate.share)} (${t('reports.ofCounted', { met: f.reopen_rate.reopened, counted: f.reopen_rate.resolved })})`],
    [t('reports.col.rating'), <RatingCell key="rating" r={f.rating} />],
    [t('reports.col.misrouted'), formatNumber(lang, f.misrouted.count)],
    [t('reports.col.score'), <ScoreCell key="score" s={d.score} />],
  ];
  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('reports.drill.figures')}</h2>
        <dl className="facts report-facts">
          {facts.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="parts-heading">
        <h2 id="parts-heading">{t('reports.drill.parts')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('reports.drill.partsCaption')}</caption>
            <HeadRow columns={[[t('reports.drill.part')], [t('reports.drill.weight'), 'num'], [t('reports.drill.value'), 'num'], [t('reports.drill.points'), 'num']]} />
            <tbody>
              {d.score.parts.map((p) => (
                <tr key={p.part}>
                  <th scope="row">{p.part === 'rating' ? t('reports.part.rating') : t(`reports.col.${p.part}`)}</th>
                  <td className="num">{formatNumber(lang, p.weight)}</td>
                  <td className="num">{formatShare(lang, p.value)}</td>
                  <td className="num">{formatNumber(lang, p.points, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          {t('reports.drill.total', { score: formatNumber(lang, d.score.score, 2), band: bandName(d.score.band) })}
          {d.score.red_flag_points ? ` · ${t('reports.redFlagPoints', { n: formatNumber(lang, d.score.red_flag_points, 2) })}` : ''}
        </p>
      </section>
    </div>
  );
}

type AppealSlot = ((ticket: string, close: () => void) => ReactNode) | null;

/** Every case counted, with what it counted for; a head files an appeal from its row. */
function CaseTable({ cases, caption, appeals, appeal }: { cases: DrilldownCase[]; caption: string; appeals: Appeal[]; appeal: AppealSlot }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const yesNo = (v: number) => (v ? t('reports.yes') : t('reports.no'));
  const effect = (e: string) => (hasKey(`reports.effect.${e}`) ? t(`reports.effect.${e}` as 'reports.effect.excluded') : e);
  const cols = 8 + TARGET_KINDS.length;
  return (
    <div className="table-scroll">
      <table className="data-table case-table stack-on-phone">
        <caption>{caption}</caption>
        <HeadRow
          columns={[
            [t('case.ticket')],
            [t('reports.drill.inCohort')],
            ...TARGET_KINDS.map((k): Column => [t(`reports.col.${k}`)]),
            [t('reports.col.resolved')],
            [t('reports.col.reopened')],
            [t('reports.col.rating'), 'num'],
            [t('reports.drill.redFlag')],
            [t('reports.col.misrouted'), 'num'],
            [t('reports.appeals.title')],
          ]}
        />
        <tbody>
          {cases.map((c) => {
            const ticket = c.ticket ?? c.caseId;
            const filed = appeals.find((a) => a.case_id === Number(c.caseId) && a.status !== 'rejected');
            return (
              <Fragment key={`${c.caseId}-${c.agencyId}`}>
                <tr data-ticket={c.ticket ?? undefined}>
                  <th scope="row" data-label={t('case.ticket')}>
                    {c.ticket ? (
                      <Link to={`/petugas/kasus/${encodeURIComponent(c.ticket)}`} className="code">
                        {c.ticket}
                      </Link>
                    ) : (
                      c.caseId
                    )}
                  </th>
                  <td data-label={t('reports.drill.inCohort')}>{yesNo(c.received)}</td>
                  {TARGET_KINDS.map((k) => (
                    <td key={k} data-label={t(`reports.col.${k}`)}>
                      <TargetCell status={c.targets[k]} due={c.dueAt[k]} />
                    </td>
                  ))}
                  <td data-label={t('reports.col.resolved')}>{yesNo(c.resolved)}</td>
                  <td data-label={t('reports.col.reopened')}>{yesNo(c.reopened)}</td>
                  <td className="num" data-label={t('reports.col.rating')}>
                    {c.rating ?? '–'}
                  </td>
                  <td data-label={t('reports.drill.redFlag')} className={c.redFlag ? 'red-flag' : undefined}>
                    {c.redFlag ? formatDateTime(lang, c.redFlagAt) : t('reports.no')}
                  </td>
                  <td className="num" data-label={t('reports.col.misrouted')}>
                    {formatNumber(lang, c.misrouted)}
                  </td>
                  <td data-label={t('reports.appeals.title')}>
                    <span>
                    {c.appealed ? <span className="cell-note">{effect(c.appealed)}</span> : null}
                    {filed ? (
                      <span className={`badge appeal-${filed.status}`}>{t(`reports.appealStatus.${filed.status}`)}</span>
                    ) : appeal && c.ticket && open !== ticket ? (
                      <button type="button" className="btn-link" aria-label={t('reports.appeal.fileFor', { ticket })} onClick={() => setOpen(ticket)}>
                        {t('reports.appeal.file')}
                      </button>
                    ) : !c.appealed ? (
                      '–'
                    ) : null}
                    </span>
                  </td>
                </tr>
                {appeal && open === ticket ? (
                  <tr className="appeal-row">
                    <td colSpan={cols}>{appeal(ticket, () => setOpen(null))}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TargetCell({ status, due }: { status: DrilldownCase['targets'][keyof DrilldownCase['targets']]; due: string | null | undefined }) {
  const { t, lang } = useI18n();
  return (
    <span>
      <span className={`badge target-${status ?? 'none'}`}>{t(`reports.target.${status ?? 'none'}`)}</span>
      {due ? <span className="cell-note">{t('reports.drill.due', { at: formatDateTime(lang, due) })}</span> : null}
    </span>
  );
}
