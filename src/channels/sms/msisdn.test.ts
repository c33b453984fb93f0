import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeIndonesianMsisdn, tryNormalizeIndonesianMsisdn, mask } from './msisdn.js';
import { DomainError } from '../../domain/errors.js';

describe('normalizeIndonesianMsisdn', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['081234567890', '6281234567890'],
    ['62812 3456 7890', '6281234567890'],
    ['+62 812-3456-7890', '6281234567890'],
    ['+62 (0)812 3456 7890', '6281234567890'],
    ['0062 812 3456 7890', '6281234567890'],
    ['(0857) 1234.567', '628571234567'],
    ['8123456789', '628123456789'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIndonesianMsisdn(input)).toBe(expected);
  });

  it.each(['+1 415 555 0100', '021-3822255', '0812', '08123456789012345', 'JAKARTA', '', '1708', '+6221 3822255'])('rejects %s', (input) => {
    expect(() => normalizeIndonesianMsisdn(input)).toThrow(DomainError);
  });

  it('accepts fixed lines only when asked', () => {
    expect(tryNormalizeIndonesianMsisdn('021-3822255')).toBeUndefined();
    expect(normalizeIndonesianMsisdn('(021) 382 2255', { allowFixedLine: true })).toBe('62213822255');
  });

  it('is idempotent and agrees across the three written forms', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-9]\d{7,10}$/), (nsn) => {
        const a = normalizeIndonesianMsisdn(`0${nsn}`);
        expect(normalizeIndonesianMsisdn(`62${nsn}`)).toBe(a);
        expect(normalizeIndonesianMsisdn(`+62${nsn}`)).toBe(a);
        expect(normalizeIndonesianMsisdn(a)).toBe(a);
      }),
    );
  });

  it('masks numbers for logs', () => {
    expect(mask('6281234567890')).toBe('6281******890');
  });
});
