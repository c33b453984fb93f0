import { describe, expect, it } from 'vitest';
import type { Actor } from './roles.js';
import { decideSplit, MAX_SPLIT_PARTS, maySplit } from './split.js';

const officer: Actor = { kind: 'user', userId: 1, role: 'agency_officer', agencyId: 'dinas-bm' };
const part = { text: 'Lampu jalan mati di depan sekolah' };

describe('decideSplit', () => {
  it('lets case handlers split an open case', () => {
    for (const status of ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'] as const) {
      expect(() => decideSplit(status, officer, [part])).not.toThrow();
    }
  });

  it('refuses closed, rejected and merged cases', () => {
    for (const status of ['selesai', 'ditutup', 'ditolak', 'digabung'] as const) {
      expect(() => decideSplit(status, officer, [part])).toThrow(expect.objectContaining({ code: 'transition_not_allowed' }));
    }
  });

  it('refuses read-only roles, partners and citizens', () => {
    const others: Actor[] = [
      { kind: 'user', userId: 2, role: 'monitor' },
      { kind: 'user', userId: 3, role: 'auditor' },
      { kind: 'partner', apiKeyId: 1, partnerName: 'qlue' },
      { kind: 'citizen', reporterId: 1 },
    ];
    for (const actor of others) expect(() => decideSplit('proses', actor, [part])).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('names every invalid field', () => {
    const err = (() => {
      try {
        decideSplit('proses', officer, [{ text: ' ' }, { text: 'x', title: 'y'.repeat(201) }], 'z'.repeat(1001));
      } catch (e) {
        return e as { code: string; details: { field: string }[] };
      }
    })();
    expect(err?.code).toBe('validation_failed');
    expect(err?.details.map((d) => d.field)).toEqual(['parts.0.text', 'parts.1.title', 'reason']);
  });

  it('needs between one and the maximum number of parts', () => {
    expect(() => decideSplit('proses', officer, [])).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => decideSplit('proses', officer, Array(MAX_SPLIT_PARTS + 1).fill(part))).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => decideSplit('proses', officer, Array(MAX_SPLIT_PARTS).fill(part))).not.toThrow();
  });

  it('tells the UI who may split, with the same rules', () => {
    expect(maySplit('proses', officer)).toBe(true);
    expect(maySplit('selesai', officer)).toBe(false);
    expect(maySplit('proses', { kind: 'user', userId: 2, role: 'monitor' })).toBe(false);
    expect(maySplit('proses', { kind: 'citizen', reporterId: 1 })).toBe(false);
  });
});
