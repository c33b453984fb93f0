import type { Lang } from '../i18n/i18n.js';

/** Times are shown in Jakarta time whatever the device's zone (a walk-in desk laptop may be set to UTC). */
export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' }).format(d);
  return `${text} WIB`;
}

/** Kemendagri names come in capitals ("KOTA ADMINISTRASI JAKARTA PUSAT"); shown in title case. */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-/(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function isOverdue(due: string | null | undefined, status: string, openStatuses: readonly string[], now = Date.now()): boolean {
  return !!due && openStatuses.includes(status) && new Date(due).getTime() < now;
}
