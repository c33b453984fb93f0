import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, multipart } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';

describe(`case workflow over HTTP (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: { authorization: string };
  let sudinJaksel: { authorization: string };
  let sudinJakpus: { authorization: string };
  let dinas: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sudinJaksel = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.74' });
    sudinJakpus = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.71' });
    dinas = await t.loginAs('agency_head', { agencyId: 'pd-bina-marga' });
  });
  afterAll(async () => t.close());

  async function submit(extra: Record<string, unknown> = {}) {
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Jalan berlubang dalam di Jl. Fatmawati', category: 'jalan-rusak', location: { area_code: '31.74.01.1001' }, reporter: { email: `warga${Math.random()}@example.id` }, ...extra } });
    expect(res.statusCode).toBe(201);
    return res.json() as { ticket: string; access_code: string };
  }
  const act = (who: { authorization: string }, ticket: string, action: string, payload: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/${action}`, headers: who, payload });

  it('runs a case from intake to citizen confirmation and rating', async () => {
    const { ticket, access_code } = await submit();
    expect((await act(sudinJakpus, ticket, 'start')).statusCode).toBe(403);
    const started = await act(sudinJaksel, ticket, 'start');
    expect(started.statusCode).toBe(200);
    expect(started.json().status).toBe('proses');
    const noPhoto = await act(sudinJaksel, ticket, 'resolve', { public_note: 'Lubang sudah ditambal' });
    expect(noPhoto.statusCode).toBe(422);
    expect(noPhoto.json().error.details[0].field).toBe('afterPhoto');
    const mp = multipart({ public_note: 'Lubang sudah ditambal dengan aspal hotmix' }, [{ field: 'after', filename: 'sesudah.jpg', type: 'image/jpeg', data: await jpeg() }]);
    const resolved = await t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/resolve`, headers: { ...sudinJaksel, ...mp.headers }, payload: mp.payload });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().status).toBe('selesai');

    const publicView = await t.app.inject(`/api/track/${ticket}`);
    expect(publicView.statusCode).toBe(200);
    expect(JSON.stringify(publicView.json())).not.toContain('@example.id');
    expect(publicView.json().replies.map((r: { body: string }) => r.body)).toContain('Lubang sudah ditambal dengan aspal hotmix');
    expect((await t.app.inject(`/api/track/${ticket}?code=WRONG1`)).statusCode).toBe(404);

    expect((await t.app.inject({ method: 'POST', url: `/api/track/${ticket}/confirm`, payload: { code: access_code } })).json().status).toBe('ditutup');
    expect((await t.app.inject({ method: 'POST', url: `/api/track/${ticket}/rating`, payload: { code: access_code, score: 5, comment: 'Cepat!' } })).statusCode).toBe(201);

    const detail = (await t.app.inject({ url: `/api/cases/${ticket}`, headers: admin })).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['case.created', 'case.dispatch', 'case.start', 'comment.public', 'case.resolve', 'case.confirm', 'case.rated'].filter((a) => a !== 'comment.public'));
    expect(detail.rating).toEqual({ score: 5, comment: 'Cepat!' });
    expect(detail.attachments[0].role).toBe('after');
  });

  it('lets the citizen reopen within the window and answer a question, which resumes the clock', async () => {
    const { ticket, access_code } = await submit();
    await act(sudinJaksel, ticket, 'start');
    const asked = await act(sudinJaksel, ticket, 'request_info', { public_note: 'Mohon kirim titik lokasi yang tepat' });
    expect(asked.json().status).toBe('menunggu_pelapor');
    expect(asked.json().sla_paused_at).toBeTruthy();
    const answered = await t.app.inject({ method: 'POST', url: `/api/track/${ticket}/messages`, payload: { code: access_code, text: 'Depan Indomaret no. 12' } });
    expect(answered.json().status).toBe('proses');
    // What the citizen wrote is theirs: shown with the access code, not to anyone who knows the ticket.
    const bodies = (q: string) => t.app.inject(`/api/track/${ticket}${q}`).then((r) => r.json().replies.map((x: { from: string; body: string }) => `${x.from}:${x.body}`));
    expect(await bodies(`?code=${access_code}`)).toEqual(['petugas:Mohon kirim titik lokasi yang tepat', 'pelapor:Depan Indomaret no. 12']);
    expect(await bodies('')).toEqual(['petugas:Mohon kirim titik lokasi yang tepat']);
    const mp = multipart({ public_note: 'Selesai' }, [{ field: 'after', filename: 'a.jpg', type: 'image/jpeg', data: await jpeg() }]);
    await t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/resolve`, headers: { ...sudinJaksel, ...mp.headers }, payload: mp.payload });
    const reopened = await t.app.inject({ method: 'POST', url: `/api/track/${ticket}/reopen`, payload: { code: access_code, reason: 'Lubangnya muncul lagi' } });
    expect(reopened.json().status).toBe('proses');
    try {
      t.setNow('2026-12-20T02:00:00Z');
      const officer = await t.loginAs('agency_officer', { agencyId: 'sudin-bina-marga-31.74' });
      const again = await t.app.inject({ method: 'POST', url: `/api/cases/${ticket}/actions/resolve`, headers: { ...officer, ...mp.headers }, payload: mp.payload });
      expect(again.json().status).toBe('selesai');
      t.setNow('2027-01-20T02:00:00Z');
      const late = await t.app.inject({ method: 'POST', url: `/api/track/${ticket}/reopen`, payload: { code: access_code, reason: 'lagi' } });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('reopen_window_passed');
    } finally {
      t.setNow('2026-11-23T02:00:00Z');
    }
  });

  it('transfers with a reason, dispatches down the hierarchy only, and lets the Dinas see its Suku Dinas cases', async () => {
    const { ticket } = await submit();
    expect((await t.app.inject({ url: `/api/cases/${ticket}`, headers: dinas })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/cases/${ticket}`, headers: sudinJakpus })).statusCode).toBe(403);
    const sideways = await act(sudinJaksel, ticket, 'dispatch', { target_agency: 'sudin-sda-31.74' });
    expect(sideways.statusCode).toBe(403);
    const noReason = await act(sudinJaksel, ticket, 'transfer', { target_agency: 'sudin-sda-31.74' });
    expect(noReason.statusCode).toBe(422);
    const moved = await act(sudinJaksel, ticket, 'transfer', { target_agency: 'sudin-sda-31.74', reason: 'Ini saluran air, bukan jalan', misrouted: true });
    expect(moved.json().agency).toBe('sudin-sda-31.74');
    expect((await t.app.inject({ url: `/api/cases/${ticket}`, headers: sudinJaksel })).statusCode).toBe(403);
    const detail = (await t.app.inject({ url: `/api/cases/${ticket}`, headers: admin })).json();
    expect(detail.assignments).toEqual([
      expect.objectContaining({ agency: 'sudin-bina-marga-31.74', misrouted: true }),
      expect.objectContaining({ agency: 'sudin-sda-31.74', kind: 'transfer', ended_at: null }),
    ]);
  });

  it('merges a duplicate: the survivor keeps every reporter; rejects with a reason', async () => {
    const a = await submit();
    const b = await submit();
    const merged = await act(admin, b.ticket, 'merge', { target_case: (await t.app.inject({ url: `/api/cases/${a.ticket}`, headers: admin })).json().id });
    expect(merged.json().status).toBe('digabung');
    expect((await t.app.inject(`/api/track/${b.ticket}`)).json().merged_into_ticket).toBe(a.ticket);
    const survivor = (await t.app.inject({ url: `/api/cases/${a.ticket}`, headers: admin })).json();
    expect(survivor.reporters).toHaveLength(2);
    expect(survivor.support_count).toBe(1);
    // An officer may merge only into a case in their own scope: the target changes too.
    const own = await submit();
    const elsewhere = await submit({ location: { area_code: '31.71.01.1001' } });
    const elsewhereId = (await t.app.inject({ url: `/api/cases/${elsewhere.ticket}`, headers: admin })).json().id;
    const refused = await act(sudinJaksel, own.ticket, 'merge', { target_case: elsewhereId });
    expect(refused.statusCode).toBe(403);
    const untouched = (await t.app.inject({ url: `/api/cases/${elsewhere.ticket}`, headers: admin })).json();
    expect(untouched).toMatchObject({ support_count: 0 });
    expect(untouched.reporters).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/cases/${own.ticket}`, headers: admin })).json().status).not.toBe('digabung');
    const c = await submit();
    const rejected = await act(admin, c.ticket, 'reject', { reject_reason: 'bukan_wewenang', forwarded_to: 'Kementerian PUPR (jalan nasional) via LAPOR!', public_note: 'Jalan nasional, kewenangan pusat' });
    expect(rejected.json()).toMatchObject({ status: 'ditolak', reject_reason: 'bukan_wewenang', forwarded_to: 'Kementerian PUPR (jalan nasional) via LAPOR!' });
    expect((await act(admin, c.ticket, 'start')).statusCode).toBe(409);
  });

  it('a triage officer structures an unstructured case, which records the correction, then dispatches it', async () => {
    const triage = await t.loginAs('triage_operator');
    const res = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text: 'Tolong, got depan rumah mampet dan bau' } });
    const { ticket } = res.json();
    expect(res.json().status).toBe('menunggu');
    expect((await t.app.inject({ url: `/api/cases/${ticket}/routing`, headers: triage })).json()).toEqual({ agency: null, reason: 'no_category' });
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/cases/${ticket}`, headers: triage, payload: { category: 'saluran-tersumbat', area: '31.73.01.1001' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ category: 'saluran-tersumbat', area: '31.73.01.1001', status: 'menunggu' });
    const suggestion = (await t.app.inject({ url: `/api/cases/${ticket}/routing`, headers: triage })).json();
    expect(suggestion).toEqual({ agency: 'sudin-sda-31.73', reason: 'routing_table' });
    const sent = await act(triage, ticket, 'dispatch', { target_agency: suggestion.agency });
    expect(sent.json()).toMatchObject({ status: 'disposisi', agency: 'sudin-sda-31.73' });
    const detail = (await t.app.inject({ url: `/api/cases/${ticket}`, headers: admin })).json();
    expect(detail.timeline.find((e: { action: string }) => e.action === 'case.recategorized').after).toMatchObject({ category_code: 'saluran-tersumbat' });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/cases/${ticket}`, headers: triage, payload: { category: 'nope' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/cases/${ticket}`, headers: sudinJaksel, payload: { priority: 'tinggi' } })).statusCode).toBe(403);
  });

  it('searches with Indonesian stemming and pages with a cursor', async () => {
    await submit({ text: 'Ada lubang besar yang berbahaya' });
    const found = (await t.app.inject({ url: '/api/cases?q=berlubang&limit=2', headers: admin })).json();
    expect(found.items.length).toBeGreaterThan(0);
    for (const c of found.items) expect(c.description.toLowerCase()).toMatch(/lubang/);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { ticket: string }[]; next_cursor: string | null } = (await t.app.inject({ url: `/api/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: admin })).json();
      all.push(...page.items.map((c: { ticket: string }) => c.ticket));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    const n = Number((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(all.length).toBe(n);
  });
});
