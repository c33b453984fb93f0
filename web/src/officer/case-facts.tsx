import type { Catalog } from '../api/catalog.js';
import { enc } from '../api/client.js';
import { OPEN_STATUSES, type CaseDetail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { formatBytes, formatDateTime, isOverdue } from '../ui/format.js';

/** What the case says and who reported it. Reporter identity is shown exactly as the API returns it. */
export function CaseFacts({ kase: c, catalog }: { kase: CaseDetail; catalog: Catalog }) {
  const { t, label, lang } = useI18n();
  const caseLink = (ticket: string) => (
    <Link to={`/petugas/kasus/${enc(ticket)}`} className="code">
      {ticket}
    </Link>
  );
  const images = c.attachments.filter((a) => a.content_type.startsWith('image/'));
  const others = c.attachments.filter((a) => !a.content_type.startsWith('image/'));
  const url = (id: number) => `/api/cases/${enc(c.ticket)}/attachments/${id}`;
  return (
    <>
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{c.title ?? t('case.report')}</h2>
        <p className="description">{c.description}</p>
        {c.flags.length ? (
          <p>
            {c.flags.map((f) => (
              <span key={f} className={`badge flag flag-${f}`}>
                {f}
              </span>
            ))}
          </p>
        ) : null}
        <dl className="facts">
          <dt>{t('case.category')}</dt>
          <dd>{catalog.categoryName(c.category) || <em>{t('common.notYet')}</em>}</dd>
          <dt>{t('case.area')}</dt>
          <dd>{catalog.areaPath(c.area) || <em>{t('common.notYet')}</em>}</dd>
          <dt>{t('case.address')}</dt>
          <dd>{c.address || '–'}</dd>
          <dt>{t('case.location')}</dt>
          <dd>{c.location ? `${c.location.lat}, ${c.location.lng}` : '–'}</dd>
          <dt>{t('case.agency')}</dt>
          <dd>{catalog.agencyName(c.agency) || <em>{t('common.notYet')}</em>}</dd>
          <dt>{t('case.channel')}</dt>
          <dd>
            {label('channel', c.channel)} · {label('reportType', c.report_type)} · {c.public ? t('case.public') : t('case.notPublic')}
          </dd>
          <dt>{t('case.received')}</dt>
          <dd>{formatDateTime(lang, c.received_at)}</dd>
          <dt>{t('case.dueResponse')}</dt>
          <dd>{formatDateTime(lang, c.due.response)}</dd>
          <dt>{t('case.due')}</dt>
          <dd>
            {formatDateTime(lang, c.due.resolution)}
            {isOverdue(c.due.resolution, c.status, OPEN_STATUSES) ? <span className="badge overdue">{t('queue.late')}</span> : null}
            {c.sla_paused_at ? <span className="badge">{t('case.paused')}</span> : null}
          </dd>
          {c.splitFrom ? (
            <>
              <dt>{t('case.splitFrom')}</dt>
              <dd data-testid="split-from">{caseLink(c.splitFrom)}</dd>
            </>
          ) : null}
          {c.splitInto?.length ? (
            <>
              <dt>{t('case.splitInto')}</dt>
              <dd data-testid="split-into">
                {c.splitInto.map((s, i) => (
                  <span key={s.ticket}>
                    {i ? ', ' : ''}
                    {caseLink(s.ticket)} <span className="hint">({label('status', s.status)})</span>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {c.support_count ? (
            <>
              <dt>{t('case.support')}</dt>
              <dd>{c.support_count}</dd>
            </>
          ) : null}
          {c.reject_reason ? (
            <>
              <dt>{t('case.rejected')}</dt>
              <dd>
                {label('reject', c.reject_reason)}
                {c.reject_note ? ` — ${c.reject_note}` : ''}
                {c.forwarded_to ? ` (${t('track.forwardedTo', { to: c.forwarded_to })})` : ''}
              </dd>
            </>
          ) : null}
          {c.rating ? (
            <>
              <dt>{t('case.rating')}</dt>
              <dd>
                {'★'.repeat(c.rating.score)}
                {'☆'.repeat(5 - c.rating.score)} {c.rating.comment ?? ''}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="reporters-heading">
        <h2 id="reporters-heading">{t('case.reporters')}</h2>
        <ul className="plain">
          {c.reporters.map((r, i) => (
            <li key={i} className="reporter">
              {r.anonymous ? <strong>{t('case.anonymous')}</strong> : <strong>{r.name ?? t('case.noName')}</strong>}
              {r.confidential ? <span className="badge">{t('case.confidential')}</span> : null}
              <span className="hint"> · {label('channel', r.channel)}</span>
              {r.contacts.length ? (
                <ul className="plain contacts">
                  {r.contacts.map((k) => (
                    <li key={k.kind + k.value}>
                      {k.kind}: {k.value}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {c.attachments.length ? (
        <section className="card" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t('case.attachments')}</h2>
          <ul className="thumbs">
            {images.map((a) => (
              <li key={a.id}>
                <a href={url(a.id)} target="_blank" rel="noopener">
                  <img src={url(a.id)} alt={t('case.photoAlt', { name: a.filename })} loading="lazy" />
                </a>
                <span className="hint">
                  {a.role === 'after' ? t('case.afterPhoto') : t('case.evidence')} · {formatBytes(a.size)}
                </span>
              </li>
            ))}
          </ul>
          {others.length ? (
            <ul className="plain">
              {others.map((a) => (
                <li key={a.id}>
                  <a href={url(a.id)} target="_blank" rel="noopener">
                    {a.filename}
                  </a>{' '}
                  <span className="hint">({formatBytes(a.size)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
