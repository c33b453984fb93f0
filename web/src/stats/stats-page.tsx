import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { formatDateTime, titleCase } from '../ui/format.js';
import { errorText, Notice, Spinner } from '../ui/notice.js';
import { useAsync } from '../ui/use-async.js';
import { useTitle } from '../ui/use-title.js';
import { AgencyTable } from './agency-table.js';
import { BreakdownTable } from './breakdown-table.js';
import { CaseMap, type MapFilters } from './case-map.js';
import { addDays, formatDay, formatNumber, formatShare, isIsoDay, jakartaToday } from './format.js';
import { MonthChart } from './month-chart.js';
import type { PublicStats } from './types.js';

const PATH = '/statistik';

/** `/statistik` with the given parameters (empty ones dropped), keeping the others of the current URL. */
function href(search: URLSearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  const qs = next.toString();
  return qs ? `${PATH}?${qs}` : PATH;
}

/**
 * `/statistik`: the public figures, for residents and journalists, without a login. The period and the map's
 * filters live in the URL, so a view can be shared or bookmarked; the open data downloads follow the period.
 */
export function StatsPage({ search }: { search: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang, pick, label } = i18n;
  useTitle(t('stats.title'));
  const from = isIsoDay(search.get('from') ?? '') ? search.get('from')! : '';
  const to = isIsoDay(search.get('to') ?? '') ? search.get('to')! : '';
  const period = new URLSearchParams();
  if (from) period.set('from', from);
  if (to) period.set('to', to);
  const qs = period.toString();
  const stats = useAsync(() => api<PublicStats>(`/api/public/stats${qs ? `?${qs}` : ''}`), [qs]);
  const data = stats.data;
  const filters: MapFilters = { category: search.get('category') ?? '', status: search.get('status') ?? '', area: search.get('area') ?? '' };

  return (
    <div className="stats">
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('stats.title')}</h1>
        <p>{t('stats.intro')}</p>
      </div>

      <PeriodPicker search={search} from={from || data?.period.from || ''} to={to || data?.period.to || ''} />

      {stats.loading && !data ? <Spinner label={t('common.loading')} /> : null}
      {stats.error ? (
        <Notice kind="error">
          {errorText(stats.error, i18n)}{' '}
          <button type="button" className="btn-link" onClick={stats.reload}>
            {t('stats.retry')}
          </button>
        </Notice>
      ) : null}

      {data ? (
        <div aria-busy={stats.loading}>
          <p className="period-line" role="status">
            {t('stats.periodShown', { from: formatDay(lang, data.period.from), to: formatDay(lang, data.period.to) })}{' '}
            <span className="muted">{t('stats.generatedAt', { at: formatDateTime(lang, data.generated_at) })}</span>
          </p>
          <Headline data={data} />

          {data.totals.received === 0 ? (
            <p className="empty card">{t('stats.empty')}</p>
          ) : (
            <>
              <section className="card" aria-labelledby="stats-month">
                <h2 id="stats-month">{t('stats.month.title')}</h2>
                <MonthChart months={data.by_month} />
              </section>

              <div className="stats-grid">
                <section className="card" aria-labelledby="stats-category">
                  <h2 id="stats-category">{t('stats.byCategory')}</h2>
                  <BreakdownTable
                    caption={t('stats.byCategory.caption')}
                    nameHeader={t('case.category')}
                    rows={data.by_category.map((r) => ({ ...r, key: r.code ?? '-', name: r.code ? pick(r.name_id, r.name_en) : t('stats.uncategorized') }))}
                  />
                </section>
                <section className="card" aria-labelledby="stats-kota">
                  <h2 id="stats-kota">{t('stats.byKota')}</h2>
                  <BreakdownTable
                    caption={t('stats.byKota.caption')}
                    nameHeader={t('area.kota')}
                    rows={data.by_kota.map((r) => ({ ...r, key: r.code ?? '-', name: r.code ? titleCase(r.name ?? r.code) : t('stats.noArea') }))}
                  />
                </section>
                <section className="card" aria-labelledby="stats-channel">
                  <h2 id="stats-channel">{t('stats.byChannel')}</h2>
                  <BreakdownTable
                    caption={t('stats.byChannel.caption')}
                    nameHeader={t('case.channel')}
                    rows={data.by_channel.map((r) => ({ ...r, key: r.channel || '-', name: label('channel', r.channel) || '–' }))}
                  />
                </section>
              </div>

              <section className="card" aria-labelledby="stats-agency">
                <h2 id="stats-agency">{t('stats.byAgency')}</h2>
                {data.by_agency.length > 0 ? <AgencyTable rows={data.by_agency} /> : <p className="empty">{t('stats.agency.none')}</p>}
              </section>
            </>
          )}

          <section className="card" aria-labelledby="stats-map">
            <h2 id="stats-map">{t('stats.map.title')}</h2>
            <p className="hint">{t('stats.map.intro')}</p>
            <CaseMap
              from={data.period.from}
              to={data.period.to}
              filters={filters}
              onFilters={(f) => navigate(href(search, { category: f.category, status: f.status, area: f.area }), { replace: true })}
            />
          </section>

          <section className="card" aria-labelledby="stats-data">
            <h2 id="stats-data">{t('stats.data.title')}</h2>
            <p>{t('stats.data.intro', { from: formatDay(lang, data.period.from), to: formatDay(lang, data.period.to) })}</p>
            <ul className="downloads">
              <li>
                <a className="btn btn-secondary" href={`/api/public/open-data/cases.csv?from=${data.period.from}&to=${data.period.to}`} download>
                  {t('stats.data.csv')}
                </a>
              </li>
              <li>
                <a className="btn btn-secondary" href={`/api/public/open-data/cases.jsonl?from=${data.period.from}&to=${data.period.to}`} download>
                  {t('stats.data.jsonl')}
                </a>
              </li>
            </ul>
            <p className="hint">
              {t('stats.data.api')} <a href={`/api/public/stats?from=${data.period.from}&to=${data.period.to}`}>/api/public/stats</a>,{' '}
              <a href={`/api/public/map?from=${data.period.from}&to=${data.period.to}`}>/api/public/map</a> (GeoJSON), <a href="/api/docs">/api/docs</a>.
            </p>
          </section>
        </div>
      ) : null}
    </div>
  );
}

