import { describe, expect, it } from 'vitest';
import { formatDateTime, parseDateTime, zoneOffsetMinutes } from './datetime.js';

describe('Open311 date-times', () => {
  it('formats stored UTC instants in Asia/Jakarta with the +07:00 offset, to the second', () => {
    expect(formatDateTime('2026-11-23T02:00:00.123Z', 'Asia/Jakarta')).toBe('2026-11-23T09:00:00+07:00');
    expect(formatDateTime('2026-11-30T20:30:00.000Z', 'Asia/Jakarta')).toBe('2026-12-01T03:30:00+07:00');
    expect(formatDateTime(null, 'Asia/Jakarta')).toBeNull();
    expect(formatDateTime('not a date', 'Asia/Jakarta')).toBeNull();
  });

  it('takes the offset from the zone at each instant (DST zones too)', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Asia/Jakarta')).toBe(420);
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'UTC')).toBe(0);
    expect(formatDateTime('2010-04-14T14:37:38Z', 'America/Los_Angeles')).toBe('2010-04-14T07:37:38-07:00');
    expect(formatDateTime('2010-01-14T14:37:38Z', 'America/Los_Angeles')).toBe('2010-01-14T06:37:38-08:00');
  });

  it('round-trips its own output', () => {
    const out = formatDateTime('2026-11-23T02:00:00.000Z', 'Asia/Jakarta')!;
    expect(parseDateTime(out, 'Asia/Jakarta')?.at.toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('parses dates, Z, offsets, offsets whose + became a space, and local times', () => {
    const p = (s: string) => parseDateTime(s, 'Asia/Jakarta');
    expect(p('2026-11-01')).toEqual({ at: new Date('2026-10-31T17:00:00Z'), dateOnly: true });
    expect(p('2026-11-01T10:00:00Z')?.at.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(p('2026-11-01T10:00:00-08:00')?.at.toISOString()).toBe('2026-11-01T18:00:00.000Z');
    expect(p('2026-11-01T10:00:00 07:00')?.at.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(p('2026-11-01T10:00:00+0700')?.at.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(p('2026-11-01T10:00')?.at.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(p('2026-11-01T10:00:00.5Z')?.at.toISOString()).toBe('2026-11-01T10:00:00.500Z');
  });

  it('refuses what is not a real date-time', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-01T24:00:00Z', '2026-11-01T10:61Z', 'yesterday', '', '2026-11-01T10:00:00+15:00', '1700000000']) {
      expect(parseDateTime(bad, 'Asia/Jakarta'), bad).toBeNull();
    }
  });
});
