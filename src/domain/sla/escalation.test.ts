import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from '../calendar/index.js';
import { computeSlaClock } from './clock.js';
import { JAKARTA_SLA_POLICIES } from './default-policies.js';
import { DEFAULT_ESCALATION_LADDER, type EscalationStep, dueEscalations, nextEscalationAt } from './escalation.js';
import { selectPolicy } from './policy.js';
import type { TimelineEvent } from './timeline.js';

const calendar = createJakartaCalendar();
const wib = (local: string) => new Date(`${local}+07:00`);
const policy = selectPolicy(JAKARTA_SLA_POLICIES, { agencyLevel: 'dinas' });
const received: TimelineEvent = { at: wib('2025-07-07T09:00:00'), kind: 'received', agencyId: 'dinas-sda' };

// The default ladder limited to the follow-up target, so each expectation reads on one clock.
const FOLLOW_UP_LADDER: EscalationStep[] = [
  { atFractionOfTarget: 0.5, notify: 'assignee', targets: ['follow_up'] },
  { atFractionOfTarget: 1, notify: 'supervisor', targets: ['follow_up'] },
  { onRedFlag: true, notify: ['agency_head', 'monitor'] },
];

function steps(timeline: TimelineEvent[], asOf: string, ladder: readonly EscalationStep[] = FOLLOW_UP_LADDER) {
  const clock = computeSlaClock({ timeline, policy, calendar, asOf: wib(asOf) });
  const input = { caseId: 'C1', clock, ladder, calendar };
  return { due: dueEscalations(input), next: nextEscalationAt(input) };
}

describe('escalation ladder', () => {
  it('is quiet before half the allowance has run and says when to look again', () => {
    const { due, next } = steps([received], '2025-07-08T09:00:00');
    expect(due).toEqual([]);
    // follow-up: close of the 6th working day = 7 h (Mon) + 6 × 8 h = 55 h; half = 27.5 h → Thu 10 Jul 12:30.
    expect(next).toEqual(wib('2025-07-10T12:30:00'));
  });

  it('reminds the assignee at 50 %, the supervisor at 100 %, the head and the monitor on the red flag', () => {
    expect(steps([received], '2025-07-10T12:29:00').due).toEqual([]);
    const half = steps([received], '2025-07-10T12:30:00').due;
    expect(half.map((s) => s.key)).toEqual(['C1:h0:follow_up:at50']);
    expect(half[0]).toMatchObject({ agencyId: 'dinas-sda', notify: ['assignee'], dueAt: wib('2025-07-10T12:30:00') });

    const flagged = steps([received], '2025-07-16T09:00:00').due;
    expect(flagged.map((s) => [s.key, s.notify])).toEqual([
      ['C1:h0:follow_up:at50', ['assignee']],
      ['C1:h0:follow_up:at100', ['supervisor']],
      ['C1:h0:red_flag:red_flag', ['agency_head', 'monitor']],
    ]);
  });

  it('applies the default ladder to every target of the current holder', () => {
    // verification: 3 working days = 31 working hours from Mon 09:00; half (15.5 h) → Wed 08:30.
    const due = steps([received], '2025-07-09T08:30:00', DEFAULT_ESCALATION_LADDER).due;
    expect(due.map((s) => [s.key, s.dueAt])).toEqual([['C1:h0:verification:at50', wib('2025-07-09T08:30:00')]]);
  });

  it('gives the same keys on every recomputation, so a scanner can dedupe', () => {
    const a = steps([received], '2025-07-16T09:00:00').due.map((s) => s.key);
    const b = steps([received], '2025-07-18T11:00:00').due.filter((s) => s.target === 'follow_up' || s.target === 'red_flag');
    expect(b.map((s) => s.key)).toEqual(a);
  });

  it('drops reminders once the target is met, but keeps a raised red flag', () => {
    const late = [received, { at: wib('2025-07-16T10:00:00'), kind: 'followed_up' } as TimelineEvent];
    expect(steps(late, '2025-07-17T09:00:00').due.map((s) => s.key)).toEqual(['C1:h0:red_flag:red_flag']);
    const inTime = [received, { at: wib('2025-07-09T10:00:00'), kind: 'followed_up' } as TimelineEvent];
    expect(steps(inTime, '2025-07-17T09:00:00').due).toEqual([]);
  });

  it('moves reminders later by the time the case waited for the citizen', () => {
    const paused = [
      received,
      { at: wib('2025-07-08T09:00:00'), kind: 'status_changed', status: 'menunggu_pelapor' } as TimelineEvent,
      { at: wib('2025-07-09T09:00:00'), kind: 'status_changed', status: 'proses' } as TimelineEvent,
    ];
    // 8 working hours paused: the half-way reminder moves from Thu 12:30 to Fri 12:30.
    expect(steps(paused, '2025-07-10T13:00:00').due).toEqual([]);
    expect(steps(paused, '2025-07-10T13:00:00').next).toEqual(wib('2025-07-11T12:30:00'));
  });
});