function PeriodPicker({ search, from, to }: { search: URLSearchParams; from: string; to: string }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState({ from, to });
  const [error, setError] = useState('');
  // Follow the period shown (the API's default once it answers, or a preset / back button).
  useEffect(() => setDraft({ from, to }), [from, to]);
  const today = jakartaToday();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError(t('stats.period.reversed'));
      return;
    }
    setError('');
    navigate(href(search, { from: draft.from, to: draft.to }), { replace: false });
  };
  const preset = (f: string, tt: string) => {
    setError('');
    navigate(href(search, { from: f, to: tt }));
  };
  return (
    <form className="card period-picker" onSubmit={apply} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`} className="h-small">
        {t('stats.period')}
      </h2>
      <div className="period-fields">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('stats.period.from')}</label>
          <input type="date" id={`${id}-from`} value={draft.from} max={draft.to || today} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('stats.period.to')}</label>
          <input type="date" id={`${id}-to`} value={draft.to} min={draft.from || undefined} max={today} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
        </div>
        <div className="field period-submit">
          <button type="submit" className="btn btn-primary">
            {t('stats.period.apply')}
          </button>
        </div>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
      <div className="presets" role="group" aria-label={t('stats.period.presets')}>
        <button type="button" className="chip" onClick={() => preset('', '')}>
          {t('stats.period.last12')}
        </button>
        <button type="button" className="chip" onClick={() => preset(`${today.slice(0, 4)}-01-01`, today)}>
          {t('stats.period.thisYear')}
        </button>
        <button type="button" className="chip" onClick={() => preset(addDays(today, -29), today)}>
          {t('stats.period.last30')}
        </button>
        <button type="button" className="chip" onClick={() => preset(`${Number(today.slice(0, 4)) - 1}-01-01`, `${Number(today.slice(0, 4)) - 1}-12-31`)}>
          {t('stats.period.lastYear')}
        </button>
      </div>
    </form>
  );
}

/** The headline figures: what a reader looks for first. */
function Headline({ data }: { data: PublicStats }) {
  const { t, lang } = useI18n();
  const tot = data.totals;
  const hours = tot.median_resolution_working_hours;
  return (
    <section aria-labelledby="stats-headline">
      <h2 id="stats-headline" className="sr-only">
        {t('stats.headline')}
      </h2>
      <dl className="kpis">
        <div className="kpi">
          <dt>{t('stats.received')}</dt>
          <dd>
            <span className="kpi-value" data-testid="kpi-received">{formatNumber(lang, tot.received)}</span>
            <span className="kpi-note">
              {t('stats.kpi.rejectedMerged', { rejected: formatNumber(lang, tot.rejected), merged: formatNumber(lang, tot.merged) })}
            </span>
          </dd>
        </div>
        <div className="kpi kpi-resolved">
          <dt>{t('stats.resolved')}</dt>
          <dd>
            <span className="kpi-value" data-testid="kpi-resolved">{formatNumber(lang, tot.resolved)}</span>
            <span className="kpi-note">{t('stats.kpi.ofReceived', { share: formatShare(lang, tot.received > 0 ? tot.resolved / tot.received : null) })}</span>
          </dd>
        </div>
        <div className="kpi kpi-open">
          <dt>{t('stats.stillOpen')}</dt>
          <dd>
            <span className="kpi-value" data-testid="kpi-open">{formatNumber(lang, tot.open)}</span>
            <span className="kpi-note">{t('stats.kpi.openNote')}</span>
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('stats.onTime')}</dt>
          <dd>
            <span className="kpi-value" data-testid="kpi-on-time">{formatShare(lang, tot.resolved_on_time_share)}</span>
            <span className="kpi-note">{tot.resolved_on_time_share === null ? t('stats.kpi.onTimeNone') : t('stats.kpi.onTimeNote')}</span>
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('stats.median')}</dt>
          <dd>
            <span className="kpi-value" data-testid="kpi-median">
              {hours === null ? '–' : t('stats.kpi.hours', { n: formatNumber(lang, hours, 1) })}
            </span>
            <span className="kpi-note">
              {hours === null
                ? t('stats.kpi.medianNone')
                : t('stats.kpi.days', { n: formatNumber(lang, hours / tot.working_hours_per_day, 1), h: formatNumber(lang, tot.working_hours_per_day, 1) })}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
