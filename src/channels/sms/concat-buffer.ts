import type { InboundSms } from './sms-inbound.js';

/**
 * Reassembles concatenated SMS whose parts the gateway delivers one by one (each with the same reference
 * and a part number). Keyed by sender + reference, since references are only unique per sender and wrap
 * around. Pure: it never reads the clock; the caller passes `now` and calls `expire(now)` periodically.
 *
 * A part that never arrives must not lose the message: after `timeoutMs` the parts received are released
 * joined with a marker for the gap. Parts repeated by a gateway retry are ignored, also for a while after the
 * message was completed, so a late duplicate cannot start a new, never-completed message.
 *
 * State lives in memory. To survive a restart (or serve several processes) the caller keeps the raw parts
 * (e.g. in the raw-message table) and rebuilds a buffer by re-adding them with their arrival times.
 */
export interface ConcatBufferOptions {
  /** How long to wait for missing parts. Default 10 minutes. */
  timeoutMs?: number;
  /** Text put where a part is missing in an expired message. */
  gapMarker?: string;
}

export type ConcatResult = { status: 'complete'; message: InboundSms } | { status: 'pending'; received: number; total: number } | { status: 'duplicate' };

interface Pending {
  parts: Map<number, InboundSms>;
  total: number;
  firstSeen: number;
}

export class ConcatBuffer {
  private readonly pending = new Map<string, Pending>();
  private readonly completed = new Map<string, number>();
  private readonly timeoutMs: number;
  private readonly gapMarker: string;

  constructor(options: ConcatBufferOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
    this.gapMarker = options.gapMarker ?? '[…]';
  }

  /** Adds one SMS. A message without concat info is complete at once. */
  add(sms: InboundSms, now: Date): ConcatResult {
    if (!sms.concat || sms.concat.total <= 1) return { status: 'complete', message: sms };
    const key = `${sms.from}\u0000${sms.concat.ref}\u0000${sms.concat.total}`;
    const doneAt = this.completed.get(key);
    if (doneAt !== undefined && now.getTime() - doneAt < this.timeoutMs) return { status: 'duplicate' };
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { parts: new Map(), total: sms.concat.total, firstSeen: now.getTime() };
      this.pending.set(key, entry);
    }
    if (entry.parts.has(sms.concat.part)) return { status: 'duplicate' };
    entry.parts.set(sms.concat.part, sms);
    if (entry.parts.size < entry.total) return { status: 'pending', received: entry.parts.size, total: entry.total };
    this.pending.delete(key);
    this.completed.set(key, now.getTime());
    return { status: 'complete', message: this.join(entry, false) };
  }

  /** Releases messages whose missing parts waited too long, and forgets old completion marks. */
  expire(now: Date): InboundSms[] {
    const out: InboundSms[] = [];
    for (const [key, entry] of this.pending) {
      if (now.getTime() - entry.firstSeen >= this.timeoutMs) {
        this.pending.delete(key);
        this.completed.set(key, now.getTime());
        out.push(this.join(entry, true));
      }
    }
    for (const [key, at] of this.completed) if (now.getTime() - at >= this.timeoutMs) this.completed.delete(key);
    return out;
  }

  get size(): number {
    return this.pending.size;
  }

  private join(entry: Pending, incomplete: boolean): InboundSms {
    const numbers = [...entry.parts.keys()].sort((a, b) => a - b);
    const first = entry.parts.get(numbers[0])!;
    let text = '';
    let afterGap = false;
    for (let n = 1; n <= entry.total; n++) {
      const part = entry.parts.get(n);
      if (part) {
        text += afterGap ? part.text.trimStart() : part.text;
        afterGap = false;
      } else if (!afterGap) {
        text = `${text.trimEnd()} ${this.gapMarker} `.trimStart();
        afterGap = true;
      }
    }
    // The id of part 1 (whatever order the parts came in) identifies the whole message; when part 1 is
    // missing, the lowest part received does, which is stable across replays too.
    const parts = numbers.map((n) => entry.parts.get(n)!);
    return {
      ...first,
      text: text.trim(),
      messageId: first.messageId ? `${first.messageId}${numbers[0] === 1 ? '' : `#${numbers[0]}`}` : undefined,
      sentAt: parts.map((p) => p.sentAt).find((d) => d !== undefined),
      concat: undefined,
      raw: { concatenated: true, incomplete, ref: first.concat!.ref, total: entry.total, parts: parts.map((p) => p.raw) },
    };
  }
}
