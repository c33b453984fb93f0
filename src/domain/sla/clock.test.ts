import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from '../calendar/index.js';
import { computeSlaClock } from './clock.js';
import { JAKARTA_SLA_POLICIES, LAPOR_SLA_POLICIES } from './default-policies.js';
import { createPolicyResolver } from './policy.js';
import type { TimelineEvent } from './timeline.js';

const calendar = createJakartaCalendar();
const wib = (local: string) => new Date(`${local}+07:00`);
const fmt = (d: Date | null | undefined) => (d ? calendar.formatLocal(d) : d);
const H = 3_600_000;
const LEVELS: Record<string, string> = { 'kel-menteng': 'kelurahan', 'dinas-sda': 'dinas', 'dinas-bm': 'dinas', 'dinas-lh': 'dinas' };
const jakarta = createPolicyResolver(JAKARTA_SLA_POLICIES, {}, (id) => LEVELS[id]);
const lapor = LAPOR_SLA_POLICIES[0];
const ev = (local: string, kind: TimelineEvent['kind'], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  at: wib(local),
  kind,
  ...extra,
});
const target = (clock: ReturnType<typeof computeSlaClock>, holding: number, kind: string) =>
  clock.holdings[holding].targets.find((t) => t.target === kind);

describe('LAPOR! verification and follow-up', () => {
  const timeline = [ev('2025-01-24T17:00:00', 'received', { agencyId: 'lapor-admin' })];

  it('counts 3 working days from a Friday-evening receipt over Isra Mikraj and Imlek', () => {
    const clock = computeSlaClock({ timeline, policy: lapor, calendar, asOf: wib('2025-01-30T10:00:00') });
    const v = target(clock, 0, 'verification')!;
    expect(fmt(v.dueAt)).toBe('2025-02-03T16:00:00+07:00');
    expect(v.status).toBe('pending');
    expect(fmt(clock.dueTimes.verification)).toBe('2025-02-03T16:00:00+07:00');
    expect(fmt(clock.dueTimes.follow_up)).toBe('2025-02-05T16:00:00+07:00');
  });

  it('is met at the due time itself and missed one millisecond later', () => {
    const onTime = [...timeline, { at: wib('2025-02-03T16:00:00'), kind: 'verified' as const }];
    const late = [...timeline, { at: new Date(wib('2025-02-03T16:00:00').getTime() + 1), kind: 'verified' as const }];
    const asOf = wib('2025-02-10T00:00:00');
    expect(target(computeSlaClock({ timeline: onTime, policy: lapor, calendar, asOf }), 0, 'verification')!.status).toBe('met');
    const missed = target(computeSlaClock({ timeline: late, policy: lapor, calendar, asOf }), 0, 'verification')!;
    expect(missed.status).toBe('missed');
    expect(missed.metAt?.getTime()).toBe(wib('2025-02-03T16:00:00').getTime() + 1);
  });

  it('reports an unmet target past its due time as overdue and leaves met targets out of dueTimes', () => {
    const t = [...timeline, ev('2025-01-30T09:00:00', 'verified')];
    const clock = computeSlaClock({ timeline: t, policy: lapor, calendar, asOf: wib('2025-02-06T09:00:00') });
    expect(target(clock, 0, 'follow_up')!.status).toBe('overdue');
    expect(Object.keys(clock.dueTimes).sort()).toEqual(['follow_up', 'resolution']);
  });

  it('ignores events after asOf', () => {
    const t = [...timeline, ev('2025-01-30T09:00:00', 'verified')];
    const clock = computeSlaClock({ timeline: t, policy: lapor, calendar, asOf: wib('2025-01-29T09:00:00') });
    expect(target(clock, 0, 'verification')!.status).toBe('pending');
  });

  it('closes a resolved case automatically 10 working days later unless the citizen answers', () => {
    const resolved = [...timeline, ev('2025-01-30T09:00:00', 'verified'), ev('2025-08-15T10:00:00', 'resolved')];
    const asOf = wib('2025-08-20T00:00:00');
    const clock = computeSlaClock({ timeline: resolved, policy: lapor, calendar, asOf });
    expect(clock.state).toBe('resolved');
    // Mon 18 Aug is cuti bersama: Tue 19 (1) … Mon 1 Sep (10).
    expect(fmt(clock.autoCloseAt)).toBe('2025-09-01T16:00:00+07:00');
    const answered = [...resolved, ev('2025-08-19T09:00:00', 'citizen_replied')];
    expect(computeSlaClock({ timeline: answered, policy: lapor, calendar, asOf }).autoCloseAt).toBeNull();
  });
});

