import { useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { formatNumber, formatShare } from './format.js';
import { useShowAll } from './show-all.js';
import type { PublicStats } from './types.js';

type Row = PublicStats['by_agency'][number];
type SortKey = 'name' | 'received' | 'resolved' | 'open' | 'resolution_decided' | 'resolved_on_time_share';

const COLUMNS: { key: SortKey; label: MessageKey; num: boolean }[] = [
  { key: 'name', label: 'stats.agency', num: false },
  { key: 'received', label: 'stats.received', num: true },
  { key: 'resolved', label: 'stats.resolved', num: true },
  { key: 'open', label: 'stats.open', num: true },
  { key: 'resolution_decided', label: 'stats.agency.decided', num: true },
  { key: 'resolved_on_time_share', label: 'stats.onTime', num: true },
];
const FIRST = 15;

/** Agencies with their counts and the share of resolution targets met; sortable by any column. */
export function AgencyTable({ rows }: { rows: Row[] }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'received', desc: true });
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(lang === 'en' ? 'en' : 'id');
    const dir = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      if (sort.key === 'name') return dir * collator.compare(a.name, b.name);
      const av = a[sort.key];
      const bv = b[sort.key];
      // Agencies without a decided target go last whichever the direction.
      if (av === null || bv === null) return av === bv ? collator.compare(a.name, b.name) : av === null ? 1 : -1;
      return dir * (av - bv) || collator.compare(a.name, b.name);
    });
  }, [rows, sort, lang]);
  const { shown, toggle: showAll } = useShowAll(sorted, FIRST);
  const toggle = (key: SortKey) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' }));

  return (
    <div className="breakdown">
      <div className="table-scroll">
        <table className="data-table agency-table">
          <caption>
            {t('stats.agency.caption')} <span className="caption-hint">{t('stats.sortHint')}</span>
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {t(c.label)}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.key === c.key ? (sort.desc ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td className="num strong">{formatNumber(lang, r.received)}</td>
                <td className="num">{formatNumber(lang, r.resolved)}</td>
                <td className="num">{formatNumber(lang, r.open)}</td>
                <td className="num">{formatNumber(lang, r.resolution_decided)}</td>
                <td className="num">
                  <OnTime share={r.resolved_on_time_share} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {showAll}
      <p className="hint">{t('stats.agency.hint')}</p>
    </div>
  );
}

function OnTime({ share }: { share: number | null }) {
  const { lang } = useI18n();
  if (share === null) return <>–</>;
  return (
    <span className="on-time">
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
      {formatShare(lang, share)}
    </span>
  );
}
