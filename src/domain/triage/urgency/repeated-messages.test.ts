import { describe, expect, it } from 'vitest';
import { detectRepeatedMessages, messageFingerprint, type SenderMessage } from './repeated-messages.js';

const T = Date.UTC(2025, 4, 1, 8);
const H = 3_600_000;
const msg = (id: string, text: string, hoursAgo: number, senderKey = 'sms:6281111'): SenderMessage => ({ id, senderKey, text, receivedAt: T - hoursAgo * H });

describe('detectRepeatedMessages', () => {
  const current = msg('m4', 'Jalan rusak di depan rumah saya!!', 0);

  it('flags the third identical message within a day, ignoring case, spacing and punctuation', () => {
    const recent = [msg('m1', 'jalan  rusak di depan rumah saya', 5), msg('m2', 'Jalan rusak di depan rumah saya 🙏', 1), msg('m3', 'Lampu mati', 2)];
    expect(detectRepeatedMessages(current, recent)).toEqual({ repeated: true, count: 3, earlierIds: ['m1', 'm2'], firstAt: new Date(T - 5 * H) });
  });

  it('does not flag a single resend, other senders, or messages outside the window', () => {
    expect(detectRepeatedMessages(current, [msg('m1', current.text, 1)]).repeated).toBe(false);
    const others = [msg('a', current.text, 1, 'sms:6282222'), msg('b', current.text, 2, 'sms:6282222')];
    expect(detectRepeatedMessages(current, others).repeated).toBe(false);
    const old = [msg('m1', current.text, 30), msg('m2', current.text, 26)];
    expect(detectRepeatedMessages(current, old).count).toBe(1);
    expect(detectRepeatedMessages(current, old, { windowMs: 48 * H }).repeated).toBe(true);
  });

  it('does not count the current message twice when it is in the recent list', () => {
    expect(detectRepeatedMessages(current, [current, msg('m1', current.text, 1)]).count).toBe(2);
  });

  it('never calls empty or emoji-only messages repeated', () => {
    const empty = msg('e', '🙏🙏', 0);
    expect(detectRepeatedMessages(empty, [msg('a', '🙏', 1), msg('b', '!!', 2)]).repeated).toBe(false);
    expect(messageFingerprint('  Halo,  PAK!! ')).toBe('halo pak');
  });
});
