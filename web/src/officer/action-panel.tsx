import { useState, type FormEvent } from 'react';
import type { Catalog } from '../api/catalog.js';
import { REJECT_REASONS, type CaseDetail } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { Field, Toggle } from '../ui/field.js';
import { failure, OutcomeNotice, success, type Outcome } from '../ui/notice.js';
import { ACTION_INPUTS, emptyValues, missingInputs, runAction, UI_ACTIONS, type ActionValues, type InputKind } from './action-forms.js';
import { AgencyPicker } from './agency-picker.js';
import { useSession } from './session.js';

const NOTE_LABEL: Record<string, MessageKey> = { request_info: 'action.question', resolve: 'action.resolveNote', reject: 'action.rejectNote' };

/** The workflow actions the API allows this officer now (`allowed_actions`), each with the inputs it needs. */
export function ActionPanel({ kase, catalog, suggestedAgency, onChange }: { kase: CaseDetail; catalog: Catalog; suggestedAgency: string | null; onChange(): void }) {
  const { t, label } = useI18n();
  const session = useSession();
  const [action, setAction] = useState<string | null>(null);
  const [v, setV] = useState<ActionValues>(emptyValues());
  const [missing, setMissing] = useState<InputKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const actions = UI_ACTIONS.filter((a) => kase.allowed_actions.includes(a));
  const afterRequired = catalog.categories.find((c) => c.code === kase.category)?.requires_after_photo ?? false;
  const inputs = action ? ACTION_INPUTS[action] : [];
  const put = (p: Partial<ActionValues>) => setV((x) => ({ ...x, ...p }));

  const open = (a: string) => {
    setAction(a === action ? null : a);
    const suggestion = suggestedAgency && suggestedAgency !== kase.agency ? suggestedAgency : '';
    setV(emptyValues(ACTION_INPUTS[a].includes('agency') ? suggestion : ''));
    setMissing([]);
    setResult(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!action || busy) return;
    const miss = missingInputs(action, v, afterRequired);
    setMissing(miss);
    if (miss.length) return;
    setBusy(true);
    try {
      await runAction(kase, action, v);
      setResult(success('action.done', {}, { action: ['actionName', action] }));
      setAction(null);
      onChange();
    } catch (err) {
      session.check(err);
      setResult(failure(err));
    } finally {
      setBusy(false);
    }
  }
  const err = (k: InputKind) => (missing.includes(k) ? t('action.required') : null);

  return (
    <section className="card actions-card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('action.title')}</h2>
      <OutcomeNotice outcome={result} />
      {actions.length === 0 ? <p className="hint">{t('action.none')}</p> : null}
      <div className="action-buttons">
        {actions.map((a) => (
          <button key={a} type="button" className={`btn ${a === action ? 'btn-primary' : 'btn-secondary'} action-${a}`} aria-expanded={a === action} onClick={() => open(a)}>
            {label('actionName', a)}
          </button>
        ))}
      </div>
      {action ? (
        <form className="action-form" onSubmit={submit} noValidate aria-label={label('actionName', action)}>
          <p className="hint">{label('actionHelp', action)}</p>
          {inputs.includes('agency') ? <AgencyPicker agencies={catalog.agencies} value={v.agency} onChange={(agency) => put({ agency })} suggested={suggestedAgency} label={t('action.agency')} /> : null}
          {err('agency') ? <p className="field-error">{t('action.required')}</p> : null}
          {inputs.includes('rejectReason') ? (
            <Field label={t('action.rejectReason')} error={err('rejectReason')} required>
              <select name="reject_reason" value={v.rejectReason} onChange={(e) => put({ rejectReason: e.target.value })}>
                <option value="">{t('area.choose')}</option>
                {REJECT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {label('reject', r)}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {inputs.includes('forwardedTo') && v.rejectReason === 'bukan_wewenang' ? (
            <Field label={t('action.forwardedTo')} hint={t('action.forwardedToHint')}>
              <input type="text" name="forwarded_to" value={v.forwardedTo} maxLength={200} onChange={(e) => put({ forwardedTo: e.target.value })} />
            </Field>
          ) : null}
          {inputs.includes('note') || inputs.includes('noteRequired') ? (
            <Field label={t(NOTE_LABEL[action] ?? 'action.publicNote')} hint={t('action.publicHint')} error={err('noteRequired')} required={inputs.includes('noteRequired')}>
              <textarea name="public_note" rows={3} maxLength={4000} value={v.note} onChange={(e) => put({ note: e.target.value })} />
            </Field>
          ) : null}
          {inputs.includes('reason') || inputs.includes('reasonRequired') ? (
            <Field label={action === 'reopen' ? t('action.reopenReason') : t('action.reason')} hint={action === 'reopen' ? t('action.publicHint') : t('action.internalHint')} error={err('reasonRequired')} required={inputs.includes('reasonRequired')}>
              <textarea name="reason" rows={2} maxLength={2000} value={v.reason} onChange={(e) => put({ reason: e.target.value })} />
            </Field>
          ) : null}
          {inputs.includes('misrouted') ? <Toggle name="misrouted" label={t('action.misrouted')} hint={t('action.misroutedHint')} checked={v.misrouted} onChange={(misrouted) => put({ misrouted })} /> : null}
          {inputs.includes('afterPhoto') ? (
            <Field label={t('action.afterPhoto')} hint={afterRequired ? t('action.afterPhotoRequired') : t('action.afterPhotoHint')} error={err('afterPhoto')} required={afterRequired}>
              <input type="file" name="after" accept="image/jpeg,image/png,image/webp" onChange={(e) => put({ after: e.target.files?.[0] ?? null })} />
            </Field>
          ) : null}
          {inputs.includes('targetTicket') ? (
            <Field label={t('action.targetTicket')} hint={t('action.targetTicketHint')} error={err('targetTicket')} required>
              <input type="text" name="target_ticket" value={v.targetTicket} autoCapitalize="characters" spellCheck={false} onChange={(e) => put({ targetTicket: e.target.value })} />
            </Field>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.sending') : t('action.submit', { action: label('actionName', action) })}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
