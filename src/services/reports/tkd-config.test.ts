import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_TKD_CONFIG, parseTkdConfig, tkdConfigJson } from './tkd-config.js';

const problemsOf = (json: string): string[] => {
  try {
    parseTkdConfig(json);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('validation_failed');
    return (err as DomainError).details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
  }
  throw new Error(`accepted: ${json}`);
};

describe('parseTkdConfig', () => {
  it('merges the rule over the defaults and normalizes the echelon scope', () => {
    const c = parseTkdConfig(JSON.stringify({ rule: { componentWeightPercent: 5, bands: [{ label: ' semua ', lossPercentOfComponent: 20, minScore: 0 }] }, eselonScope: [' iii ', 'I', 'III'] }));
    expect(c.rule).toEqual({ ...DEFAULT_TKD_CONFIG.rule, componentWeightPercent: 5, bands: [{ minScore: 0, lossPercentOfComponent: 20, label: 'semua' }] });
    expect(c.eselonScope).toEqual(['I', 'III']);
    expect(parseTkdConfig('{}')).toEqual(tkdConfigJson(DEFAULT_TKD_CONFIG));
    expect(parseTkdConfig(JSON.stringify({ eselonScope: [] })).eselonScope).toEqual([]);
  });

  it('round-trips what it presents', () => {
    const c = parseTkdConfig(JSON.stringify({ rule: { weights: { rating: 1, follow_up: 3 } }, eselonScope: ['II'] }));
    expect(Object.keys(tkdConfigJson(c).rule.weights)).toEqual(['follow_up', 'rating']);
    expect(parseTkdConfig(JSON.stringify(tkdConfigJson(c)))).toEqual(c);
  });

  it('lists every shape problem at once instead of scoring NaN or throwing a TypeError later', () => {
    expect(problemsOf('null')).toEqual(['Invalid input: expected object, received null']);
    expect(problemsOf(JSON.stringify({ rule: 'x', eselonScope: 'II' }))).toEqual(['rule: Invalid input: expected object, received string', 'eselonScope: Invalid input: expected array, received string']);
    expect(
      problemsOf(
        JSON.stringify({
          rules: {},
          rule: { componentWeightPercent: '10', weights: { follow_up: 0, resolve: 1 }, redFlagPenalty: { pointsPerFlag: -1 }, bands: 'baik', ratingScale: { min: 1, max: 5, step: 1 }, scoreWhenNoData: 101, extra: true },
          eselonScope: ['II.a', 2],
        }),
      ),
    ).toEqual([
      'rule.componentWeightPercent: Invalid input: expected number, received string',
      'rule.weights: Unrecognized key: "resolve"',
      'rule.weights: at least one weight must be > 0',
      'rule.redFlagPenalty.pointsPerFlag: Too small: expected number to be >=0',
      'rule.redFlagPenalty.maxPoints: Invalid input: expected number, received undefined',
      'rule.bands: Invalid input: expected array, received string',
      'rule.ratingScale: Unrecognized key: "step"',
      'rule.scoreWhenNoData: Too big: expected number to be <=100',
      'rule: Unrecognized key: "extra"',
      'eselonScope.0: not an echelon group (I, II, III, IV or V)',
      'eselonScope.1: Invalid input: expected string, received number',
      'Unrecognized key: "rules"',
    ]);
  });

  it('then applies the domain checks of the rule', () => {
    const bands = [
      { minScore: 60, lossPercentOfComponent: 0, label: 'baik' },
      { minScore: 80, lossPercentOfComponent: 150, label: 'x' },
    ];
    expect(problemsOf(JSON.stringify({ rule: { bands, ratingScale: { min: 5, max: 1 } } }))).toEqual([
      'rule: the last band must start at 0',
      'rule: bands must be listed from the highest minScore down',
      'rule: band loss must be 0–100',
      'rule: rating scale max must exceed min',
    ]);
  });
});
