import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_LADDER, DEFAULT_SLA_POLICY_SETS } from '../../domain/sla/index.js';
import { effectiveHolidays, utcOffsetOf } from '../calendar/effective-holidays.js';
import { SlaConfigInvalid, parseLadder, parsePolicySets } from './sla-runtime.js';

describe('stored SLA configuration', () => {
  it('accepts the shipped sets and ladder as JSON', () => {
    expect(Object.keys(parsePolicySets(JSON.stringify(DEFAULT_SLA_POLICY_SETS)))).toEqual(['jakarta-default', 'jakarta-urgent', 'lapor', 'emergency']);
    expect(parseLadder(JSON.stringify(DEFAULT_ESCALATION_LADDER))).toHaveLength(3);
  });

  it('lists every problem of a bad configuration at once', () => {
    const sets = { lapor: [{ id: 'x', name: 'x', match: { priority: 'p' }, targets: { follow_up: { amount: 0, unit: 'working_days' } } }] };
    expect(() => parsePolicySets(JSON.stringify(sets))).toThrow(SlaConfigInvalid);
    try {
      parsePolicySets(JSON.stringify(sets));
    } catch (err) {
      expect((err as Error).message.split('\n').slice(1)).toEqual([
        '  - lapor: x.follow_up: amount must be > 0',
        '  - lapor: no catch-all policy (match {})',
        '  - the set jakarta-default is required (cases without a category use it)',
      ]);
    }
    expect(() => parseLadder(JSON.stringify([{ atFractionOfTarget: 0, notify: 'boss' }, { onRedFlag: true, notify: ['monitor'] }]))).toThrow(
      /step 1: notify one or more of assignee, supervisor, agency_head, monitor\n {2}- step 1: needs atFractionOfTarget > 0/,
    );
  });
});

describe('effective holidays', () => {
  const entry = (date: string, name = date) => ({ date, type: 'libur_nasional' as const, name, status: 'official' as const });
  it('replaces an imported year wholly and keeps the other years', () => {
    const shipped = [entry('2026-01-01'), entry('2026-03-20', 'predicted'), entry('2027-01-01')];
    expect(effectiveHolidays(shipped, [entry('2026-03-21', 'decree'), entry('2026-01-01')]).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 2026-01-01',
      '2026-03-21 decree',
      '2027-01-01 2027-01-01',
    ]);
  });

  it('reads the UTC offset of Indonesian zones', () => {
    expect([utcOffsetOf('Asia/Jakarta'), utcOffsetOf('Asia/Makassar'), utcOffsetOf('Asia/Jayapura')]).toEqual([420, 480, 540]);
  });
});
