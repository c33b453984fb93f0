import { useId } from 'react';
import type { Area } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { titleCase } from './format.js';

/**
 * Kota → kecamatan → kelurahan as three dependent selects. The value is the most precise code chosen
 * ('31.71', '31.71.01' or '31.71.01.1001'), which the API accepts at any of the three levels.
 */
export function AreaPicker({ areas, value, onChange, legend, hint }: { areas: Area[]; value: string; onChange(code: string): void; legend: string; hint?: string }) {
  const { t } = useI18n();
  const id = useId();
  const kota = value.slice(0, 5);
  const kecamatan = value.length >= 8 ? value.slice(0, 8) : '';
  const kelurahan = value.length === 13 ? value : '';
  const children = (parent: string) => areas.filter((a) => a.parent === parent).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const kotas = areas.filter((a) => a.level === 'kota');
  const option = (a: Area) => (
    <option key={a.code} value={a.code}>
      {titleCase(a.name)}
    </option>
  );
  return (
    <fieldset className="area-picker">
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="row-3">
        <div className="field">
          <label htmlFor={`${id}-kota`}>{t('area.kota')}</label>
          <select id={`${id}-kota`} value={kota} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('area.choose')}</option>
            {kotas.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kec`}>{t('area.kecamatan')}</label>
          <select id={`${id}-kec`} value={kecamatan} disabled={!kota} onChange={(e) => onChange(e.target.value || kota)}>
            <option value="">{t('area.choose')}</option>
            {kota ? children(kota).map(option) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kel`}>{t('area.kelurahan')}</label>
          <select id={`${id}-kel`} value={kelurahan} disabled={!kecamatan} onChange={(e) => onChange(e.target.value || kecamatan)}>
            <option value="">{t('area.choose')}</option>
            {kecamatan ? children(kecamatan).map(option) : null}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
