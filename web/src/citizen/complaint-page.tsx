import { useState } from 'react';
import type { Receipt } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { useTitle } from '../ui/use-title.js';
import { rememberCode } from './code-memory.js';
import { ComplaintForm } from './complaint-form.js';
import { ReceiptView } from './receipt.js';

/** `/`: the complaint form, then the receipt in its place. */
export function ComplaintPage() {
  const { t } = useI18n();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  useTitle(receipt ? t('receipt.title') : t('form.title'));
  if (receipt) return <ReceiptView receipt={receipt} onNew={() => setReceipt(null)} />;
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{t('form.title')}</h1>
        <p>{t('form.intro')}</p>
      </div>
      <ComplaintForm
        onReceipt={(r) => {
          rememberCode(r.ticket, r.access_code);
          setReceipt(r);
        }}
      />
    </>
  );
}
