import { useState, type FormEvent } from 'react';
import { REPORT_FORMATS, tkdUrl } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { Field } from '../../ui/field.js';
import { isMonth, jakartaMonth } from './month.js';

/** The month to report on; submitting calls `onChange` with a valid `YYYY-MM`. */
export function MonthPicker({ month, onChange }: { month: string; onChange(month: string): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(month);
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!isMonth(value)) return setError(t('reports.badMonth'));
    setError(null);
    onChange(value);
  }
  return (
    <form className="month-picker no-print" onSubmit={submit} noValidate>
      <Field label={t('reports.month')} hint={t('reports.monthHint')} error={error}>
        <input type="month" name="month" value={value} max={jakartaMonth()} placeholder="2025-07" onChange={(e) => setValue(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary">
        {t('reports.show')}
      </button>
    </form>
  );
}

/** CSV, XLSX and PDF of the same report (the API names the file); `agency` narrows it to one line. */
export function ReportDownloads({ month, agency }: { month: string; agency?: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="report-downloads" className="no-print">
      <h2 id="report-downloads" className="h-small">
        {t('reports.downloads')}
      </h2>
      <ul className="downloads">
        {REPORT_FORMATS.map((f) => (
          <li key={f}>
            <a className="btn btn-secondary" href={tkdUrl(month, { format: f, agency })} download>
              {t('reports.download', { format: f.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
