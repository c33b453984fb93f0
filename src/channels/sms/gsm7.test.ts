import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectEncoding, gsm7Length, isGsm7, toGsmFriendly } from './gsm7.js';
import { segmentSms } from './sms-segment.js';

describe('GSM-7 detection', () => {
  it('recognises the basic set and counts the extension table as 2', () => {
    expect(isGsm7('Laporan JKT-2406-000123 diterima. Kode akses: 7Q4K-92XB @ £ é Δ')).toBe(true);
    expect(gsm7Length('abc')).toBe(3);
    expect(gsm7Length('€[]{}~^|\\')).toBe(18);
    expect(detectEncoding('Terima kasih 🙏')).toBe('ucs2');
    expect(detectEncoding('Laporan “selesai”')).toBe('ucs2');
    expect(detectEncoding('ç')).toBe('ucs2');
  });
  it('maps typographic characters to GSM-7 look-alikes', () => {
    expect(toGsmFriendly('Laporan “selesai” – terima kasih…')).toBe('Laporan "selesai" - terima kasih...');
    expect(isGsm7(toGsmFriendly('‘a’ — b'))).toBe(true);
    expect(toGsmFriendly('🙏')).toBe('🙏');
  });
});

describe('segmentSms', () => {
  it('keeps 160 GSM-7 characters in one SMS and splits 161 into 153 + 8', () => {
    expect(segmentSms('a'.repeat(160)).segments).toEqual(['a'.repeat(160)]);
    const s = segmentSms('a'.repeat(161));
    expect(s.segments.map((p) => p.length)).toEqual([153, 8]);
    expect(s).toMatchObject({ encoding: 'gsm7', units: 161, remaining: 145 });
  });

  it('counts extension characters as 2 and never splits an escape sequence', () => {
    expect(segmentSms('€'.repeat(80)).segments).toHaveLength(1);
    const s = segmentSms('a'.repeat(152) + '€' + 'b'.repeat(10));
    // 164 septets need two segments; 152 + 2 would be 154 > 153, so the euro sign moves whole to the next.
    expect(s.segments).toEqual(['a'.repeat(152), '€' + 'b'.repeat(10)]);
    expect(s.units).toBe(164);
  });

  it('uses 70/67 for UCS-2 and never splits a surrogate pair', () => {
    expect(segmentSms('é'.repeat(69) + 'ŋ').segments).toHaveLength(1);
    const s = segmentSms('ŋ'.repeat(71));
    expect(s.encoding).toBe('ucs2');
    expect(s.segments.map((p) => p.length)).toEqual([67, 4]);
    const emoji = segmentSms('x'.repeat(66) + '🙏' + 'y'.repeat(10));
    expect(emoji.segments[0]).toBe('x'.repeat(66));
    expect(emoji.segments[1].startsWith('🙏')).toBe(true);
  });

  it('rejoins to the original text and respects the limits for any input', () => {
    const alphabet = fc.constantFrom('a', ' ', '€', '{', 'é', 'ŋ', '🙏', '\n', 'Ä', '中');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }).map((a) => a.join('')), (text) => {
        const s = segmentSms(text);
        expect(s.segments.join('')).toBe(text);
        const limit = s.segments.length > 1 ? (s.encoding === 'gsm7' ? 153 : 67) : s.encoding === 'gsm7' ? 160 : 70;
        for (const seg of s.segments) {
          const units = s.encoding === 'gsm7' ? gsm7Length(seg) : seg.length;
          expect(units).toBeLessThanOrEqual(limit);
          expect(/[\ud800-\udbff]$/.test(seg)).toBe(false);
        }
      }),
    );
  });
});
