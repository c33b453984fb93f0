/**
 * Repeated identical messages from one sender (a resend loop, a bot, a flood). The messages are flagged for
 * an officer, never dropped: a citizen resending because nobody answered is a signal too. Identical means
 * equal after lower-casing and ignoring spacing, punctuation and emoji; the caller passes the sender's
 * recent messages (the store knows them), so the check is a pure function of its inputs.
 */

export interface SenderMessage {
  id?: string;
  /** Channel + address, e.g. "sms:6281234567890"; only messages of the same sender are compared. */
  senderKey: string;
  text: string;
  receivedAt: Date | number;
}

export interface RepeatOptions {
  /** How far back identical messages count. Default 24 hours. */
  windowMs?: number;
  /** Identical messages (the current one included) from which the sender is flagged. Default 3. */
  minCount?: number;
}

export interface RepeatAssessment {
  repeated: boolean;
  /** Identical messages in the window, the current one included. */
  count: number;
  /** Ids of the earlier identical messages, oldest first. */
  earlierIds: string[];
  firstAt: Date | null;
}

export const DEFAULT_REPEAT_OPTIONS: Required<RepeatOptions> = { windowMs: 24 * 3_600_000, minCount: 3 };

export function detectRepeatedMessages(
  current: SenderMessage,
  recent: readonly SenderMessage[],
  options: RepeatOptions = {},
): RepeatAssessment {
  const { windowMs, minCount } = { ...DEFAULT_REPEAT_OPTIONS, ...options };
  const at = toMs(current.receivedAt);
  const key = messageFingerprint(current.text);
  const earlier = recent
    .filter((m) => m !== current && m.senderKey === current.senderKey && (current.id === undefined || m.id !== current.id))
    .filter((m) => {
      const t = toMs(m.receivedAt);
      return t <= at && at - t <= windowMs && messageFingerprint(m.text) === key;
    })
    .sort((a, b) => toMs(a.receivedAt) - toMs(b.receivedAt));
  const count = earlier.length + 1;
  return {
    repeated: key.length > 0 && count >= minCount,
    count,
    earlierIds: earlier.flatMap((m) => (m.id === undefined ? [] : [m.id])),
    firstAt: earlier.length > 0 ? new Date(toMs(earlier[0].receivedAt)) : null,
  };
}

/** The comparable core of a message: letters and digits, lower case, single spaces. */
export function messageFingerprint(text: string): string {
  return (text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

function toMs(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}
