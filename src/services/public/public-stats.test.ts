import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './public-stats.js';

const WIB = 420;

describe('resolvePeriod', () => {
  it('defaults to the twelve months up to today, in local days', () => {
    // 5 Aug 2025 02:00 WIB is still 4 Aug in UTC: the local day counts.
    const p = resolvePeriod({}, WIB, new Date('2025-08-04T19:00:00Z'));
    expect(p).toMatchObject({ from: '2024-09-01', to: '2025-08-05' });
    expect(p.range).toEqual({ from: '2024-08-31T17:00:00.000Z', to: '2025-08-05T17:00:00.000Z' });
  });

  it('starts the default year in January when the last day is in December', () => {
    expect(resolvePeriod({ to: '2025-12-10' }, WIB, new Date('2026-01-01T00:00:00Z'))).toMatchObject({ from: '2025-01-01', to: '2025-12-10' });
  });

  it('includes the last day and refuses reversed, too long or invalid periods', () => {
    expect(resolvePeriod({ from: '2025-07-01', to: '2025-07-01' }, WIB, new Date()).range).toEqual({ from: '2025-06-30T17:00:00.000Z', to: '2025-07-01T17:00:00.000Z' });
    for (const input of [{ from: '2025-07-02', to: '2025-07-01' }, { from: '2021-01-01', to: '2025-01-01' }, { from: '2025-02-30' }]) {
      expect(() => resolvePeriod(input, WIB, new Date('2025-08-01T00:00:00Z'))).toThrowError(expect.objectContaining({ code: 'validation_failed' }));
    }
  });
});
