import { useId, useState } from 'react';
import type { Agency } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

const KIND_ORDER = ['dinas', 'badan', 'biro', 'inspektorat', 'bumd', 'suku_dinas', 'kota', 'kecamatan', 'kelurahan'];

/**
 * Over four hundred agencies: a filter box narrows a grouped list (by kind: dinas, suku dinas, kota,
 * kecamatan, kelurahan…). The suggested agency from the routing table is marked and preselected by callers.
 */
export function AgencyPicker({ agencies, value, onChange, suggested, label }: { agencies: Agency[]; value: string; onChange(id: string): void; suggested: string | null; label: string }) {
  const { t, label: labelOf } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = agencies.filter((a) => a.id === value || words.every((w) => `${a.name} ${a.id}`.toLowerCase().includes(w)));
  const kinds = [...new Set(shown.map((a) => a.kind))].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="field agency-picker">
      <label htmlFor={`${id}-filter`}>{t('agency.filter')}</label>
      <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('agency.filterPlaceholder')} />
      <label htmlFor={id}>
        {label}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      <select id={id} name="target_agency" value={value} required onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('agency.choose')}</option>
        {suggested && agencies.some((a) => a.id === suggested) ? (
          <optgroup label={t('agency.suggested')}>
            <option value={suggested}>{agencies.find((a) => a.id === suggested)!.name}</option>
          </optgroup>
        ) : null}
        {kinds.map((k) => (
          <optgroup key={k} label={labelOf('agencyKind', k)}>
            {shown
              .filter((a) => a.kind === k && a.id !== suggested)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}
