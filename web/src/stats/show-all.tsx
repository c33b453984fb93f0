import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from './format.js';

/** The first rows of a long table, and the button that shows them all (or fewer again). */
export function useShowAll<T>(rows: readonly T[], first: number) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, first);
  const toggle =
    rows.length > first ? (
      <button type="button" className="btn-link" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t('stats.showFewer') : t('stats.showAll', { n: formatNumber(lang, rows.length) })}
      </button>
    ) : null;
  return { shown, toggle };
}
