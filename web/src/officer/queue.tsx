import { useEffect, useState } from 'react';
import { useCatalog } from '../api/catalog.js';
import { api } from '../api/client.js';
import { OPEN_STATUSES, type CasePage, type CaseSummary } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate } from '../router.js';
import { formatDateTime, isOverdue } from '../ui/format.js';
import { errorText, Notice, Spinner, StatusBadge } from '../ui/notice.js';
import { useTitle } from '../ui/use-title.js';
import { filtersFromSearch, filtersToSearch, QueueFilterForm } from './queue-filters.js';
import { useSession } from './session.js';

const PAGE = 25;

const withQuery = (path: string, q: URLSearchParams) => (q.toString() ? `${path}?${q}` : path);

/** `/petugas`: the case list with filters and cursor paging ("load more" keeps the order stable). */
export function QueuePage({ search }: { search: URLSearchParams }) {
  const i18n = useI18n();
  const { t, label, pick, lang } = i18n;
  useTitle(t('queue.title'));
  const session = useSession();
  const catalog = useCatalog({ agencies: true });
  const query = filtersToSearch(filtersFromSearch(search)).toString();
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });

  async function load(cursor: string | null) {
    setState({ loading: true, error: null });
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE));
    if (cursor) params.set('cursor', cursor);
    try {
      const page = await api<CasePage>(`/api/cases?${params}`);
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNext(page.next_cursor);
      setState({ loading: false, error: null });
    } catch (err) {
      session.check(err);
      setState({ loading: false, error: err });
    }
  }
  useEffect(() => {
    setItems([]);
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('queue.title')}</h1>
      </div>
      <QueueFilterForm key={query} initial={filtersFromSearch(search)} catalog={catalog} onApply={(f) => navigate(withQuery('/petugas', filtersToSearch(f)))} />
      {state.error ? <Notice kind="error">{errorText(state.error, i18n)}</Notice> : null}
      <p className="result-count" role="status">
        {state.loading && !items.length ? '' : t('queue.count', { n: items.length })}
        {next ? ` ${t('queue.more')}` : ''}
      </p>
      {items.length ? (
        <table className="queue">
          <thead>
            <tr>
              <th scope="col">{t('case.ticket')}</th>
              <th scope="col">{t('case.status')}</th>
              <th scope="col">{t('case.summary')}</th>
              <th scope="col">{t('case.category')}</th>
              <th scope="col">{t('case.area')}</th>
              <th scope="col">{t('case.agency')}</th>
              <th scope="col">{t('case.channel')}</th>
              <th scope="col">{t('case.received')}</th>
              <th scope="col">{t('case.due')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} className={c.priority !== 'normal' ? `priority-${c.priority}` : undefined}>
                <td data-label={t('case.ticket')}>
                  <Link to={`/petugas/kasus/${encodeURIComponent(c.ticket)}`} className="code">
                    {c.ticket}
                  </Link>
                  {c.priority !== 'normal' ? <span className={`badge priority-badge-${c.priority}`}>{label('priority', c.priority)}</span> : null}
                </td>
                <td data-label={t('case.status')}>
                  <StatusBadge status={c.status} label={c.status_label ? pick(c.status_label.id, c.status_label.en) : c.status} />
                </td>
                <td data-label={t('case.summary')} className="summary-cell">
                  {c.title ?? c.description.slice(0, 140)}
                </td>
                <td data-label={t('case.category')}>{catalog.categoryName(c.category) || <em>{t('common.notYet')}</em>}</td>
                <td data-label={t('case.area')}>{catalog.areaName(c.area) || <em>{t('common.notYet')}</em>}</td>
                <td data-label={t('case.agency')}>{catalog.agencyName(c.agency) || <em>{t('common.notYet')}</em>}</td>
                <td data-label={t('case.channel')}>{label('channel', c.channel)}</td>
                <td data-label={t('case.received')}>{formatDateTime(lang, c.received_at)}</td>
                <td data-label={t('case.due')}>
                  {formatDateTime(lang, c.due.resolution)}
                  {isOverdue(c.due.resolution, c.status, OPEN_STATUSES) ? <span className="badge overdue">{t('queue.late')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : !state.loading && !state.error ? (
        <p className="empty">{t('queue.empty')}</p>
      ) : null}
      {state.loading ? <Spinner label={t('common.loading')} /> : null}
      {next && !state.loading ? (
        <button type="button" className="btn btn-secondary" onClick={() => load(next)}>
          {t('queue.loadMore')}
        </button>
      ) : null}
    </>
  );
}