describe('pauses while waiting for the citizen', () => {
  const base = [ev('2025-07-07T09:00:00', 'received', { agencyId: 'dinas-sda' })];

  it('stops the clock: the due time is unknown while paused', () => {
    const t = [...base, ev('2025-07-09T10:00:00', 'status_changed', { status: 'menunggu_pelapor' })];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-09T12:00:00') });
    const f = target(clock, 0, 'follow_up')!;
    expect([f.status, f.dueAt]).toEqual(['paused', null]);
    expect(clock.paused).toBe(true);
    expect(clock.dueTimes.follow_up).toBeNull();
    expect(f.elapsedWorkingMs).toBe(2 * 8 * H - 1 * H + 2 * H); // Mon 9–16, Tue 8–16, Wed 8–10
  });

  it('shifts a working-day deadline by the working time paused', () => {
    const noPause = computeSlaClock({ timeline: base, policy: jakarta, calendar, asOf: wib('2025-07-08T00:00:00') });
    expect(fmt(target(noPause, 0, 'follow_up')!.dueAt)).toBe('2025-07-15T16:00:00+07:00');
    const t = [
      ...base,
      ev('2025-07-09T10:00:00', 'status_changed', { status: 'menunggu_pelapor' }),
      ev('2025-07-10T10:00:00', 'status_changed', { status: 'proses' }),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-10T12:00:00') });
    // 8 working hours paused (Wed 10–16, Thu 8–10) → one working day later.
    expect(fmt(target(clock, 0, 'follow_up')!.dueAt)).toBe('2025-07-16T16:00:00+07:00');
    expect(clock.pauses).toEqual([{ from: wib('2025-07-09T10:00:00'), to: wib('2025-07-10T10:00:00') }]);
    expect(clock.holdings[0].pausedMs).toBe(24 * H);
  });

  it('does not shift working-time deadlines for a pause outside working hours, but shifts calendar-hour ones', () => {
    const t = [
      ev('2025-07-11T15:00:00', 'received', { agencyId: 'kel-menteng' }),
      ev('2025-07-11T17:00:00', 'status_changed', { status: 'menunggu_pelapor' }),
      ev('2025-07-12T09:00:00', 'status_changed', { status: 'proses' }),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-12T10:00:00') });
    expect(fmt(target(clock, 0, 'verification')!.dueAt)).toBe('2025-07-16T16:00:00+07:00');
    expect(fmt(target(clock, 0, 'follow_up')!.dueAt)).toBe('2025-07-13T07:00:00+07:00'); // Sat 15:00 + 16 h paused
  });

  it('keeps a target missed when the allowance ran out before the pause began', () => {
    const t = [
      ev('2025-07-05T10:00:00', 'received', { agencyId: 'kel-menteng' }),
      ev('2025-07-07T10:00:00', 'status_changed', { status: 'menunggu_pelapor' }),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-08T10:00:00') });
    const f = target(clock, 0, 'follow_up')!;
    expect(f.status).toBe('overdue');
    expect(fmt(f.dueAt)).toBe('2025-07-06T10:00:00+07:00');
  });
});

describe('transfers and attribution', () => {
  const received = ev('2025-07-07T09:00:00', 'received', { agencyId: 'kel-menteng' });

  it('starts the receiving agency’s own clocks at receipt; handing on in time is the sender’s follow-up', () => {
    const t = [received, ev('2025-07-07T15:00:00', 'transferred', { agencyId: 'dinas-sda' })];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-08T12:00:00') });
    const [kel, dinas] = clock.holdings;
    expect([kel.policyId, dinas.policyId]).toEqual(['jakarta-kelurahan', 'jakarta-default']);
    expect(target(clock, 0, 'follow_up')!.status).toBe('met');
    expect(target(clock, 0, 'resolution')!.status).toBe('handed_over');
    expect(target(clock, 0, 'verification')!.status).toBe('met'); // dispatching is a verification decision
    expect(dinas.targets.map((x) => x.target)).toEqual(['follow_up', 'resolution']);
    expect(fmt(target(clock, 1, 'follow_up')!.dueAt)).toBe('2025-07-15T16:00:00+07:00');
    expect(clock.current?.agencyId).toBe('dinas-sda');
    expect(clock.charged).toEqual([
      { agencyId: 'kel-menteng', activeMs: 6 * H, activeWorkingMs: 6 * H },
      { agencyId: 'dinas-sda', activeMs: 21 * H, activeWorkingMs: 5 * H },
    ]);
  });

  it('charges a misrouted holding to the unit that misrouted and does not count it for the wrong holder', () => {
    const t = [
      received,
      ev('2025-07-07T10:00:00', 'assigned', { agencyId: 'dinas-bm' }),
      ev('2025-07-09T10:00:00', 'transferred', { agencyId: 'dinas-sda', misrouted: true }),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-21T10:00:00') });
    const wrong = clock.holdings[1];
    expect([wrong.misrouted, wrong.counted, wrong.routedBy, wrong.chargedTo]).toEqual([true, false, 'kel-menteng', 'kel-menteng']);
    expect(wrong.redFlag).toBeNull();
    expect(clock.charged).toEqual([
      { agencyId: 'kel-menteng', activeMs: 49 * H, activeWorkingMs: 1 * H + 16 * H },
      { agencyId: 'dinas-sda', activeMs: clock.holdings[2].activeMs, activeWorkingMs: clock.holdings[2].activeWorkingMs },
    ]);
    // dinas-sda's 6 working days run from Wed 9 Jul 10:00 to the close of Thu 17 Jul; no follow-up → its red flag.
    expect(clock.redFlags).toEqual([
      { holdingIndex: 2, agencyId: 'dinas-sda', at: wib('2025-07-17T16:00:00'), chargedTo: 'dinas-sda' },
    ]);
  });

  it('charges a misroute without a known router to nobody', () => {
    const t = [
      ev('2025-07-07T09:00:00', 'received', { agencyId: 'dinas-bm' }),
      ev('2025-07-07T11:00:00', 'transferred', { agencyId: 'dinas-sda', misrouted: true }),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-07T12:00:00') });
    expect(clock.holdings[0].chargedTo).toBeNull();
    expect(clock.charged[0]).toEqual({ agencyId: null, activeMs: 2 * H, activeWorkingMs: 2 * H });
  });

  it('treats an assignment inside the same agency as no transfer', () => {
    const t = [received, ev('2025-07-07T10:00:00', 'assigned', { agencyId: 'kel-menteng' })];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-07T12:00:00') });
    expect(clock.holdings).toHaveLength(1);
  });

  it('keeps the case-level promise running across holders', () => {
    const t = [
      received,
      ev('2025-07-08T09:00:00', 'transferred', { agencyId: 'dinas-sda' }),
      ev('2025-07-10T09:00:00', 'followed_up'),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-10T12:00:00') });
    const caseFollowUp = clock.caseTargets.find((x) => x.target === 'follow_up')!;
    expect([fmt(caseFollowUp.dueAt), caseFollowUp.status]).toEqual(['2025-07-08T09:00:00+07:00', 'missed']);
    expect(target(clock, 0, 'follow_up')!.status).toBe('met'); // the kelurahan handed on within 24 h
    expect(target(clock, 1, 'follow_up')!.status).toBe('met');
  });
});

describe('red flags and reopening', () => {
  const assigned = [ev('2025-07-07T09:00:00', 'received', { agencyId: 'dinas-lh' })];

  it('raises a red flag once 6 working days pass without follow-up, not before', () => {
    const before = computeSlaClock({ timeline: assigned, policy: jakarta, calendar, asOf: wib('2025-07-15T16:00:00') });
    expect(before.redFlags).toEqual([]);
    expect(fmt(before.holdings[0].redFlagDueAt)).toBe('2025-07-15T16:00:00+07:00');
    const after = computeSlaClock({ timeline: assigned, policy: jakarta, calendar, asOf: wib('2025-07-15T16:01:00') });
    expect(after.redFlags).toEqual([{ holdingIndex: 0, agencyId: 'dinas-lh', at: wib('2025-07-15T16:00:00'), chargedTo: 'dinas-lh' }]);
  });

  it('keeps the red flag when the follow-up comes late, and raises none when it comes in time', () => {
    const late = [...assigned, ev('2025-07-16T09:00:00', 'followed_up')];
    expect(computeSlaClock({ timeline: late, policy: jakarta, calendar, asOf: wib('2025-07-20T00:00:00') }).redFlags).toHaveLength(1);
    const inTime = [...assigned, ev('2025-07-15T09:00:00', 'followed_up')];
    const clock = computeSlaClock({ timeline: inTime, policy: jakarta, calendar, asOf: wib('2025-07-20T00:00:00') });
    expect([clock.redFlags, clock.holdings[0].redFlagDueAt]).toEqual([[], null]);
  });

  it('opens a new holding with fresh clocks on reopening', () => {
    const t = [
      ...assigned,
      ev('2025-07-08T09:00:00', 'followed_up'),
      ev('2025-07-09T09:00:00', 'resolved'),
      ev('2025-07-14T09:00:00', 'reopened'),
    ];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-14T10:00:00') });
    expect(clock.state).toBe('open');
    expect(clock.holdings.map((h) => [h.agencyId, h.openedBy, h.endedBy])).toEqual([
      ['dinas-lh', 'received', 'resolved'],
      ['dinas-lh', 'reopened', null],
    ]);
    expect(target(clock, 0, 'resolution')!.status).toBe('met');
    expect(fmt(target(clock, 1, 'follow_up')!.dueAt)).toBe('2025-07-22T16:00:00+07:00');
  });

  it('cancels targets of a case closed before they were due', () => {
    const t = [...assigned, ev('2025-07-07T10:00:00', 'closed')];
    const clock = computeSlaClock({ timeline: t, policy: jakarta, calendar, asOf: wib('2025-07-20T00:00:00') });
    expect(clock.state).toBe('closed');
    expect(clock.holdings[0].targets.map((x) => x.status)).toEqual(['met', 'cancelled', 'cancelled']);
  });
});

describe('timeline validation', () => {
  const asOf = wib('2025-07-10T00:00:00');
  it('requires the received event first and a receiving agency on transfers', () => {
    expect(() => computeSlaClock({ timeline: [ev('2025-07-07T09:00:00', 'verified')], policy: lapor, calendar, asOf })).toThrow(
      /starts with its received event/,
    );
    const noAgency = [ev('2025-07-07T09:00:00', 'received'), ev('2025-07-07T10:00:00', 'transferred')];
    expect(() => computeSlaClock({ timeline: noAgency, policy: lapor, calendar, asOf })).toThrow(/receiving agencyId/);
  });
});
