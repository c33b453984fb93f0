import type { Catalog } from '../api/catalog.js';
import type { CaseDetail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { formatDateTime } from '../ui/format.js';
import { authorLabel } from './comments.js';

/** The audit events of the case, oldest first, with the status and agency changes each one made. */
export function Timeline({ kase, catalog }: { kase: CaseDetail; catalog: Catalog }) {
  const { t, label, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <ol className="timeline">
        {kase.timeline.map((e) => {
          const before = (e.before ?? {}) as Record<string, unknown>;
          const after = (e.after ?? {}) as Record<string, unknown>;
          const statusChanged = typeof after.status === 'string' && after.status !== before.status;
          const agencyChanged = typeof after.agency === 'string' && after.agency !== before.agency;
          return (
            <li key={e.seq}>
              <span className="timeline-time">{formatDateTime(lang, e.at)}</span>
              <span>
                <strong>{label('event', e.action.replace(/^case\./, ''))}</strong> · {authorLabel(e.actor, t)}
                {statusChanged ? (
                  <>
                    {' '}
                    — {before.status ? `${label('status', String(before.status))} → ` : ''}
                    {label('status', String(after.status))}
                  </>
                ) : null}
                {agencyChanged ? <> — {catalog.agencyName(String(after.agency))}</> : null}
                {typeof after.reason === 'string' && after.reason ? <span className="hint"> ({after.reason})</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
