import { useState } from 'react';
import type { Area } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { AreaPicker } from '../ui/area-picker.js';
import { Field } from '../ui/field.js';
import type { ComplaintDraft } from './submit-complaint.js';

type Patch = (p: Partial<ComplaintDraft>) => void;

/** Where: kelurahan picker, an optional GPS point from the browser (no map), and a free-text address. */
export function LocationFields({ draft, patch, areas, errors }: { draft: ComplaintDraft; patch: Patch; areas: Area[]; errors: Partial<Record<string, string>> }) {
  const { t } = useI18n();
  const [geo, setGeo] = useState<{ busy: boolean; message: MessageKey | null; accuracy: number | null }>({ busy: false, message: null, accuracy: null });

  const locate = () => {
    // Browsers give a position only to secure pages (https or localhost).
    if (!window.isSecureContext || !('geolocation' in navigator)) return setGeo({ busy: false, message: 'geo.unavailable', accuracy: null });
    setGeo({ busy: true, message: null, accuracy: null });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        patch({ lat: Number(pos.coords.latitude.toFixed(6)), lng: Number(pos.coords.longitude.toFixed(6)) });
        setGeo({ busy: false, message: null, accuracy: Math.round(pos.coords.accuracy) });
      },
      (err) => setGeo({ busy: false, message: err.code === err.PERMISSION_DENIED ? 'geo.denied' : 'geo.failed', accuracy: null }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <section className="card" aria-labelledby="where-heading">
      <h2 id="where-heading">{t('form.where')}</h2>
      <AreaPicker areas={areas} value={draft.area} onChange={(area) => patch({ area })} legend={t('form.area')} hint={t('form.areaHint')} />
      <div className="geo">
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={geo.busy}>
          {geo.busy ? t('geo.locating') : t('geo.button')}
        </button>
        {draft.lat !== null && draft.lng !== null ? (
          <p className="geo-result" role="status">
            {t('geo.recorded', { lat: draft.lat, lng: draft.lng })}
            {geo.accuracy !== null ? ` ${t('geo.accuracy', { m: geo.accuracy })}` : ''}{' '}
            <button type="button" className="btn-link" onClick={() => patch({ lat: null, lng: null })}>
              {t('geo.clear')}
            </button>
          </p>
        ) : (
          <p className="hint">{t('geo.hint')}</p>
        )}
        {geo.message ? <p className="field-error" role="alert">{t(geo.message)}</p> : null}
      </div>
      <Field label={t('form.address')} hint={t('form.addressHint')} error={errors.address}>
        <input type="text" name="address" value={draft.address} maxLength={500} autoComplete="street-address" onChange={(e) => patch({ address: e.target.value })} />
      </Field>
    </section>
  );
}
