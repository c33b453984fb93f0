import type { ShareFigure, TkdLine, TkdScoreJson } from '../../api/reports.js';
import { hasKey, useI18n } from '../../i18n/i18n.js';
import { formatNumber, formatShare } from '../../stats/format.js';

/** "50%" with "1 of 2" under it; a dash when no target of the kind was decided. */
export function ShareCell({ f }: { f: ShareFigure }) {
  const { t, lang } = useI18n();
  return (
    <>
      <span className="strong">{formatShare(lang, f.share)}</span>
      {f.counted ? <span className="cell-note">{t('reports.ofCounted', { met: f.met, counted: f.counted })}</span> : null}
    </>
  );
}

/** The band's name ("baik" → "Baik" / "Good"); a custom band from the configuration shows as written. */
export function useBandName(): (band: string) => string {
  const { t } = useI18n();
  return (band) => {
    const key = `reports.band.${band}`;
    return hasKey(key) ? t(key) : band;
  };
}

export function ScoreCell({ s }: { s: TkdScoreJson }) {
  const { t, lang } = useI18n();
  const bandName = useBandName();
  return (
    <>
      <span className="strong">{formatNumber(lang, s.score, 2)}</span> <span className={`badge band band-${s.band}`}>{bandName(s.band)}</span>
      {s.red_flag_points ? <span className="cell-note">{t('reports.redFlagPoints', { n: formatNumber(lang, s.red_flag_points, 2) })}</span> : null}
    </>
  );
}

/** The share of the head's TKD deducted, or why none applies (an echelon outside the scope). */
export function DeductionCell({ line }: { line: TkdLine }) {
  const { t, lang } = useI18n();
  if (!line.covered || line.deduction_percent === null)
    return (
      <>
        {t('reports.notCovered')}
        {line.head_eselon ? <span className="cell-note">{t('reports.eselon', { eselon: line.head_eselon })}</span> : null}
      </>
    );
  return (
    <>
      <span className="strong">{formatNumber(lang, line.deduction_percent, 2)}%</span>
      <span className="cell-note">{t('reports.lossOfComponent', { loss: formatNumber(lang, line.loss_percent_of_component, 2) })}</span>
    </>
  );
}

export function RatingCell({ r }: { r: { average: number | null; count: number } }) {
  const { t, lang } = useI18n();
  if (r.average === null) return <>–</>;
  return (
    <>
      <span className="strong">{formatNumber(lang, r.average, 2)}</span>
      <span className="cell-note">{t('reports.ratings', { n: r.count })}</span>
    </>
  );
}

/** A column heading: its text, and whether it holds numbers (`num`, right-aligned) or numbers under a long, wrapped label (`wrap`). */
export type Column = [label: string, kind?: 'num' | 'wrap'];

/** The header row of a data table, every cell a column heading (`scope="col"`). */
export function HeadRow({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map(([label, kind]) => (
          <th key={label} scope="col" className={kind === 'wrap' ? 'num wrap' : kind}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
