import { describe, expect, it } from 'vitest';
import { levelOfAreaCode, parentOfAreaCode, toCompactAreaCode, toDottedAreaCode } from './area-codes.js';

describe('Kemendagri area codes', () => {
  it('adds dots to compact codes of every length', () => {
    expect(toDottedAreaCode('3171011001')).toBe('31.71.01.1001');
    expect(toDottedAreaCode('317101')).toBe('31.71.01');
    expect(toDottedAreaCode('3171')).toBe('31.71');
    expect(toDottedAreaCode(' 31.71.01 ')).toBe('31.71.01');
  });

  it('refuses codes that are neither form', () => {
    expect(toDottedAreaCode('31710')).toBeNull();
    expect(toDottedAreaCode('31.7.01')).toBeNull();
    expect(toDottedAreaCode('abc')).toBeNull();
  });

  it('round-trips through the compact form', () => {
    for (const code of ['31', '31.71', '31.71.01', '31.71.01.1001']) {
      expect(toDottedAreaCode(toCompactAreaCode(code))).toBe(code);
    }
  });

  it('reads level and parent from a dotted code', () => {
    expect(levelOfAreaCode('31.71.01.1001')).toBe('kelurahan');
    expect(levelOfAreaCode('31.71.01')).toBe('kecamatan');
    expect(levelOfAreaCode('31.71')).toBe('kota');
    expect(levelOfAreaCode('31')).toBeNull();
    expect(parentOfAreaCode('31.71.01.1001')).toBe('31.71.01');
    expect(parentOfAreaCode('31.71.01')).toBe('31.71');
    expect(parentOfAreaCode('31.71')).toBeNull();
  });
});
