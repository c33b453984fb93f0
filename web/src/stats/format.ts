import type { Lang } from '../i18n/i18n.js';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

export function formatNumber(lang: Lang, n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(n);
}

/** A share 0..1 as a percentage ("87,5%"); a dash when there is nothing to divide. */
export function formatShare(lang: Lang, share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** "2025-03" → "Mar 2025" / "Mar 2025" (month names in the page's language). */
export function formatMonth(lang: Lang, month: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: style, year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2025-03" → "Mar" (the month's short name alone, for an axis). */
export function formatMonthName(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'short' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2025-03-07" → "7 Mar 2025". */
export function formatDay(lang: Lang, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Today in Jakarta as YYYY-MM-DD, whatever the device's zone. */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const isIsoDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);


/** An axis for whole counts: a step of 1, 2 or 5 × 10^n giving at most about five gridlines, and its top. */
export function countAxis(max: number): { top: number; step: number } {
  const rough = Math.max(1, max / 4);
  const p = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * p).find((s) => s >= rough) ?? 10 * p;
  return { top: Math.max(step, Math.ceil(max / step) * step), step };
}
