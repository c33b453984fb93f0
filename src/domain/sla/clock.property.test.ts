import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from '../calendar/index.js';
import { computeSlaClock } from './clock.js';
import type { SlaPolicy } from './policy.js';
import type { TimelineEvent } from './timeline.js';

const calendar = createJakartaCalendar();
const MIN = 60_000;
const RUNS = { numRuns: 200 };

const POLICY: SlaPolicy = {
  id: 'mixed',
  name: 'one target per unit',
  match: {},
  targets: {
    verification: { amount: 3, unit: 'working_days' },
    first_response: { amount: 10, unit: 'working_hours' },
    follow_up: { amount: 24, unit: 'calendar_hours' },
    resolution: { amount: 20, unit: 'working_days' },
  },
  redFlag: { target: 'follow_up', after: { amount: 6, unit: 'working_days' } },
};

const start = fc.integer({ min: Date.UTC(2025, 0, 1) / MIN, max: Date.UTC(2026, 10, 1) / MIN }).map((m) => m * MIN);
/** Closed pauses as [offset, length] in minutes after the start, made disjoint by accumulating. */
const pauses = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 * 24 * 60 }), fc.integer({ min: 1, max: 4 * 24 * 60 })), {
  maxLength: 4,
});

function timeline(startMs: number, gaps: [number, number][]): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: new Date(startMs), kind: 'received', agencyId: 'a' }];
  let t = startMs;
  for (const [gap, length] of gaps) {
    t += gap * MIN;
    events.push({ at: new Date(t), kind: 'status_changed', status: 'menunggu_pelapor' });
    t += length * MIN;
    events.push({ at: new Date(t), kind: 'status_changed', status: 'proses' });
  }
  return events;
}

const dues = (events: TimelineEvent[], asOf: number) =>
  computeSlaClock({ timeline: events, policy: POLICY, calendar, asOf: new Date(asOf) }).holdings[0].targets.map((t) => ({
    target: t.target,
    unit: t.allowance.unit,
    due: t.dueAt!.getTime(),
  }));

describe('SLA clock properties', () => {
  it('pausing never shortens a deadline, and one more pause never shortens it either', () => {
    fc.assert(
      fc.property(start, pauses, (s, gaps) => {
        const asOf = s + 400 * 24 * 60 * MIN;
        const none = dues(timeline(s, []), asOf);
        const all = dues(timeline(s, gaps as [number, number][]), asOf);
        const fewer = dues(timeline(s, gaps.slice(0, -1) as [number, number][]), asOf);
        all.forEach((d, i) => {
          expect(d.due).toBeGreaterThanOrEqual(none[i].due);
          expect(d.due).toBeGreaterThanOrEqual(fewer[i].due);
        });
      }),
      RUNS,
    );
  });

  it('a working-hour or working-day due time is always a working moment, pauses or not', () => {
    fc.assert(
      fc.property(start, pauses, (s, gaps) => {
        for (const d of dues(timeline(s, gaps as [number, number][]), s + 400 * 24 * 60 * MIN)) {
          if (d.unit !== 'calendar_hours') expect(calendar.isWorkingMoment(new Date(d.due))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('charges every running minute of an open case to exactly one unit', () => {
    const hops = fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 3 * 24 * 60 }), to: fc.constantFrom('a', 'b', 'c'), misrouted: fc.boolean() }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(start, hops, pauses, (s, moves, gaps) => {
        const events = timeline(s, gaps as [number, number][]);
        let t = s;
        for (const m of moves) {
          t += m.gap * MIN;
          events.push({ at: new Date(t), kind: 'transferred', agencyId: m.to, misrouted: m.misrouted });
        }
        const asOf = Math.max(t, events[events.length - 1].at.getTime()) + 60 * MIN;
        const clock = computeSlaClock({ timeline: events, policy: POLICY, calendar, asOf: new Date(asOf) });
        const held = clock.holdings.reduce((sum, h) => sum + h.activeMs + h.pausedMs, 0);
        expect(held).toBe(asOf - s);
        const charged = clock.charged.reduce((sum, c) => sum + c.activeMs, 0);
        expect(charged).toBe(clock.holdings.reduce((sum, h) => sum + h.activeMs, 0));
        expect(clock.holdings.every((h) => h.counted === !h.misrouted && (h.misrouted ? h.chargedTo === h.routedBy : h.chargedTo === h.agencyId))).toBe(true);
      }),
      RUNS,
    );
  });
});
