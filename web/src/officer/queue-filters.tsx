import { useState, type FormEvent } from 'react';
import type { Catalog } from '../api/catalog.js';
import { CHANNELS, OPEN_STATUSES, STATUSES } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { AreaPicker } from '../ui/area-picker.js';
import { CategorySelect } from '../ui/category-select.js';
import { Field, Toggle } from '../ui/field.js';

/** The queue's filters; they live in the URL (`/petugas?status=menunggu&q=…`) so a view can be bookmarked. */
export interface QueueFilters {
  status: string;
  category: string;
  area: string;
  channel: string;
  overdue: boolean;
  q: string;
}

export const OPEN = OPEN_STATUSES.join(',');

export function filtersFromSearch(s: URLSearchParams): QueueFilters {
  return { status: s.get('status') ?? '', category: s.get('category') ?? '', area: s.get('area') ?? '', channel: s.get('channel') ?? '', overdue: s.get('overdue') === 'true', q: s.get('q') ?? '' };
}

export function filtersToSearch(f: QueueFilters): URLSearchParams {
  const s = new URLSearchParams();
  if (f.status) s.set('status', f.status);
  if (f.category) s.set('category', f.category);
  if (f.area) s.set('area', f.area);
  if (f.channel) s.set('channel', f.channel);
  if (f.overdue) s.set('overdue', 'true');
  if (f.q.trim()) s.set('q', f.q.trim());
  return s;
}

export function QueueFilterForm({ initial, catalog, onApply }: { initial: QueueFilters; catalog: Catalog; onApply(f: QueueFilters): void }) {
  const { t, label } = useI18n();
  const [f, setF] = useState(initial);
  const patch = (p: Partial<QueueFilters>) => setF((x) => ({ ...x, ...p }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  const empty: QueueFilters = { status: '', category: '', area: '', channel: '', overdue: false, q: '' };
  return (
    <form className="card filters" onSubmit={apply} role="search" aria-label={t('queue.filters')}>
      <div className="row-3">
        <Field label={t('queue.search')} hint={t('queue.searchHint')}>
          <input type="search" name="q" value={f.q} maxLength={200} onChange={(e) => patch({ q: e.target.value })} />
        </Field>
        <Field label={t('case.status')}>
          <select name="status" value={f.status} onChange={(e) => patch({ status: e.target.value })}>
            <option value="">{t('queue.allStatuses')}</option>
            <option value={OPEN}>{t('queue.openStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('status', s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('case.channel')}>
          <select name="channel" value={f.channel} onChange={(e) => patch({ channel: e.target.value })}>
            <option value="">{t('queue.allChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label('channel', c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row-2">
        <Field label={t('case.category')}>
          <CategorySelect name="category" categories={catalog.categories} emptyLabel={t('queue.allCategories')} value={f.category} onChange={(e) => patch({ category: e.target.value })} />
        </Field>
        <Toggle name="overdue" label={t('queue.overdue')} hint={t('queue.overdueHint')} checked={f.overdue} onChange={(overdue) => patch({ overdue })} />
      </div>
      <AreaPicker areas={catalog.areas} value={f.area} onChange={(area) => patch({ area })} legend={t('case.area')} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('queue.apply')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setF(empty);
            onApply(empty);
          }}
        >
          {t('queue.reset')}
        </button>
      </div>
    </form>
  );
}
