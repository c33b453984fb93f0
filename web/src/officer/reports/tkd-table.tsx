import { TARGET_KINDS, type TkdLine } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { formatMonth, formatNumber } from '../../stats/format.js';
import { useShowAll } from '../../stats/show-all.js';
import { DeductionCell, HeadRow, RatingCell, ScoreCell, ShareCell, type Column } from './cells.js';

const FIRST = 25;

export const drilldownPath = (agencyId: string, month: string) => `/petugas/laporan/${encodeURIComponent(agencyId)}?month=${month}`;

/** One row per agency head: the figures the TKD report returns, the agency's name leading to its drill-down. */
export function TkdTable({ month, lines, adjusted }: { month: string; lines: TkdLine[]; adjusted?: Map<string, TkdLine> }) {
  const { t, lang } = useI18n();
  const { shown, toggle } = useShowAll(lines, FIRST);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table tkd-table">
          <caption>{t('reports.caption', { month: formatMonth(lang, month, 'long') })}</caption>
          <HeadRow
            columns={[
              [t('reports.col.agency')],
              [t('reports.col.received'), 'num'],
              ...TARGET_KINDS.map((k): Column => [t(`reports.col.${k}`), 'wrap']),
              ...(['resolved', 'reopened', 'redFlags', 'misrouted', 'rating'] as const).map((k): Column => [t(`reports.col.${k}`), 'num']),
              [t('reports.col.score')],
              [t('reports.col.deduction')],
              ...(adjusted ? [[t('reports.col.adjusted')] as Column] : []),
            ]}
          />
          <tbody>
            {shown.map((l) => (
              <tr key={l.agency_id} data-agency={l.agency_id}>
                <th scope="row">
                  <Link to={drilldownPath(l.agency_id, month)}>{l.name}</Link>
                  {l.head_title ? <span className="cell-note">{l.head_title}</span> : null}
                </th>
                <td className="num strong">{formatNumber(lang, l.received)}</td>
                {TARGET_KINDS.map((k) => (
                  <td key={k} className="num">
                    <ShareCell f={l.on_time[k]} />
                  </td>
                ))}
                <td className="num">{formatNumber(lang, l.resolved)}</td>
                <td className="num">{formatNumber(lang, l.reopened)}</td>
                <td className={`num${l.red_flags ? ' red-flag' : ''}`}>{formatNumber(lang, l.red_flags)}</td>
                <td className="num">{formatNumber(lang, l.misrouted)}</td>
                <td className="num">
                  <RatingCell r={l.rating} />
                </td>
                <td className="score-cell">
                  <ScoreCell s={l} />
                </td>
                <td>
                  <DeductionCell line={l} />
                </td>
                {adjusted ? <td className="score-cell">{adjusted.get(l.agency_id) ? <ScoreCell s={adjusted.get(l.agency_id)!} /> : '–'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {toggle}
    </>
  );
}
