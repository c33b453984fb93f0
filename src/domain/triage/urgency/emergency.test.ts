import { describe, expect, it } from 'vitest';
import { detectEmergency } from './emergency.js';
import { INDONESIAN_URGENCY_LEXICON, type UrgencyLexicon } from './emergency-lexicon.js';

describe('detectEmergency', () => {
  it.each([
    ['Kebakaran di gang sebelah, api membesar!', 'fire'],
    ['Pohon tumbang menimpa mobil di Jl. Panglima Polim', 'tree-fell-on'],
    ['pohon besar tumbang menimpa rumah warga', 'tree-fell-on'],
    ['Banjir besar, air sudah setinggi dada', 'severe-flood'],
    ['Air tidak surut, banjir besar di RT 05', 'severe-flood'],
    ['Anak tenggelam di kali Ciliwung tolong', 'drowning'],
    ['Warga kesetrum kabel PLN yang putus', 'electrocution'],
    ['Tersengat listrik saat banjir', 'electrocution'],
    ['Bau gas menyengat dari rumah kosong', 'gas-explosion'],
    ['Kecelakaan motor di perempatan, ada korban luka', 'casualty'],
    ['Tawuran pelajar di flyover', 'violence'],
    ['Tembok roboh menimpa warung', 'collapse'],
    ['KEBAKARAN!!! cepat kirim damkar', 'fire'],
  ])('"%s" is an emergency (%s): call 112', (text, termId) => {
    const result = detectEmergency(text);
    expect(result).toMatchObject({ level: 'emergency', call112: true });
    expect(result.signals.some((s) => s.termId === termId && s.effect === 'emergency')).toBe(true);
  });

  it.each([
    ['Pohon tumbang di Jl. Fatmawati, tidak ada korban', 'urgent', 'negated'],
    ['Tidak terjadi kebakaran, hanya asap dari sampah', 'none', 'negated'],
    ['tanpa korban jiwa', 'none', 'negated'],
    ['Jalan ini rawan kecelakaan karena gelap', 'urgent', 'hedged'],
    ['Sering terjadi kecelakaan di tikungan ini', 'urgent', 'hedged'],
    ['Nyaris tertimpa pohon tadi pagi', 'urgent', 'hedged'],
    ['Bekas kebakaran belum dibersihkan', 'none', 'past'],
    ['Pasca banjir, sampah menumpuk', 'none', 'past'],
    ['Pohon tumbang kemarin belum diangkut', 'urgent', 'earlier'],
  ])('"%s" is %s (phrase %s), no 112', (text, level, status) => {
    const result = detectEmergency(text);
    expect(result.level).toBe(level);
    expect(result.call112).toBe(false);
    expect(result.signals.some((s) => s.status === status)).toBe(true);
  });

  it.each(['Mohon segera diperbaiki jalannya', 'Pintu darurat mall dikunci', 'Lampu jalan mati', 'Sampah dibakar tiap sore'])(
    '"%s" has no emergency wording',
    (text) => {
      expect(detectEmergency(text)).toEqual({ level: 'none', call112: false, signals: [] });
    },
  );

  it('reports each stretch of text once, with offsets into the message', () => {
    const text = 'Pohon tumbang menimpa mobil, ada korban luka';
    const { signals } = detectEmergency(text);
    expect(signals.map((s) => s.termId)).toEqual(['tree-fell-on', 'casualty', 'casualty']);
    for (const s of signals) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('takes its words from the lexicon it is given', () => {
    const lexicon: UrgencyLexicon = { ...INDONESIAN_URGENCY_LEXICON, terms: [{ id: 'quake', level: 'emergency', phrases: ['gempa'] }] };
    expect(detectEmergency('gempa kuat barusan', lexicon).call112).toBe(true);
    expect(detectEmergency('kebakaran', lexicon).level).toBe('none');
  });
});
