import { describe, expect, it } from 'vitest';
import { buildUpdates, statusOf, type CommentSource, type EventSource } from './updates.js';

let seq = 0;
const ev = (caseId: number, action: string, at: string, after: object | null, actor = 'user:5'): EventSource => ({
  id: ++seq, caseId, ticket: `JKT-${caseId}`, action, actor, after: after ? JSON.stringify(after) : null, at,
});
const cm = (caseId: number, body: string, createdAt: string, author = 'user:5', photoSha: string | null = null): CommentSource => ({
  id: ++seq, caseId, ticket: `JKT-${caseId}`, author, body, createdAt, photoSha,
});

describe('servicerequestupdates from the event log', () => {
  it('makes one update per status change, with the extended vocabulary and our status code', () => {
    const events = [
      ev(1, 'case.created', '2026-11-01T01:00:00.000Z', { status: 'menunggu', channel: 'web', externalId: 'secret-ish' }, 'citizen:3'),
      ev(1, 'case.dispatch', '2026-11-01T02:00:00.000Z', { status: 'disposisi', agency: 'x' }, 'system:routing'),
      ev(1, 'case.rated', '2026-11-05T02:00:00.000Z', { score: 5 }),
      ev(1, 'case.reject', '2026-11-02T02:00:00.000Z', { status: 'ditolak', reason: 'bukan_wewenang', forwarded_to: 'Kementerian PUPR' }),
    ];
    const items = buildUpdates(events, [], events);
    expect(items.map((i) => [i.extendedStatus, i.status])).toEqual([
      ['FOR_TRIAGE', 'menunggu'],
      ['ACTION_SCHEDULED', 'disposisi'],
      ['NOT_COUNCILS_RESPONSIBILITY', 'ditolak'],
    ]);
    expect(items[2].description).toContain('Kementerian PUPR');
    expect(JSON.stringify(items)).not.toContain('secret-ish');
  });

  it('folds the public note written with a status change into that update, and keeps other replies apart', () => {
    const at = '2026-11-03T02:00:00.000Z';
    const history = [ev(2, 'case.created', '2026-11-01T00:00:00.000Z', { status: 'menunggu' }), ev(2, 'case.start', '2026-11-02T00:00:00.000Z', { status: 'proses' })];
    const resolve = ev(2, 'case.resolve', at, { status: 'selesai' });
    const note = cm(2, 'Lubang sudah ditambal', at, 'user:5', 'a'.repeat(64));
    const reply = cm(2, 'Petugas menuju lokasi', '2026-11-02T12:00:00.000Z');
    const items = buildUpdates([resolve], [note, reply], [...history, resolve]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ updateId: `c${reply.id}`, kind: 'comment', status: 'proses', extendedStatus: 'IN_PROGRESS', description: 'Petugas menuju lokasi' });
    expect(items[1]).toMatchObject({ updateId: `e${resolve.id}`, kind: 'status', status: 'selesai', extendedStatus: 'FIXED', description: 'Lubang sudah ditambal', photoSha: 'a'.repeat(64) });
  });

  it('marks reopening as REOPEN and ignores events without a status', () => {
    const items = buildUpdates([ev(3, 'case.reopen', '2026-11-04T00:00:00.000Z', { status: 'proses' }), ev(3, 'case.merged_in', '2026-11-04T00:00:01.000Z', { source_case: 9 })], [], []);
    expect(items.map((i) => i.extendedStatus)).toEqual(['REOPEN']);
    expect(statusOf({ after: '{"status":"nonsense"}' })).toBeNull();
    expect(statusOf({ after: 'not json' })).toBeNull();
  });
});
