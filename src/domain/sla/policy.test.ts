import { describe, expect, it } from 'vitest';
import { JAKARTA_CATEGORIES } from '../catalog/jakarta-categories.js';
import { DEFAULT_SLA_POLICY_SETS, JAKARTA_SLA_POLICIES, LAPOR_SLA_POLICIES } from './default-policies.js';
import { type SlaPolicy, SlaConfigError, createPolicyResolver, selectPolicy, validatePolicies } from './policy.js';

const p = (id: string, match: SlaPolicy['match']): SlaPolicy => ({
  id,
  name: id,
  match,
  targets: { follow_up: { amount: 1, unit: 'working_days' } },
});
const POLICIES = [
  p('any', {}),
  p('kelurahan', { agencyLevel: 'kelurahan' }),
  p('urgent', { priority: 'urgent' }),
  p('urgent-kelurahan', { priority: 'urgent', agencyLevel: 'kelurahan' }),
  p('banjir', { category: 'banjir' }),
  p('banjir-again', { category: 'banjir' }),
];

describe('selectPolicy', () => {
  it.each([
    [{}, 'any'],
    [{ agencyLevel: 'kelurahan' }, 'kelurahan'],
    [{ priority: 'urgent', agencyLevel: 'dinas' }, 'urgent'],
    [{ priority: 'urgent', agencyLevel: 'kelurahan' }, 'urgent-kelurahan'],
    [{ category: 'banjir', priority: 'urgent', agencyLevel: 'kelurahan' }, 'banjir'],
  ])('picks the most specific match for %j → %s', (criteria, expected) => {
    expect(selectPolicy(POLICIES, criteria).id).toBe(expected);
  });

  it('throws when nothing matches', () => {
    expect(() => selectPolicy(POLICIES.slice(1), { agencyLevel: 'dinas' })).toThrow(SlaConfigError);
  });

  it('resolves per holding agency through its level', () => {
    const resolve = createPolicyResolver(POLICIES, { priority: 'urgent' }, (id) => (id.startsWith('kel-') ? 'kelurahan' : 'dinas'));
    expect([resolve('kel-menteng').id, resolve('dinas-sda').id, resolve(null).id]).toEqual([
      'urgent-kelurahan',
      'urgent',
      'urgent',
    ]);
  });
});

describe('validatePolicies', () => {
  it('accepts the shipped defaults', () => {
    expect(validatePolicies(JAKARTA_SLA_POLICIES)).toEqual([]);
    expect(validatePolicies(LAPOR_SLA_POLICIES)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const bad: SlaPolicy[] = [
      { id: 'x', name: 'x', match: { agencyLevel: 'kelurahan' }, targets: { follow_up: { amount: 1.5, unit: 'working_days' } } },
      { id: 'x', name: 'x', match: { priority: 'p' }, targets: { resolution: { amount: 0, unit: 'calendar_hours' } } },
    ];
    expect(validatePolicies(bad)).toEqual([
      'x.follow_up: working days must be whole',
      'duplicate policy id x',
      'x.resolution: amount must be > 0',
      'no catch-all policy (match {})',
    ]);
  });
});

describe('shipped defaults', () => {
  it('encode the documented Jakarta and LAPOR! deadlines', () => {
    const kel = selectPolicy(JAKARTA_SLA_POLICIES, { agencyLevel: 'kelurahan' });
    const dinas = selectPolicy(JAKARTA_SLA_POLICIES, { agencyLevel: 'dinas' });
    expect(kel.targets.follow_up).toEqual({ amount: 24, unit: 'calendar_hours' });
    expect(dinas.redFlag).toEqual({ target: 'follow_up', after: { amount: 6, unit: 'working_days' } });
    expect(dinas.targets.resolution).toEqual({ amount: 1440, unit: 'calendar_hours' });
    const lapor = LAPOR_SLA_POLICIES[0];
    expect([lapor.targets.verification, lapor.targets.follow_up, lapor.autoCloseAfterResolution]).toEqual([
      { amount: 3, unit: 'working_days' },
      { amount: 5, unit: 'working_days' },
      { amount: 10, unit: 'working_days' },
    ]);
  });
});

describe('shipped policy sets', () => {
  it('cover every sla_policy code the shipped categories name, and each set is valid', () => {
    for (const code of new Set(JAKARTA_CATEGORIES.map((c) => c.sla))) expect(Object.keys(DEFAULT_SLA_POLICY_SETS)).toContain(code);
    for (const [code, set] of Object.entries(DEFAULT_SLA_POLICY_SETS)) expect([code, validatePolicies(set)]).toEqual([code, []]);
  });

  it('give a case raised to darurat the emergency targets whatever its set and holder', () => {
    for (const set of Object.values(DEFAULT_SLA_POLICY_SETS)) {
      expect(selectPolicy(set, { priority: 'darurat', agencyLevel: 'kelurahan' }).targets.follow_up).toEqual({ amount: 6, unit: 'calendar_hours' });
    }
    expect(selectPolicy(DEFAULT_SLA_POLICY_SETS['jakarta-default'], { priority: 'normal', agencyLevel: 'kelurahan' }).id).toBe('jakarta-kelurahan');
    expect(selectPolicy(DEFAULT_SLA_POLICY_SETS['jakarta-default'], { priority: 'tinggi', agencyLevel: 'suku_dinas' }).id).toBe('jakarta-urgent@tinggi');
    expect(selectPolicy(DEFAULT_SLA_POLICY_SETS.lapor, { priority: 'normal', agencyLevel: 'dinas' }).id).toBe('lapor-sp4n');
  });
});
