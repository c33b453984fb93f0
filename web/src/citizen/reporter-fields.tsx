import { useI18n } from '../i18n/i18n.js';
import { Field, Toggle } from '../ui/field.js';
import type { ComplaintDraft } from './submit-complaint.js';

type Patch = (p: Partial<ComplaintDraft>) => void;

/** Who: contact details and the two privacy choices, each with what it really means. */
export function ReporterFields({ draft, patch, errors }: { draft: ComplaintDraft; patch: Patch; errors: Partial<Record<string, string>> }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="who-heading">
      <h2 id="who-heading">{t('form.who')}</h2>
      <p className="hint">{t('form.whoHint')}</p>
      <div className="privacy">
        <Toggle name="anonymous" label={t('form.anonymous')} hint={t('form.anonymousHint')} checked={draft.anonymous} onChange={(anonymous) => patch({ anonymous })} />
        <Toggle name="confidential" label={t('form.confidential')} hint={t('form.confidentialHint')} checked={draft.confidential} onChange={(confidential) => patch({ confidential })} />
      </div>
      {draft.anonymous ? null : (
        <Field label={t('form.name')} error={errors.name}>
          <input type="text" name="name" value={draft.name} maxLength={120} autoComplete="name" onChange={(e) => patch({ name: e.target.value })} />
        </Field>
      )}
      <div className="row-2">
        <Field label={t('form.email')} error={errors.email}>
          <input type="email" name="email" value={draft.email} maxLength={200} autoComplete="email" inputMode="email" onChange={(e) => patch({ email: e.target.value })} />
        </Field>
        <Field label={t('form.phone')} hint={t('form.phoneHint')} error={errors.phone}>
          <input type="tel" name="phone" value={draft.phone} maxLength={30} autoComplete="tel" inputMode="tel" onChange={(e) => patch({ phone: e.target.value })} />
        </Field>
      </div>
      {draft.anonymous ? <p className="hint">{t('form.anonymousContactHint')}</p> : null}
    </section>
  );
}
