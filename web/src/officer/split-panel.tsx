import { useRef, useState, type FormEvent } from 'react';
import type { Catalog } from '../api/catalog.js';
import { api, enc } from '../api/client.js';
import type { CaseDetail, SplitPart, SplitResult } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../router.js';
import { AreaPicker } from '../ui/area-picker.js';
import { CategorySelect } from '../ui/category-select.js';
import { Field } from '../ui/field.js';
import { failure, OutcomeNotice, success, type Outcome } from '../ui/notice.js';
import { useSession } from './session.js';

/** The API takes 1..10 parts per split. */
export const MAX_PARTS = 10;
/** The server says whether this user may split this case now (open, and a role that handles cases). */
export const canSplit = (kase: CaseDetail): boolean => kase.can_split === true;

interface PartForm {
  /** A stable React key, so removing a part in the middle does not shift the others' inputs. */
  key: number;
  text: string;
  category: string;
  area: string;
  title: string;
  address: string;
}

/** What the API gets: blanks left out, so it applies its own defaults (the parent's area). */
function toPart(p: PartForm): SplitPart {
  const part: SplitPart = { text: p.text.trim() };
  if (p.category) part.category = p.category;
  if (p.area) part.area = p.area;
  if (p.title.trim()) part.title = p.title.trim();
  if (p.address.trim()) part.address = p.address.trim();
  return part;
}

/**
 * "Split report": a citizen's message that raises several problems becomes one case per problem. Each part
 * the officer adds becomes a new case with its own ticket, category and place (routed to its own agency);
 * this case keeps its own problem.
 */
export function SplitPanel({ kase, catalog, onChange }: { kase: CaseDetail; catalog: Catalog; onChange(): void }) {
  const { t, label } = useI18n();
  const session = useSession();
  const nextKey = useRef(0);
  const blank = (): PartForm => ({ key: nextKey.current++, text: '', category: '', area: kase.area ?? '', title: '', address: '' });
  const [open, setOpen] = useState(false);
  const [parts, setParts] = useState<PartForm[]>([]);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<number[]>([]);
  const [result, setResult] = useState<Outcome | null>(null);
  const [created, setCreated] = useState<SplitResult['created']>([]);
  const [busy, setBusy] = useState(false);
  // State updates land after a render: a second click in the same tick must see the first one at once.
  const sending = useRef(false);

  const put = (key: number, p: Partial<PartForm>) => {
    setParts((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x)));
    // A part's "required" error goes once its text is written, not only at the next submit.
    if (p.text?.trim()) setMissing((m) => m.filter((k) => k !== key));
  };
  const start = () => {
    setOpen(true);
    setParts([blank()]);
    setReason('');
    setMissing([]);
    setResult(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (sending.current) return;
    const miss = parts.filter((p) => !p.text.trim()).map((p) => p.key);
    setMissing(miss);
    if (miss.length || !parts.length) return;
    sending.current = true;
    setBusy(true);
    try {
      const body: { parts: SplitPart[]; reason?: string } = { parts: parts.map(toPart) };
      if (reason.trim()) body.reason = reason.trim();
      const res = await api<SplitResult>(`/api/cases/${enc(kase.ticket)}/split`, { method: 'POST', json: body });
      setCreated(res.created);
      setResult(success('split.done', { count: res.created.length }));
      setOpen(false);
      setParts([]);
      onChange();
    } catch (err) {
      session.check(err);
      setResult(failure(err));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <section className="card split-card" aria-labelledby="split-heading">
      <h2 id="split-heading">{t('split.title')}</h2>
      <OutcomeNotice outcome={result} focus={result?.kind === 'error'} />
      {created.length ? (
        <div className="split-created">
          <p>{t('split.created')}</p>
          <ul className="plain" data-testid="split-created">
            {created.map((c) => (
              <li key={c.id}>
                <Link to={`/petugas/kasus/${enc(c.ticket)}`} className="code">
                  {c.ticket}
                </Link>{' '}
                <span className="hint">
                  · {label('status', c.status)}
                  {c.category ? ` · ${catalog.categoryName(c.category)}` : ''}
                  {c.agency ? ` · ${catalog.agencyName(c.agency)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="hint">{t('split.intro')}</p>
      {!open ? (
        <button type="button" className="btn btn-secondary" onClick={start}>
          {t('split.start')}
        </button>
      ) : (
        <form className="split-form" onSubmit={submit} noValidate aria-label={t('split.title')}>
          {parts.map((p, i) => (
            <fieldset key={p.key} className="split-part">
              <legend>{t('split.part', { n: i + 1 })}</legend>
              <Field label={t('split.text')} hint={t('split.textHint')} error={missing.includes(p.key) ? t('action.required') : null} required>
                <textarea name={`part-${i}-text`} rows={3} maxLength={20000} value={p.text} onChange={(e) => put(p.key, { text: e.target.value })} />
              </Field>
              <Field label={t('case.category')}>
                <CategorySelect name={`part-${i}-category`} categories={catalog.categories} emptyLabel={t('common.notYet')} value={p.category} onChange={(e) => put(p.key, { category: e.target.value })} />
              </Field>
              <AreaPicker areas={catalog.areas} value={p.area} onChange={(area) => put(p.key, { area })} legend={t('case.area')} hint={kase.area ? t('split.areaHint') : undefined} />
              <Field label={t('split.titleField')}>
                <input type="text" name={`part-${i}-title`} value={p.title} maxLength={200} onChange={(e) => put(p.key, { title: e.target.value })} />
              </Field>
              <Field label={t('split.address')}>
                <input type="text" name={`part-${i}-address`} value={p.address} maxLength={500} onChange={(e) => put(p.key, { address: e.target.value })} />
              </Field>
              {parts.length > 1 ? (
                <button type="button" className="btn-link" aria-label={t('split.removePart', { n: i + 1 })} onClick={() => setParts((xs) => xs.filter((x) => x.key !== p.key))}>
                  {t('common.remove')}
                </button>
              ) : null}
            </fieldset>
          ))}
          <p>
            {parts.length < MAX_PARTS ? (
              <button type="button" className="btn btn-secondary" onClick={() => setParts((xs) => [...xs, blank()])}>
                {t('split.addPart')}
              </button>
            ) : (
              <span className="hint">{t('split.max', { max: MAX_PARTS })}</span>
            )}
          </p>
          <Field label={t('split.reason')} hint={t('action.internalHint')}>
            <textarea name="split-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.sending') : t('split.submit', { count: parts.length })}
            </button>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
