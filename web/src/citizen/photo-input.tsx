import { useEffect, useId, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatBytes } from '../ui/format.js';
import { MAX_PHOTOS, PHOTO_TYPES } from './submit-complaint.js';

/** Photos as evidence: pick several (camera or gallery on a phone), see them, remove one. */
export function PhotoInput({ files, onChange, error }: { files: File[]; onChange(files: File[]): void; error?: string }) {
  const { t } = useI18n();
  const id = useId();
  const previews = useMemo(() => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [files]);
  useEffect(() => () => previews.forEach((u) => u && URL.revokeObjectURL(u)), [previews]);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('form.photos')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('form.photosHint', { max: MAX_PHOTOS })}
      </p>
      <input
        id={id}
        type="file"
        name="photos"
        accept={PHOTO_TYPES.join(',')}
        multiple
        disabled={files.length >= MAX_PHOTOS}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []);
          onChange([...files, ...picked].slice(0, MAX_PHOTOS));
          e.target.value = ''; // the same file can be picked again after removing it
        }}
      />
      {error ? <p className="field-error">{error}</p> : null}
      {files.length ? (
        <ul className="photo-list">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {previews[i] ? <img src={previews[i]!} alt="" /> : null}
              <span className="photo-name">
                {f.name} <small>({formatBytes(f.size)})</small>
              </span>
              <button type="button" className="btn-link" onClick={() => onChange(files.filter((_, j) => j !== i))} aria-label={t('form.photoRemove', { name: f.name })}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
