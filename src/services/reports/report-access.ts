import type { Actor } from '../../domain/case/roles.js';
import { DomainError } from '../../domain/errors.js';

/**
 * Who sees which report rows: admins, monitors and auditors see every agency; an agency head sees their own
 * agency only (the figures that decide their own allowance, with every case behind them). The console (CLI)
 * acts with full access: it already holds the database.
 */
export type ReportScope = { readonly all: true } | { readonly all: false; readonly agencyIds: readonly string[] };

export const FULL_SCOPE: ReportScope = Object.freeze({ all: true });

const READ_ALL = new Set(['admin', 'monitor', 'auditor']);

export function reportScope(actor: Actor | null): ReportScope {
  if (actor?.kind === 'user' && READ_ALL.has(actor.role)) return FULL_SCOPE;
  if (actor?.kind === 'user' && actor.role === 'agency_head' && actor.agencyId) return { all: false, agencyIds: [actor.agencyId] };
  throw new DomainError('forbidden', 'Laporan kinerja hanya untuk admin, monitor, auditor dan kepala instansi', 'Performance reports are for admins, monitors, auditors and agency heads');
}

export function assertAgencyInScope(scope: ReportScope, agencyId: string): void {
  if (scope.all || scope.agencyIds.includes(agencyId)) return;
  throw new DomainError('forbidden', 'Hanya laporan instansi Anda sendiri', 'Only your own agency’s report');
}

/**
 * City-wide figures (per area, per channel, reach per 10,000 residents) cover every agency's cases, so they follow
 * the rule of /api/reports/performance by channel/area: admins, monitors and auditors only, never an agency head.
 */
export function assertCityWideScope(scope: ReportScope): void {
  if (scope.all) return;
  throw new DomainError(
    'forbidden',
    'Laporan per kanal/wilayah (se-kota) hanya untuk admin, monitor dan auditor',
    'City-wide reports (by channel or area) are for admins, monitors and auditors',
  );
}

export function inScope(scope: ReportScope, agencyId: string | null): boolean {
  return scope.all || (agencyId !== null && scope.agencyIds.includes(agencyId));
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function assertMonth(month: string | undefined): string {
  if (!month || !MONTH.test(month)) throw new DomainError('validation_failed', 'Bulan harus YYYY-MM', 'month must be YYYY-MM', [{ field: 'month', message: 'YYYY-MM' }]);
  return month;
}
