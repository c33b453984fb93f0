import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { receiveMessage } from '../../src/services/intake/receive-message.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

const sms = (id: string, text: string, at = '2026-11-23T02:00:00Z'): NormalizedComplaint => ({
  channel: 'sms', externalId: id, receivedAt: new Date(at), rawPayload: { id, text }, text, reporter: { contactKind: 'phone', contactValue: '6281299990000' },
});

describe(`conversation joining (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('a further message from the same sender within the window joins the case; after it, a new case', async () => {
    const first = await receiveMessage(t.ctx, sms('s1', 'Banjir di gang kami'), { conversationWindowMinutes: 60 });
    expect(first.disposition).toBe('new_case');
    const follow = await receiveMessage(t.ctx, sms('s2', 'Airnya sudah selutut', '2026-11-23T02:20:00Z'), { conversationWindowMinutes: 60 });
    expect(follow).toMatchObject({ disposition: 'conversation' });
    expect(follow.case.id).toBe(first.case.id);
    const replay = await receiveMessage(t.ctx, sms('s2', 'Airnya sudah selutut'), { conversationWindowMinutes: 60 });
    expect(replay.disposition).toBe('duplicate');
    const comments = await t.ctx.database.db.selectFrom('comments').select('body').where('case_id', '=', first.case.id).execute();
    expect(comments.map((c) => c.body)).toEqual(['Airnya sudah selutut']);
    t.setNow('2026-11-23T05:00:00Z');
    const later = await receiveMessage(t.ctx, sms('s3', 'Ada pohon tumbang', '2026-11-23T05:00:00Z'), { conversationWindowMinutes: 60 });
    expect(later.disposition).toBe('new_case');
    t.setNow('2026-11-23T02:00:00Z');
  });

  it('a threaded reply resumes a case waiting for the citizen', async () => {
    const first = await receiveMessage(t.ctx, sms('t1', 'Jalan rusak depan pasar'));
    await transitionCase(t.ctx, { caseRef: first.case.id, action: 'request_info', input: { publicNote: 'Alamat lengkapnya?' }, actor: { kind: 'user', userId: 1, role: 'admin' } });
    const reply = await receiveMessage(t.ctx, sms('t2', 'Jl. Pasar Minggu no 5'), { threadCaseRef: first.case.ticket });
    expect(reply.disposition).toBe('conversation');
    expect(reply.case.status).toBe('menunggu');
    expect(reply.case.sla_paused_at).toBeNull();
  });
});
