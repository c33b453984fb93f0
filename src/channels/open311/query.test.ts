import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { readRequestQuery, readUpdatesQuery } from './query.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TZ = 'Asia/Jakarta';
const q = (params: Record<string, string | string[]>) => readRequestQuery(params, NOW, TZ);

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).details.map((d) => d.field ?? '');
  }
  throw new Error('expected a validation error');
}

describe('Open311 GET /requests query', () => {
  it('defaults to the last 90 days, 1000 per page, no extensions', () => {
    const r = q({});
    expect(r.window).toEqual({ from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW });
    expect(r).toMatchObject({ page: 1, pageSize: 1000, extensions: false });
  });

  it('reads comma lists, repeated parameters and statuses', () => {
    const r = q({ service_code: 'sampah,jalan-rusak', status: ['open', 'Closed'], extensions: 'true', page: '2', page_size: '50' });
    expect(r).toMatchObject({ serviceCodes: ['sampah', 'jalan-rusak'], statuses: ['open', 'closed'], extensions: true, page: 2, pageSize: 50 });
  });

  it('lets service_request_id override every other filter (even invalid dates)', () => {
    const r = q({ service_request_id: 'jkt-2611-000001, JKT-2611-000002', start_date: 'garbage', status: 'weird' });
    expect(r.ids).toEqual(['JKT-2611-000001', 'JKT-2611-000002']);
    expect(r.window).toBeUndefined();
    expect(r.statuses).toBeUndefined();
  });

  it('takes both bounds, one bound (the other 90 days away), and a bare end date as the whole day', () => {
    expect(q({ start_date: '2026-09-01T00:00:00+07:00', end_date: '2026-11-01' }).window).toEqual({ from: new Date('2026-08-31T17:00:00Z'), to: new Date('2026-11-01T16:59:59.999Z') });
    expect(q({ start_date: '2026-09-01T00:00:00Z' }).window?.to).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(q({ end_date: '2026-11-30T00:00:00Z' }).window?.from).toEqual(new Date('2026-09-01T00:00:00Z'));
    // exactly 90 days is allowed
    expect(q({ start_date: '2026-08-01T00:00:00Z', end_date: '2026-10-30T00:00:00Z' }).window).toBeDefined();
  });

  it('refuses spans over 90 days, reversed spans, bad dates, statuses and paging, all at once', () => {
    expect(fields(() => q({ start_date: '2026-01-01', end_date: '2026-06-01' }))).toEqual(['end_date']);
    expect(fields(() => q({ start_date: '2026-08-01T00:00:00Z', end_date: '2026-10-30T00:00:01Z' }))).toEqual(['end_date']);
    expect(fields(() => q({ start_date: '2026-11-02', end_date: '2026-11-01' }))).toEqual(['end_date']);
    expect(fields(() => q({ start_date: 'last week', end_date: '2026-02-30', status: 'pending', page: '0', page_size: '1001', extensions: 'yes' }))).toEqual([
      'page', 'page_size', 'extensions', 'status', 'start_date', 'end_date',
    ]);
  });
});

describe('Open311 GET /servicerequestupdates query', () => {
  it('uses the same window rules, and ids drop the window', () => {
    expect(readUpdatesQuery({}, NOW, TZ).window?.to).toEqual(NOW);
    expect(readUpdatesQuery({ service_request_id: 'JKT-1' }, NOW, TZ).window).toBeUndefined();
    expect(fields(() => readUpdatesQuery({ start_date: '2026-01-01', end_date: '2026-12-01' }, NOW, TZ))).toEqual(['end_date']);
  });
});
