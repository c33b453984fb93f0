import { describe, expect, it } from 'vitest';
import { type StoredCaseEvent, timelineFromEvents } from './event-timeline.js';

const ev = (action: string, at: string, after: object | null = null, actor = 'user:1', before: object | null = null): StoredCaseEvent => ({
  action,
  actor,
  at: new Date(at).toISOString(),
  after: after ? JSON.stringify(after) : null,
  before: before ? JSON.stringify(before) : null,
});
const brief = (events: ReturnType<typeof timelineFromEvents>) =>
  events.map((e) => [e.at.toISOString().slice(11, 16), e.kind, e.agencyId ?? e.status ?? (e.misrouted ? 'misrouted' : '')].join(' ').trim());

describe('timelineFromEvents', () => {
  it('folds routing at intake into the receipt (the routed unit verifies) and maps the workflow', () => {
    const events = [
      ev('case.created', '2025-07-01T01:00:00Z', { status: 'menunggu' }, 'citizen:5'),
      ev('case.dispatch', '2025-07-01T01:00:00Z', { status: 'disposisi', agency: 'kel-1' }, 'system:routing', { status: 'menunggu', agency: null }),
      ev('comment.public', '2025-07-01T02:00:00Z', { comment_id: 1 }),
      ev('comment.internal', '2025-07-01T02:30:00Z', { comment_id: 2 }),
      ev('case.request_info', '2025-07-01T03:00:00Z', { status: 'menunggu_pelapor', agency: 'kel-1' }),
      ev('comment.public', '2025-07-01T04:00:00Z', { comment_id: 3 }, 'citizen:5'),
      ev('case.citizen_reply', '2025-07-01T04:00:00Z', { status: 'disposisi', agency: 'kel-1' }, 'citizen:5'),
      ev('case.start', '2025-07-01T05:00:00Z', { status: 'proses', agency: 'kel-1' }),
      ev('case.resolve', '2025-07-01T06:00:00Z', { status: 'selesai', agency: 'kel-1' }),
      ev('case.rated', '2025-07-01T06:30:00Z', { score: 4 }, 'citizen:5'),
      ev('comment.public', '2025-07-01T07:00:00Z', { comment_id: 4 }, 'citizen:5'),
      ev('case.confirm', '2025-07-01T08:00:00Z', { status: 'ditutup', agency: 'kel-1' }, 'citizen:5'),
    ];
    expect(brief(timelineFromEvents(events, new Date('2025-06-30T23:00:00Z')))).toEqual([
      '23:00 received kel-1', // walk-in intake time: the receipt is when the citizen came, not when it was typed in
      '01:00 status_changed disposisi',
      '02:00 responded',
      '03:00 responded',
      '03:00 status_changed menunggu_pelapor',
      '04:00 status_changed disposisi',
      '05:00 verified',
      '05:00 responded',
      '05:00 followed_up',
      '05:00 status_changed proses',
      '06:00 resolved',
      '06:00 status_changed selesai',
      '07:00 citizen_replied',
      '08:00 closed',
      '08:00 status_changed ditutup',
    ]);
  });

  it('keeps a triage dispatch as an assignment and marks a declared misroute', () => {
    const events = [
      ev('case.created', '2025-07-01T01:00:00Z', { status: 'menunggu' }, 'citizen:5'),
      ev('case.dispatch', '2025-07-01T02:00:00Z', { status: 'disposisi', agency: 'sudin-a' }, 'user:2', { status: 'menunggu', agency: null }),
      ev('case.transfer', '2025-07-01T03:00:00Z', { status: 'disposisi', agency: 'kel-1', misrouted: true }, 'user:3', { status: 'disposisi', agency: 'sudin-a' }),
      ev('case.reopen', '2025-07-02T03:00:00Z', { status: 'proses', agency: 'kel-1' }, 'citizen:5'),
      ev('case.merge', '2025-07-03T03:00:00Z', { status: 'digabung', agency: 'kel-1' }),
    ];
    const timeline = timelineFromEvents(events, new Date('2025-07-01T01:00:00Z'));
    expect(brief(timeline)).toEqual([
      '01:00 received',
      '02:00 assigned sudin-a',
      '02:00 status_changed disposisi',
      '03:00 transferred kel-1',
      '03:00 reopened kel-1',
      '03:00 status_changed proses',
      '03:00 closed',
      '03:00 status_changed digabung',
    ]);
    expect(timeline[3]).toMatchObject({ misrouted: true, fromAgencyId: 'sudin-a' });
  });
});
