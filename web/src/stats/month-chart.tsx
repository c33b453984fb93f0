import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { countAxis, formatMonth, formatMonthName, formatNumber } from './format.js';
import type { PublicStats } from './types.js';

/** The three parts a month's bar is stacked from (received = resolved + open + rejected/merged). */
const PARTS = [
  { key: 'resolved', className: 'fill-resolved' },
  { key: 'open', className: 'fill-open' },
  { key: 'other', className: 'fill-other' },
] as const;

const CHART_HEIGHT = 200;

/**
 * Cases received per month as stacked bars (HTML and CSS, no chart library: the text stays readable at any
 * width, and many months scroll sideways on a phone), with the same numbers as a table for screen readers
 * and for anyone who wants the figures rather than the shape.
 */
export function MonthChart({ months }: { months: PublicStats['by_month'] }) {
  const { t, lang } = useI18n();
  const rows = months.map((m) => ({ ...m, other: m.rejected + m.merged }));
  const max = Math.max(0, ...rows.map((r) => r.received));
  const { top, step } = countAxis(max);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  const busiest = rows.reduce<(typeof rows)[number] | null>((a, r) => (!a || r.received > a.received ? r : a), null);
  const summary = t('stats.month.summary', {
    n: rows.length,
    total: formatNumber(lang, rows.reduce((s, r) => s + r.received, 0)),
    month: busiest ? formatMonth(lang, busiest.month, 'long') : '–',
    max: formatNumber(lang, max),
  });
  const pct = (v: number) => `${(v / top) * 100}%`;

  return (
    <figure className="chart">
      <Legend />
      <div className="month-chart" role="img" aria-label={`${t('stats.month.title')}. ${summary}`} style={{ '--chart-h': `${CHART_HEIGHT}px` } as CSSProperties}>
        <div className="month-axis">
          {ticks.map((v) => (
            <span key={v} style={{ bottom: pct(v) }}>
              {formatNumber(lang, v)}
            </span>
          ))}
        </div>
        <div className="month-scroll">
          <div className="month-plot">
            {ticks.map((v) => (
              <span key={v} className="month-grid" style={{ bottom: pct(v) }} />
            ))}
            {rows.map((r, i) => (
              <div
                key={r.month}
                className="month-col"
                title={`${formatMonth(lang, r.month, 'long')}: ${t('stats.received')} ${formatNumber(lang, r.received)} · ${t('stats.resolved')} ${formatNumber(lang, r.resolved)} · ${t('stats.open')} ${formatNumber(lang, r.open)} · ${t('stats.otherShort')} ${formatNumber(lang, r.other)}`}
              >
                <div className="month-bar">
                  {PARTS.map((p) => (r[p.key] > 0 ? <span key={p.key} className={p.className} style={{ height: pct(r[p.key]) }} /> : null))}
                </div>
                <span className="month-label">
                  {formatMonthName(lang, r.month)}
                  {i === 0 || r.month.endsWith('-01') ? <span className="month-year">{r.month.slice(0, 4)}</span> : null}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <figcaption>
        <details>
          <summary>{t('stats.month.asTable')}</summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('stats.month.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.month')}</th>
                  <th scope="col" className="num">{t('stats.received')}</th>
                  <th scope="col" className="num">{t('stats.resolved')}</th>
                  <th scope="col" className="num">{t('stats.open')}</th>
                  <th scope="col" className="num">{t('stats.rejected')}</th>
                  <th scope="col" className="num">{t('stats.merged')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.month}>
                    <th scope="row">{formatMonth(lang, r.month, 'long')}</th>
                    <td className="num">{formatNumber(lang, r.received)}</td>
                    <td className="num">{formatNumber(lang, r.resolved)}</td>
                    <td className="num">{formatNumber(lang, r.open)}</td>
                    <td className="num">{formatNumber(lang, r.rejected)}</td>
                    <td className="num">{formatNumber(lang, r.merged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}

/** Colour key of the stacked bars (also used under the breakdown tables). */
export function Legend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-hidden="true">
      <li>
        <span className="swatch fill-resolved" /> {t('stats.resolved')}
      </li>
      <li>
        <span className="swatch fill-open" /> {t('stats.open')}
      </li>
      <li>
        <span className="swatch fill-other" /> {t('stats.otherShort')}
      </li>
    </ul>
  );
}
