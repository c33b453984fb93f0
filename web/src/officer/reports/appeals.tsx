import { useState, type FormEvent } from 'react';
import type { Catalog } from '../../api/catalog.js';
import { api } from '../../api/client.js';
import type { Appeal } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { Field } from '../../ui/field.js';
import { formatDateTime } from '../../ui/format.js';
import { failure, OutcomeNotice, type Outcome } from '../../ui/notice.js';
import { AgencyPicker } from '../agency-picker.js';
import { useSession } from '../session.js';
import { HeadRow, type Column } from './cells.js';

/** Appeals as a table: the case, who appeals, what they ask, why, and where the decision stands. */
export function AppealTable({ appeals, catalog, caption }: { appeals: Appeal[]; catalog: Catalog; caption: string }) {
  const { t, lang } = useI18n();
  if (!appeals.length) return <p className="empty">{t('reports.appeals.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table appeal-table">
        <caption>{caption}</caption>
        <HeadRow
          columns={(['case.ticket', 'reports.appeals.agency', 'reports.appeals.remedy', 'reports.appeals.reason', 'reports.appeals.status', 'reports.appeals.filed', 'reports.appeals.decision'] as const).map((k): Column => [t(k)])}
        />
        <tbody>
          {appeals.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.ticket ? <Link to={`/petugas/kasus/${encodeURIComponent(a.ticket)}`} className="code">{a.ticket}</Link> : a.case_id}</th>
              <td>{catalog.agencyName(a.agency_id)}</td>
              <td>{a.remedy === 'exclude' ? t('reports.remedy.exclude') : t('reports.remedy.reattribute', { agency: catalog.agencyName(a.to_agency_id) })}</td>
              <td className="summary-cell">{a.reason}</td>
              <td>
                <span className={`badge appeal-${a.status}`}>{t(`reports.appealStatus.${a.status}`)}</span>
              </td>
              <td>{formatDateTime(lang, a.filed_at)}</td>
              <td>
                {a.decided_at ? formatDateTime(lang, a.decided_at) : '–'}
                {a.decision_note ? <span className="cell-note">{a.decision_note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An agency head (or an admin on the agency's behalf) contests one counted case: exclude it, or count it for
 * the agency it belongs to, with a reason for the reviewer.
 */
export function AppealForm({ ticket, agencyId, catalog, onDone, onCancel }: { ticket: string; agencyId: string; catalog: Catalog; onDone(ticket: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [remedy, setRemedy] = useState<'exclude' | 'reattribute'>('exclude');
  const [toAgency, setToAgency] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim() || (remedy === 'reattribute' && !toAgency)) return setMissing(true);
    setBusy(true);
    try {
      const body = { case: ticket, remedy, reason: reason.trim(), ...(remedy === 'reattribute' ? { to_agency: toAgency } : {}), ...(session.me.role === 'admin' ? { agency: agencyId } : {}) };
      await api('/api/reports/appeals', { method: 'POST', json: body });
      onDone(ticket);
    } catch (err) {
      session.check(err);
      setOutcome(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="appeal-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('reports.appeal.legend', { ticket })}</legend>
        <OutcomeNotice outcome={outcome} />
        <fieldset className="inline-radios">
          <legend>{t('reports.appeals.remedy')}</legend>
          <label>
            <input type="radio" name="remedy" value="exclude" checked={remedy === 'exclude'} onChange={() => setRemedy('exclude')} /> {t('reports.remedy.exclude')}
          </label>
          <label>
            <input type="radio" name="remedy" value="reattribute" checked={remedy === 'reattribute'} onChange={() => setRemedy('reattribute')} /> {t('reports.remedy.reattributeShort')}
          </label>
        </fieldset>
        {remedy === 'reattribute' ? (
          <AgencyPicker agencies={catalog.agencies.filter((a) => a.id !== agencyId)} value={toAgency} onChange={setToAgency} suggested={null} label={t('reports.appeal.toAgency')} />
        ) : null}
        {missing && remedy === 'reattribute' && !toAgency ? <p className="field-error">{t('action.required')}</p> : null}
        <Field label={t('reports.appeals.reason')} hint={t('reports.appeal.reasonHint')} required error={missing && !reason.trim() ? t('action.required') : null}>
          <textarea name="reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : t('reports.appeal.submit')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
