import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { errorText, Notice, Spinner } from '../../ui/notice.js';
import type { AsyncState } from '../../ui/use-async.js';

/**
 * Loading, failure (with a retry) or the 403 a role without report access gets; renders nothing once the
 * data is there, so callers show their content below it.
 */
export function ReportState({ state }: { state: Pick<AsyncState<unknown>, 'loading' | 'error' | 'data' | 'reload'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (state.error instanceof ApiError && state.error.status === 403)
    return (
      <Notice kind="warning" focus>
        <p>
          <strong>{t('reports.forbidden')}</strong>
        </p>
        <p>{errorText(state.error, i18n)}</p>
      </Notice>
    );
  if (state.error)
    return (
      <Notice kind="error" focus>
        <p>{errorText(state.error, i18n)}</p>
        <button type="button" className="btn btn-secondary" onClick={state.reload} disabled={state.loading}>
          {t('reports.retry')}
        </button>
      </Notice>
    );
  if (state.loading) return <Spinner label={t('common.loading')} />;
  return null;
}
