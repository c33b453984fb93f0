import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber, formatShare } from './format.js';
import { Legend } from './month-chart.js';
import { useShowAll } from './show-all.js';
import type { Counts } from './types.js';

export interface BreakdownRow extends Counts {
  key: string;
  name: ReactNode;
}

/** Rows shown before "show all": a long category list would push everything else far down. */
const FIRST = 10;

/**
 * One breakdown (by category, kota or channel) as a table whose "received" column carries a stacked bar: the
 * bar is decoration (aria-hidden), the numbers beside it are the content.
 */
export function BreakdownTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: BreakdownRow[] }) {
  const { t, lang } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.received));
  const { shown, toggle } = useShowAll(rows, FIRST);
  const pct = (v: number) => `${(v / max) * 100}%`;
  return (
    <div className="breakdown">
      <Legend />
      <div className="table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="num">{t('stats.received')}</th>
              <th scope="col" className="num">{t('stats.resolved')}</th>
              <th scope="col" className="num">{t('stats.open')}</th>
              <th scope="col" className="num">{t('stats.otherShort')}</th>
              <th scope="col" className="num">{t('stats.resolvedShare')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="name-cell">
                  <span>{r.name}</span>
                  <span className="bar" aria-hidden="true">
                    <span className="fill-resolved" style={{ width: pct(r.resolved) }} />
                    <span className="fill-open" style={{ width: pct(r.open) }} />
                    <span className="fill-other" style={{ width: pct(r.rejected + r.merged) }} />
                  </span>
                </th>
                <td className="num strong">{formatNumber(lang, r.received)}</td>
                <td className="num">{formatNumber(lang, r.resolved)}</td>
                <td className="num">{formatNumber(lang, r.open)}</td>
                <td className="num">{formatNumber(lang, r.rejected + r.merged)}</td>
                <td className="num">{formatShare(lang, r.received > 0 ? r.resolved / r.received : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {toggle}
    </div>
  );
}
