import { useCatalog } from '../api/catalog.js';
import { api, enc } from '../api/client.js';
import type { CaseDetail, RoutingSuggestion } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { errorText, Notice, Spinner, StatusBadge } from '../ui/notice.js';
import { useAsync } from '../ui/use-async.js';
import { useTitle } from '../ui/use-title.js';
import { ActionPanel } from './action-panel.js';
import { CaseFacts } from './case-facts.js';
import { Comments } from './comments.js';
import { useSession } from './session.js';
import { canSplit, SplitPanel } from './split-panel.js';
import { StructurePanel } from './structure-panel.js';
import { Timeline } from './timeline.js';

/** `/petugas/kasus/:ref`: one case — facts, structuring, workflow actions, comments and the timeline. */
export function CaseDetailPage({ caseRef }: { caseRef: string }) {
  const i18n = useI18n();
  const { t, pick, label } = i18n;
  useTitle(caseRef);
  const session = useSession();
  const catalog = useCatalog({ agencies: true });
  const detail = useAsync(async () => {
    try {
      return await api<CaseDetail>(`/api/cases/${enc(caseRef)}`);
    } catch (err) {
      session.check(err);
      throw err;
    }
  }, [caseRef]);
  const c = detail.data;
  const splittable = c ? canSplit(c) : false;
  // Asked again after every reload of the case (a new category or place changes the answer).
  const routing = useAsync(() => (c ? api<RoutingSuggestion>(`/api/cases/${enc(caseRef)}/routing`) : Promise.resolve(null)), [caseRef, c]);

  return (
    <>
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/petugas">← {t('queue.title')}</Link>
        </p>
        <h1 tabIndex={-1} className="with-badge">
          <span className="code">{caseRef}</span>
          {c ? <StatusBadge status={c.status} label={c.status_label ? pick(c.status_label.id, c.status_label.en) : c.status} /> : null}
          {c && c.priority !== 'normal' ? <span className={`badge priority-badge-${c.priority}`}>{label('priority', c.priority)}</span> : null}
        </h1>
      </div>
      {detail.loading && !c ? <Spinner label={t('common.loading')} /> : null}
      {detail.error ? <Notice kind="error">{errorText(detail.error, i18n)}</Notice> : null}
      {c ? (
        <nav className="jump-links" aria-label={t('detail.jump')}>
          <a href="#actions-heading">{t('action.title')}</a>
          <a href="#structure-heading">{t('structure.title')}</a>
          {splittable ? <a href="#split-heading">{t('split.title')}</a> : null}
          <a href="#comments-heading">{t('comments.title')}</a>
          <a href="#timeline-heading">{t('timeline.title')}</a>
        </nav>
      ) : null}
      {c ? (
        <div className="detail-grid">
          <div className="detail-main">
            <CaseFacts kase={c} catalog={catalog} />
            <Comments caseRef={caseRef} comments={c.comments} onChange={detail.reload} />
            <Timeline kase={c} catalog={catalog} />
          </div>
          <div className="detail-side">
            <ActionPanel kase={c} catalog={catalog} suggestedAgency={routing.data?.agency ?? null} onChange={detail.reload} />
            <StructurePanel kase={c} catalog={catalog} routing={routing.data ?? null} onChange={detail.reload} />
            {/* Keyed by ticket: following a link to a new case starts a fresh panel there. */}
            {splittable ? <SplitPanel key={c.ticket} kase={c} catalog={catalog} onChange={detail.reload} /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
