import { describe, expect, it } from 'vitest';
import { assessMessage, CALL_112_ADVICE } from './message-flags.js';

const T = Date.UTC(2025, 4, 1, 8);

describe('assessMessage', () => {
  it('raises an emergency to the top with the 112 advice', () => {
    const result = assessMessage({ text: 'Kebakaran rumah di gang 3, tolong!' });
    expect(result).toMatchObject({ priority: 'emergency', advise112: true });
    expect(result.flags.map((f) => f.code)).toEqual(['emergency']);
    expect(result.flags[0].spans[0].text).toBe('Kebakaran');
    expect(CALL_112_ADVICE).toMatch(/112/);
  });

  it('gives urgent wording high priority without 112', () => {
    expect(assessMessage({ text: 'Pohon tumbang menutup jalan, tidak ada korban' })).toMatchObject({ priority: 'high', advise112: false });
  });

  it('flags abuse and repeats for an officer and keeps the complaint', () => {
    const text = 'Lampu jalan mati, dasar pemda goblok';
    const message = { id: 'c', senderKey: 'twitter:42', text, receivedAt: T };
    const recent = [
      { id: 'a', senderKey: 'twitter:42', text, receivedAt: T - 60_000 },
      { id: 'b', senderKey: 'twitter:42', text, receivedAt: T - 30_000 },
    ];
    const result = assessMessage({ text, message, recentFromSender: recent });
    expect(result.priority).toBe('normal');
    expect(result.flags.map((f) => f.code)).toEqual(['abusive_language', 'repeated_message']);
    expect(result.repeat?.earlierIds).toEqual(['a', 'b']);
  });

  it('has nothing to say about an ordinary complaint', () => {
    expect(assessMessage({ text: 'Trotoar rusak di depan sekolah' })).toMatchObject({ priority: 'normal', flags: [], advise112: false, repeat: null });
  });
});
