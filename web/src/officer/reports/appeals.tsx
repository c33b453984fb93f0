import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import type { Catalog } from '../../api/catalog.js';
import { api } from '../../api/client.js';
import { canDecideAppeals, type Appeal, type AppealDecision } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { Field } from '../../ui/field.js';
import { formatDateTime } from '../../ui/format.js';
import { OutcomeNotice, success, type Outcome } from '../../ui/notice.js';
import type { AsyncState } from '../../ui/use-async.js';
import { AgencyPicker } from '../agency-picker.js';
import { authorLabel } from '../comments.js';
import { useSession } from '../session.js';
import { HeadRow, type Column } from './cells.js';
import { ReportState } from './report-state.js';
import { useAction } from './use-action.js';

/** Whom an actor label (`user:7`) names: the signed-in user by name, anyone else as the API gives it. */
export function useActorName(): (label: string | null) => string {
  const { me } = useSession();
  const { t } = useI18n();
  // The signed-in user by name; anyone else as the rest of the console shows them ("Petugas #7").
  return (label) => (label === null ? '–' : label === `user:${me.id}` ? me.display_name || me.username : authorLabel(label, t));
}

/**
 * The appeals card of the report page and the drill-down: the table, and for a reviewer (admin or monitor)
 * the decision on each pending appeal; `onDecided` refreshes the figures an accepted appeal changes.
 */
export function AppealsCard({ state, appeals, catalog, intro, onDecided }: { state: AsyncState<unknown>; appeals: Appeal[]; catalog: Catalog; intro: string; onDecided(): void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <section className="card" aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">{t('reports.appeals.title')}</h2>
      <p className="hint">{intro}</p>
      <OutcomeNotice outcome={outcome} />
      <ReportState state={state} />
      {state.data ? (
        <AppealTable
          appeals={appeals}
          catalog={catalog}
          caption={t('reports.appeals.caption')}
          onDecided={(a) => {
            setOutcome(success(a.status === 'accepted' ? 'reports.decide.accepted' : 'reports.decide.rejected', { ticket: a.ticket ?? a.case_id }));
            onDecided();
          }}
        />
      ) : null}
    </section>
  );
}

/** Appeals as a table: the case, who appeals, what they ask, why, and where the decision stands. */
function AppealTable({ appeals, catalog, caption, onDecided }: { appeals: Appeal[]; catalog: Catalog; caption: string; onDecided(a: Appeal): void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const who = useActorName();
  const [open, setOpen] = useState<number | null>(null);
  const reviewer = canDecideAppeals(me.role);
  if (!appeals.length) return <p className="empty">{t('reports.appeals.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table appeal-table">
        <caption>{caption}</caption>
        <HeadRow
          columns={(['case.ticket', 'reports.appeals.agency', 'reports.appeals.remedy', 'reports.appeals.reason', 'reports.appeals.status', 'reports.appeals.filed', 'reports.appeals.decision'] as const).map((k): Column => [t(k)])}
        />
        <tbody>
          {appeals.map((a) => {
            const ticket = a.ticket ?? String(a.case_id);
            const decidable = reviewer && a.status === 'pending' && a.filed_by !== `user:${me.id}`;
            return (
              <Fragment key={a.id}>
                <tr data-appeal={a.id}>
                  <th scope="row">{a.ticket ? <Link to={`/petugas/kasus/${encodeURIComponent(a.ticket)}`} className="code">{a.ticket}</Link> : a.case_id}</th>
                  <td>{catalog.agencyName(a.agency_id)}</td>
                  <td>{a.remedy === 'exclude' ? t('reports.remedy.exclude') : t('reports.remedy.reattribute', { agency: catalog.agencyName(a.to_agency_id) })}</td>
                  <td className="summary-cell">{a.reason}</td>
                  <td>
                    <span className={`badge appeal-${a.status}`}>{t(`reports.appealStatus.${a.status}`)}</span>
                  </td>
                  <td>{formatDateTime(lang, a.filed_at)}</td>
                  <td>
                    {a.decided_at ? t('reports.appeals.decidedBy', { by: who(a.decided_by), at: formatDateTime(lang, a.decided_at) }) : null}
                    {a.decision_note ? <span className="cell-note">{a.decision_note}</span> : null}
                    {decidable && open !== a.id ? (
                      <button type="button" className="btn-link" aria-label={t('reports.decide.openFor', { ticket })} onClick={() => setOpen(a.id)}>
                        {t('reports.decide.open')}
                      </button>
                    ) : null}
                    {reviewer && a.status === 'pending' && !decidable ? <span className="cell-note">{t('reports.decide.own')}</span> : null}
                    {!reviewer && a.status === 'pending' ? '–' : null}
                  </td>
                </tr>
                {decidable && open === a.id ? (
                  <tr className="appeal-row">
                    <td colSpan={7}>
                      <DecisionForm
                        appeal={a}
                        ticket={ticket}
                        onCancel={() => setOpen(null)}
                        onDone={(decided) => {
                          setOpen(null);
                          onDecided({ ...decided, ticket: a.ticket }); // the decision's answer has no ticket
                        }}
                      />
                    </td>
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

/** A reviewer accepts or rejects a pending appeal, with a note that explains the decision (required here). */
function DecisionForm({ appeal, ticket, onDone, onCancel }: { appeal: Appeal; ticket: string; onDone(a: Appeal): void; onCancel(): void }) {
  const { t } = useI18n();
  const { busy, outcome, run } = useAction();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [choice, setChoice] = useState<AppealDecision | null>(null);

  function decide(decision: AppealDecision) {
    if (!note.trim()) return setMissing(true);
    setChoice(decision);
    void run(async () => {
      onDone(await api<Appeal>(`/api/reports/appeals/${appeal.id}/decision`, { method: 'POST', json: { decision, note: note.trim() } }));
    });
  }

  return (
    <form className="appeal-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset>
        <legend>{t('reports.decide.legend', { ticket })}</legend>
        <OutcomeNotice outcome={outcome} />
        <Field label={t('reports.decide.note')} hint={t('reports.decide.noteHint')} required error={missing && !note.trim() ? t('action.required') : null}>
          <textarea name="note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <CancelActions onCancel={onCancel}>
          {(['accepted', 'rejected'] as const).map((d) => (
            <button key={d} type="button" className={d === 'accepted' ? 'btn btn-primary' : 'btn btn-danger'} disabled={busy} onClick={() => decide(d)}>
              {busy && choice === d ? t('common.sending') : t(d === 'accepted' ? 'reports.decide.accept' : 'reports.decide.reject')}
            </button>
          ))}
        </CancelActions>
      </fieldset>
    </form>
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
  const { busy, outcome, run } = useAction();
  const [missing, setMissing] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim() || (remedy === 'reattribute' && !toAgency)) return setMissing(true);
    void run(async () => {
      const body = { case: ticket, remedy, reason: reason.trim(), ...(remedy === 'reattribute' ? { to_agency: toAgency } : {}), ...(session.me.role === 'admin' ? { agency: agencyId } : {}) };
      await api('/api/reports/appeals', { method: 'POST', json: body });
      onDone(ticket);
    });
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
        <CancelActions onCancel={onCancel}>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : t('reports.appeal.submit')}
          </button>
        </CancelActions>
      </fieldset>
    </form>
  );
}

/** A form's buttons, then "Cancel" (disabled while the action is under way, when `busy` is given). */
export function CancelActions({ children, onCancel, busy }: { children: ReactNode; onCancel(): void; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {children}
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
