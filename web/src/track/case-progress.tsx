import { useCatalog } from '../api/catalog.js';
import { OPEN_STATUSES, type TrackView } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { formatDateTime } from '../ui/format.js';
import { StatusBadge } from '../ui/notice.js';

/** The public progress of a case: status, where it is, the officers' replies and the status history. */
export function CaseProgress({ view }: { view: TrackView }) {
  const { t, pick, lang, label } = useI18n();
  const catalog = useCatalog({ agencies: true });
  const statusLabel = (s: string, label: TrackView['status_label']) => (label ? pick(label.id, label.en) : s);
  return (
    <>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading" className="with-badge">
          {t('track.status')} <StatusBadge status={view.status} label={statusLabel(view.status, view.status_label)} />
        </h2>
        <p className="hint">{label('statusHelp', view.status)}</p>
        {view.description ? <p className="description">{view.description}</p> : <p className="hint">{t('track.private')}</p>}
        <dl className="facts">
          <dt>{t('case.category')}</dt>
          <dd>{catalog.categoryName(view.category) || t('common.notYet')}</dd>
          <dt>{t('case.area')}</dt>
          <dd>{catalog.areaPath(view.area) || t('common.notYet')}</dd>
          <dt>{t('case.agency')}</dt>
          <dd>{catalog.agencyName(view.agency) || t('common.notYet')}</dd>
          <dt>{t('case.received')}</dt>
          <dd>{formatDateTime(lang, view.created_at)}</dd>
          {OPEN_STATUSES.includes(view.status) ? (
            <>
              <dt>{t('case.due')}</dt>
              <dd>{formatDateTime(lang, view.due_at)}</dd>
            </>
          ) : null}
          {view.resolved_at ? (
            <>
              <dt>{t('case.resolved')}</dt>
              <dd>{formatDateTime(lang, view.resolved_at)}</dd>
            </>
          ) : null}
        </dl>
        {view.status === 'ditolak' ? (
          <div className="notice notice-info">
            <p>
              {t('track.rejected')} <strong>{label('reject', view.reject_reason ?? 'lainnya')}</strong>
            </p>
            {view.reject_note ? <p>{view.reject_note}</p> : null}
            {view.forwarded_to ? <p>{t('track.forwardedTo', { to: view.forwarded_to })}</p> : null}
          </div>
        ) : null}
        {view.status === 'digabung' ? (
          <p className="notice notice-info">
            {t('track.merged')}
            {view.merged_into_ticket ? (
              <>
                {' '}
                <a href={`/lacak/${encodeURIComponent(view.merged_into_ticket)}`}>{view.merged_into_ticket}</a>
              </>
            ) : null}
          </p>
        ) : null}
        {view.split_from_ticket ? (
          <p className="notice notice-info" data-testid="track-split-from">
            {t('track.splitFrom')} <a href={`/lacak/${encodeURIComponent(view.split_from_ticket)}`}>{view.split_from_ticket}</a>
          </p>
        ) : null}
        {view.split_into_tickets?.length ? (
          <p className="notice notice-info" data-testid="track-split-into">
            {t('track.splitInto')}{' '}
            {view.split_into_tickets.map((ticket, i) => (
              <span key={ticket}>
                {i > 0 ? ', ' : null}
                <a href={`/lacak/${encodeURIComponent(ticket)}`}>{ticket}</a>
              </span>
            ))}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t('track.replies')}</h2>
        {view.replies.length === 0 ? (
          <p className="hint">{t('track.noReplies')}</p>
        ) : (
          <ol className="messages">
            {view.replies.map((r, i) => (
              <li key={i} className={`message message-${r.from}`}>
                <p className="message-meta">
                  <strong>{r.from === 'pelapor' ? t('track.fromYou') : t('track.fromOfficer')}</strong> · {formatDateTime(lang, r.at)}
                </p>
                <p className="message-body">{r.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('track.history')}</h2>
        <ol className="timeline">
          {view.history.map((h, i) => {
            // The new status only when it says something the event's name does not ("Disposisi → Disposisi").
            const event = label('event', h.action);
            const status = h.status_label ? statusLabel(h.status ?? '', h.status_label) : '';
            const changed = status && h.status !== view.history[i - 1]?.status && status !== event;
            return (
              <li key={i}>
                <span className="timeline-time">{formatDateTime(lang, h.at)}</span>
                <span>
                  {event}
                  {changed ? <> → {status}</> : null}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
