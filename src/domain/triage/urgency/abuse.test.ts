import { describe, expect, it } from 'vitest';
import { detectAbuse } from './abuse.js';
import { messageWords, squeeze } from './message-words.js';

describe('detectAbuse', () => {
  it.each([
    ['Dasar pejabat goblok, kerja gak becus', 'goblok', 'strong'],
    ['B4NGS4T lurahnya ga pernah datang', 'bangsat', 'strong'],
    ['b*ngsat', 'bangsat', 'strong'],
    ['anj*ng', 'anjing', 'strong'],
    ['petugasnya anjing semua', 'anjing', 'contextual'],
    ['kalian kayak babi', 'babi', 'contextual'],
    ['anjiiiing lo min', 'anjing', 'contextual'],
    ['a.n.j.i.n.g lu', 'anjing', 'contextual'],
    ['kurang ajar kamu', 'kurang ajar', 'contextual'],
    ['Tolol banget pemprov', 'tolol', 'strong'],
  ])('flags "%s" (%s)', (text, term, severity) => {
    const result = detectAbuse(text);
    expect(result.abusive).toBe(true);
    expect(result.matches).toContainEqual(expect.objectContaining({ term, severity }));
    for (const m of result.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    'Anjing liar menggigit anak saya di taman',
    'Peternakan babi di belakang rumah bau sekali',
    'Banyak tahi kucing di taman bermain',
    'lapor min, sampah menumpuk',
    'Petugas sampah tidak datang seminggu',
    'min, anjing liar banyak berkeliaran',
    'Datanya tidak cocok dengan KTP',
    'Mohon dicocokkan datanya',
  ])('leaves "%s" alone', (text) => {
    expect(detectAbuse(text)).toEqual({ abusive: false, matches: [] });
  });
});

describe('message words', () => {
  it('undoes leetspeak inside words but keeps numbers, and joins spelled-out letters', () => {
    expect(messageWords('4nj1ng RT 05 a n j i n g').map((w) => w.text)).toEqual(['anjing', 'rt', '05', 'anjing']);
  });

  it('marks clause breaks', () => {
    expect(messageWords('tidak surut, banjir besar').map((w) => w.clauseStart)).toEqual([true, false, true, false]);
  });

  it('squeezes letters repeated for emphasis', () => {
    expect(squeeze('gooblokkk')).toBe('goblok');
  });
});
