import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useI18n, type I18n, type LabelGroup, type MessageKey, type Vars } from '../i18n/i18n.js';

/** The text to show for any failure: the API's own message in the current language, else a generic one. */
export function errorText(err: unknown, i18n: Pick<I18n, 't' | 'pick'>): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return i18n.t('error.network');
    if (err.messageId || err.messageEn) return i18n.pick(err.messageId, err.messageEn);
    if (err.status === 404) return i18n.t('error.notFound');
  }
  return i18n.t('error.generic');
}

/**
 * An error or success message. Errors use role=alert and take the focus when they appear, so keyboard and
 * screen-reader users land on what went wrong.
 */
export function Notice({ kind, children, focus = false }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
    // Only when it appears: callers give a new key for a new message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div ref={ref} className={`notice notice-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'} tabIndex={focus ? -1 : undefined}>
      {children}
    </div>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge status-${status}`}>{label}</span>;
}

export function Spinner({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/**
 * The outcome of an action, kept as a key (or the error itself) rather than as text, so it follows a
 * language switch. `at` makes each new outcome a new element that takes the focus.
 */
export interface Outcome {
  kind: 'success' | 'error';
  at: number;
  key?: MessageKey;
  vars?: Vars;
  /** Values named from a vocabulary (`{ action: ['actionName', 'dispatch'] }`), named in the current language. */
  labels?: Record<string, [LabelGroup, string]>;
  error?: unknown;
}

export const success = (key: MessageKey, vars?: Vars, labels?: Outcome['labels']): Outcome => ({ kind: 'success', at: Date.now(), key, vars, labels });
export const failure = (error: unknown): Outcome => ({ kind: 'error', at: Date.now(), error });

export function OutcomeNotice({ outcome, focus = true }: { outcome: Outcome | null; focus?: boolean }) {
  const i18n = useI18n();
  if (!outcome) return null;
  return (
    <Notice kind={outcome.kind} focus={focus} key={outcome.at}>
      {outcome.key ? i18n.t(outcome.key, { ...outcome.vars, ...labelVars(outcome, i18n) }) : errorText(outcome.error, i18n)}
    </Notice>
  );
}

function labelVars(o: Outcome, i18n: I18n): Vars {
  return Object.fromEntries(Object.entries(o.labels ?? {}).map(([k, [group, value]]) => [k, i18n.label(group, value)]));
}
