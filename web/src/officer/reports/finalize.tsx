import { useState } from 'react';
import { api } from '../../api/client.js';
import type { FinalizeResult } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatMonth } from '../../stats/format.js';
import { OutcomeNotice, success } from '../../ui/notice.js';
import { CancelActions } from './appeals.js';
import { useAction } from './use-action.js';

/**
 * An admin finalizes a month, after a confirmation that says what it does: the month's TKD lines and scores
 * are sealed with a content hash, for good. A refusal (already finalized, month not over) shows the API's
 * message; after success `onDone` reloads the report, which then says the month is finalized.
 */
export function FinalizeMonth({ month, finalized, onDone }: { month: string; finalized: boolean; onDone(): void }) {
  const { t, lang } = useI18n();
  const { busy, outcome, setOutcome, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  const monthName = formatMonth(lang, month, 'long');

  function confirm() {
    setOutcome(null);
    setConfirming(true);
  }

  function finalize() {
    void run(async () => {
      const r = await api<FinalizeResult>('/api/reports/tkd/finalize', { method: 'POST', json: { month } });
      setConfirming(false);
      setOutcome(success('reports.finalize.done', { month: monthName, lines: r.lines, agencies: r.agencies, hash: r.contentHash.slice(0, 12) }));
      onDone();
    });
  }

  return (
    <div className="finalize no-print">
      <OutcomeNotice outcome={outcome} />
      {finalized ? null : confirming ? (
        <div className="finalize-confirm" role="group" aria-labelledby="finalize-heading">
          <h3 id="finalize-heading">{t('reports.finalize.legend', { month: monthName })}</h3>
          <p>{t('reports.finalize.explain', { month: monthName })}</p>
          <CancelActions busy={busy} onCancel={() => setConfirming(false)}>
            <button type="button" className="btn btn-danger" disabled={busy} onClick={finalize}>
              {busy ? t('common.sending') : t('reports.finalize.confirm', { month: monthName })}
            </button>
          </CancelActions>
        </div>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={confirm}>
          {t('reports.finalize.open')}
        </button>
      )}
    </div>
  );
}
