import { useEffect, useRef } from 'react';
import type { Receipt } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { Notice } from '../ui/notice.js';

/** What the citizen must keep: the ticket, the access code, the tracking link — and 112 when it is urgent. */
export function ReceiptView({ receipt, onNew }: { receipt: Receipt; onNew(): void }) {
  const { t, pick } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const trackPath = `/lacak/${encodeURIComponent(receipt.ticket)}`;
  return (
    <section className="receipt card" aria-labelledby="receipt-heading">
      <h1 id="receipt-heading" ref={heading} tabIndex={-1}>
        {receipt.created ? t('receipt.title') : t('receipt.titleRepeat')}
      </h1>
      {receipt.emergency ? (
        <Notice kind="warning">
          <p className="emergency">{t('receipt.emergency')}</p>
          <a className="btn btn-danger" href="tel:112">
            {t('receipt.call112')}
          </a>
        </Notice>
      ) : null}
      <p>{pick(receipt.message, receipt.message_en)}</p>
      <dl className="receipt-codes">
        <div>
          <dt>{t('receipt.ticket')}</dt>
          <dd className="code" data-testid="receipt-ticket">
            {receipt.ticket}
          </dd>
        </div>
        <div>
          <dt>{t('receipt.code')}</dt>
          <dd className="code" data-testid="receipt-code">
            {receipt.access_code}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('receipt.keepCode')}</p>
      <p>
        {t('receipt.trackAt')}{' '}
        <Link to={trackPath} className="tracking-link">
          {window.location.origin}
          {trackPath}
        </Link>
      </p>
      <div className="form-actions no-print">
        <Link to={trackPath} className="btn btn-primary">
          {t('receipt.track')}
        </Link>
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onNew}>
          {t('receipt.new')}
        </button>
      </div>
    </section>
  );
}
