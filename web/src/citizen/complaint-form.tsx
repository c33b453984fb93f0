import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { useCatalog } from '../api/catalog.js';
import type { Receipt } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { CategorySelect } from '../ui/category-select.js';
import { Field } from '../ui/field.js';
import { errorText, Notice } from '../ui/notice.js';
import type { MessageKey } from '../i18n/i18n.js';
import { LocationFields } from './location-fields.js';
import { PhotoInput } from './photo-input.js';
import { ReporterFields } from './reporter-fields.js';
import { API_FIELD, checkDraft, emptyDraft, newIdempotencyKey, submitComplaint, type ComplaintDraft } from './submit-complaint.js';

/** The citizen's complaint form. One idempotency key per complaint, renewed only after a receipt. */
export function ComplaintForm({ onReceipt }: { onReceipt(r: Receipt): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const catalog = useCatalog();
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [photos, setPhotos] = useState<File[]>([]);
  // Field → message key, translated when shown so the messages follow a language switch.
  const [errorKeys, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const [failure, setFailure] = useState<{ key?: MessageKey; error?: unknown; network: boolean; at: number } | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false); // a double click fires twice before React re-renders the disabled button

  const patch = (p: Partial<ComplaintDraft>) => setDraft((d) => ({ ...d, ...p }));
  const errors: Partial<Record<string, string>> = Object.fromEntries(Object.entries(errorKeys).map(([k, v]) => [k, t(v!)]));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    const problems = checkDraft(draft, photos);
    if (Object.keys(problems).length) {
      setErrors(problems);
      setFailure({ key: 'form.fixErrors', network: false, at: Date.now() });
      return;
    }
    inFlight.current = true;
    setSending(true);
    setFailure(null);
    setErrors({});
    try {
      const receipt = await submitComplaint(draft, photos, key.current);
      key.current = newIdempotencyKey();
      setDraft(emptyDraft());
      setPhotos([]);
      onReceipt(receipt);
    } catch (err) {
      // The key is kept: if the first attempt did arrive, the retry returns that same case.
      const fieldErrors: Record<string, MessageKey> = {};
      if (err instanceof ApiError) for (const d of err.details) if (d.field && API_FIELD[d.field]) fieldErrors[API_FIELD[d.field]] = d.field === 'reporter.phone' ? 'form.err.phone' : 'form.err.invalid';
      setErrors(fieldErrors);
      setFailure({ error: err, network: err instanceof ApiError && err.isNetwork, at: Date.now() });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  return (
    <form className="complaint-form" onSubmit={onSubmit} noValidate aria-busy={sending}>
      {failure ? (
        <Notice kind="error" focus key={failure.at}>
          <p>{failure.key ? t(failure.key) : errorText(failure.error, i18n)}</p>
          {failure.network ? <p>{t('form.retryHint')}</p> : null}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t('form.what')}</h2>
        <Field label={t('form.text')} hint={t('form.textHint')} error={errors.text} required>
          <textarea name="text" rows={6} maxLength={4000} value={draft.text} onChange={(e) => patch({ text: e.target.value })} />
        </Field>
        <div className="row-2">
          <Field label={t('form.category')} hint={t('form.categoryHint')} error={errors.category}>
            <CategorySelect name="category" categories={catalog.categories} emptyLabel={t('form.categoryUnknown')} value={draft.category} onChange={(e) => patch({ category: e.target.value })} />
          </Field>
          <Field label={t('form.reportType')}>
            <select name="report_type" value={draft.reportType} onChange={(e) => patch({ reportType: e.target.value as ComplaintDraft['reportType'] })}>
              <option value="pengaduan">{t('reportType.pengaduan')}</option>
              <option value="aspirasi">{t('reportType.aspirasi')}</option>
              <option value="permintaan_informasi">{t('reportType.permintaan_informasi')}</option>
            </select>
          </Field>
        </div>
        <PhotoInput files={photos} onChange={setPhotos} error={errors.photos} />
      </section>
      <LocationFields draft={draft} patch={patch} areas={catalog.areas} errors={errors} />
      <ReporterFields draft={draft} patch={patch} errors={errors} />
      <div className="form-actions">
        <p className="hint">{t('form.emergencyHint')}</p>
        <button type="submit" className="btn btn-primary btn-large" disabled={sending}>
          {sending ? t('form.sending') : failure?.network ? t('form.retry') : t('form.submit')}
        </button>
      </div>
    </form>
  );
}
