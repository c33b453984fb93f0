import { useState, type FormEvent } from 'react';
import type { Catalog } from '../api/catalog.js';
import { api, enc } from '../api/client.js';
import { PRIORITIES, type CaseDetail, type RoutingSuggestion } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { AreaPicker } from '../ui/area-picker.js';
import { CategorySelect } from '../ui/category-select.js';
import { Field } from '../ui/field.js';
import { failure, OutcomeNotice, success, type Outcome } from '../ui/notice.js';
import { useSession } from './session.js';

interface Form {
  category: string;
  area: string;
  priority: string;
  title: string;
  address: string;
}

const fromCase = (c: CaseDetail): Form => ({ category: c.category ?? '', area: c.area ?? '', priority: c.priority, title: c.title ?? '', address: c.address ?? '' });

/**
 * Structuring (mostly for non-geotagged channels): category, place, priority, title, address — sent as a
 * PATCH with only what changed, so the audit event names exactly the corrected fields.
 */
export function StructurePanel({ kase, catalog, routing, onChange }: { kase: CaseDetail; catalog: Catalog; routing: RoutingSuggestion | null; onChange(): void }) {
  const { t, label } = useI18n();
  const session = useSession();
  const [f, setF] = useState<Form>(() => fromCase(kase));
  const [seen, setSeen] = useState(kase);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  if (seen !== kase) {
    // The case was reloaded (saved here or changed by an action): start again from its new values.
    setSeen(kase);
    setF(fromCase(kase));
  }
  const patch = (p: Partial<Form>) => setF((x) => ({ ...x, ...p }));
  const before = fromCase(kase);
  const changes: Record<string, unknown> = {};
  if (f.category && f.category !== before.category) changes.category = f.category;
  if (f.area && f.area !== before.area) changes.area = f.area;
  if (f.priority !== before.priority) changes.priority = f.priority;
  if (f.title.trim() !== before.title) changes.title = f.title.trim() || null;
  if (f.address.trim() !== before.address) changes.address = f.address.trim() || null;
  const suggestions = (kase.triage?.suggestions ?? []).filter((s) => s.code !== f.category).slice(0, 3);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy || !Object.keys(changes).length) return;
    setBusy(true);
    try {
      await api(`/api/cases/${enc(kase.ticket)}`, { method: 'PATCH', json: changes });
      setResult(success('structure.saved'));
      onChange();
    } catch (err) {
      session.check(err);
      setResult(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="structure-heading">
      <h2 id="structure-heading">{t('structure.title')}</h2>
      <OutcomeNotice outcome={result} focus={result?.kind === 'error'} />
      <form onSubmit={save}>
        <Field label={t('case.category')}>
          <CategorySelect name="category" categories={catalog.categories} emptyLabel={t('common.notYet')} value={f.category} onChange={(e) => patch({ category: e.target.value })} />
        </Field>
        {suggestions.length ? (
          <p className="hint suggestions">
            {t('structure.suggested')}{' '}
            {suggestions.map((s) => (
              <button key={s.code} type="button" className="chip" onClick={() => patch({ category: s.code })}>
                {catalog.categoryName(s.code)} ({Math.round(s.confidence * 100)}%)
              </button>
            ))}
          </p>
        ) : null}
        <AreaPicker areas={catalog.areas} value={f.area} onChange={(area) => patch({ area })} legend={t('case.area')} />
        <div className="row-2">
          <Field label={t('case.priority')}>
            <select name="priority" value={f.priority} onChange={(e) => patch({ priority: e.target.value })}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {label('priority', p)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('case.titleField')}>
            <input type="text" name="title" value={f.title} maxLength={200} onChange={(e) => patch({ title: e.target.value })} />
          </Field>
        </div>
        <Field label={t('case.address')}>
          <input type="text" name="address" value={f.address} maxLength={500} onChange={(e) => patch({ address: e.target.value })} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy || !Object.keys(changes).length}>
          {t('structure.save')}
        </button>
      </form>
      <div className="routing" aria-live="polite">
        <h3>{t('routing.title')}</h3>
        {routing ? (
          routing.agency ? (
            <p data-testid="routing-suggestion">
              {t('routing.suggests')} <strong>{catalog.agencyName(routing.agency)}</strong>
            </p>
          ) : (
            <p className="hint">{routing.reason === 'no_category' ? t('routing.noCategory') : t('routing.noRule')}</p>
          )
        ) : (
          <p className="hint">–</p>
        )}
      </div>
    </section>
  );
}
