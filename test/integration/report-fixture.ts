import { ADMIN, CaseDriver, officer } from './sla-helpers.js';

/**
 * A hand-computed month: 22 cases around July 2025 (no national holiday in July; 17–18 August are), loaded
 * through the real services (intake, workflow actions, replies, ratings). Three units, each under its own
 * policy through the case's category:
 * - K = Kelurahan Gambir (`lainnya`, Jakarta kelurahan policy): verify within 3 working days (close of H+3),
 *   follow up within 24 hours, settle within 60 days, red flag at the close of H+6;
 * - S = Suku Dinas Satpol PP Jakarta Pusat (`kebisingan`, Jakarta default): follow up by the close of H+6, red
 *   flag at the same time;
 * - L = Suku Dinas Dukcapil Jakarta Pusat (`adminduk`, LAPOR!): follow up by the close of H+5, no red flag.
 * Office hours 08:00–16:00 WIB. The expected figures in report-figures.test.ts are worked out by hand from the
 * comments here (working hours in brackets), not by running the code.
 */
export const K = 'kel-31.71.01.1001';
export const S = 'sudin-satpol-pp-31.71';
export const L = 'sudin-dukcapil-31.71';
export const FIXTURE_AS_OF = '2025-08-20 10:00';

export type FixtureCases = Record<string, { id: number; ticket: string; accessCode: string }>;

export async function loadJulyFixture(d: CaseDriver): Promise<FixtureCases> {
  const c: FixtureCases = {};
  const k = officer(K, 9101);
  const s = officer(S, 9102);
  const l = officer(L, 9103);
  const kel = (name: string, when: string) => d.submit(when, 'lainnya', '31.71.01.1001', 'jaki').then((r) => (c[name] = r));
  const sat = (name: string, when: string) => d.submit(when, 'kebisingan', '31.71.01.1001', 'sms').then((r) => (c[name] = r));
  const dis = (name: string, when: string) => d.submit(when, 'adminduk', '31.71.01.1002', 'web').then((r) => (c[name] = r));
  const resolve = (when: string, name: string, who = k) => d.act(when, c[name].id, 'resolve', who, { publicNote: 'Sudah ditangani' });
  const citizen = (name: string) => ({ kind: 'citizen' as const, reporterId: 1 + Object.keys(c).indexOf(name) });

  // K10: received 30 June (June cohort), untouched: red flag Tue 8 July 16:00; in the July backlog (31.7 days).
  await kel('K10', '2025-06-30 08:00');
  // K1: start after 2 h, resolved next day; rated 5. ver/fu/res met; response [2], resolution [10].
  await kel('K1', '2025-07-01 08:00');
  await d.act('2025-07-01 10:00', c.K1.id, 'start', k);
  await resolve('2025-07-02 10:00', 'K1');
  await d.rate('2025-07-02 11:00', c.K1.ticket, c.K1.accessCode, 5);
  // K2: started after 25 h (follow-up due Wed 08:00: missed); rated 3. response [9], resolution [20].
  await kel('K2', '2025-07-01 08:00');
  await d.act('2025-07-02 09:00', c.K2.id, 'start', k);
  await resolve('2025-07-03 12:00', 'K2');
  await d.rate('2025-07-03 13:00', c.K2.ticket, c.K2.accessCode, 3);
  // K3: untouched. ver overdue (Mon 7 16:00), fu overdue (Thu 3 08:00), red flag Thu 10 16:00; backlog 29.7 d.
  await kel('K3', '2025-07-02 08:00');
  // K4: asks the citizen after 2 h (response [2]; pause Thu 10:00 → Mon 10:00), then starts and resolves:
  // fu due moves to Tue 8 08:00 (met), resolution [2 + 5 = 7].
  await kel('K4', '2025-07-03 08:00');
  await d.act('2025-07-03 10:00', c.K4.id, 'request_info', k, { publicNote: 'Mohon kirim foto lokasi' });
  await d.act('2025-07-07 10:00', c.K4.id, 'citizen_reply', citizen('K4'));
  await d.act('2025-07-07 11:00', c.K4.id, 'start', k);
  await resolve('2025-07-07 15:00', 'K4');
  // K5: rejected after 1 h: verification met (a decision), follow-up and settlement cancelled; no response.
  await kel('K5', '2025-07-04 08:00');
  await d.act('2025-07-04 09:00', c.K5.id, 'reject', k, { rejectReason: 'bukan_wewenang', publicNote: 'Bukan wewenang kelurahan' });
  // K6: K starts after 1 h [response 1] and transfers to S at 10:00 (handed over). S's own clock starts then:
  // S starts Tue 8 09:00 [6 + 1 = 7], resolves Wed 9 12:00 [6 + 8 + 4 = 18]; rated 4 (credited to S).
  await kel('K6', '2025-07-07 08:00');
  await d.act('2025-07-07 09:00', c.K6.id, 'start', k);
  await d.act('2025-07-07 10:00', c.K6.id, 'transfer', k, { targetAgencyId: S, reason: 'Wewenang Satpol PP' });
  await d.act('2025-07-08 09:00', c.K6.id, 'start', s);
  await resolve('2025-07-09 12:00', 'K6', s);
  await d.rate('2025-07-09 13:00', c.K6.ticket, c.K6.accessCode, 4);
  // K7: started a week late (ver and fu missed; red flag due Tue 15 16:00 avoided); rated 2.
  // response [5 × 8 + 1 = 41], resolution [6 × 8 + 2 = 50].
  await kel('K7', '2025-07-07 08:00');
  await d.act('2025-07-14 09:00', c.K7.id, 'start', k);
  await resolve('2025-07-15 10:00', 'K7');
  await d.rate('2025-07-15 11:00', c.K7.ticket, c.K7.accessCode, 2);
  // K8: a staff reply after 1 h [response 1], nothing else: ver and fu overdue, red flag Wed 16 16:00; backlog 23.7 d.
  await kel('K8', '2025-07-08 08:00');
  await d.reply('2025-07-08 09:00', c.K8.id, k);
  // K9: started after 1 h and still in progress: ver, fu met; settlement pending; backlog 3.7 d.
  await kel('K9', '2025-07-28 08:00');
  await d.act('2025-07-28 09:00', c.K9.id, 'start', k);
  // K11: received in August: in no July figure.
  await kel('K11', '2025-08-04 08:00');

  // S1: start after 5 h, resolved Thu 10:00; rated 5. response [5], resolution [8 + 8 + 2 = 18].
  await sat('S1', '2025-07-01 08:00');
  await d.act('2025-07-01 13:00', c.S1.id, 'start', s);
  await resolve('2025-07-03 10:00', 'S1', s);
  await d.rate('2025-07-03 11:00', c.S1.ticket, c.S1.accessCode, 5);
  // S2: started Fri 11 09:00, after the red flag (Thu 10 16:00): ver, fu missed; rated 1.
  // response [7 × 8 + 1 = 57], resolution [56 + 7 = 63].
  await sat('S2', '2025-07-02 08:00');
  await d.act('2025-07-11 09:00', c.S2.id, 'start', s);
  await resolve('2025-07-11 15:00', 'S2', s);
  await d.rate('2025-07-11 16:00', c.S2.ticket, c.S2.accessCode, 1);
  // S3: resolved next day [response 1, resolution 9], reopened by the citizen Mon 7, resolved again; rated 3.
  await sat('S3', '2025-07-03 08:00');
  await d.act('2025-07-03 09:00', c.S3.id, 'start', s);
  await resolve('2025-07-04 09:00', 'S3', s);
  await d.act('2025-07-07 10:00', c.S3.id, 'reopen', citizen('S3'), { reason: 'Masih bising setiap malam' });
  await resolve('2025-07-08 10:00', 'S3', s);
  await d.rate('2025-07-08 11:00', c.S3.ticket, c.S3.accessCode, 3);
  // S4: untouched: ver overdue (Thu 10), fu overdue and red flag (Tue 15 16:00); backlog 24.7 d.
  await sat('S4', '2025-07-07 08:00');
  // S5: S passes it to K after 2 h (verification and follow-up met by handing on); K declares the next day that
  // it was misrouted and passes it to L: K's day is charged to S (a misroute). L: received Wed 9 10:00 (its own
  // clock, Jakarta policy through the category), starts Thu 09:00 [7], resolves Fri 10:00 [6 + 8 + 2 = 16];
  // rated 2 (credited to L).
  await sat('S5', '2025-07-08 08:00');
  await d.act('2025-07-08 10:00', c.S5.id, 'transfer', s, { targetAgencyId: K, reason: 'Urusan lingkungan RT' });
  await d.act('2025-07-09 10:00', c.S5.id, 'transfer', k, { targetAgencyId: L, reason: 'Masalah kependudukan', misrouted: true });
  await d.act('2025-07-10 09:00', c.S5.id, 'start', l);
  await resolve('2025-07-11 10:00', 'S5', l);
  await d.rate('2025-07-11 11:00', c.S5.ticket, c.S5.accessCode, 2);

  // L1: a staff reply after 1 h [response 1], start Wed 08:00, resolved Wed 12:00 [12]; rated 4.
  await dis('L1', '2025-07-01 08:00');
  await d.reply('2025-07-01 09:00', c.L1.id, l);
  await d.act('2025-07-02 08:00', c.L1.id, 'start', l);
  await resolve('2025-07-02 12:00', 'L1', l);
  await d.rate('2025-07-02 13:00', c.L1.ticket, c.L1.accessCode, 4);
  // L2: started Wed 9 10:00: verification (Mon 7) missed, follow-up (close of Wed 9) met.
  // response [5 × 8 + 2 = 42], resolution [40 + 8 + 2 = 50].
  await dis('L2', '2025-07-02 08:00');
  await d.act('2025-07-09 10:00', c.L2.id, 'start', l);
  await resolve('2025-07-10 10:00', 'L2', l);
  // L3: untouched: ver (Thu 17) and fu (Mon 21) overdue; LAPOR! has no red flag; backlog 17.7 d.
  await dis('L3', '2025-07-14 08:00');
  // L4: asks the citizen after 1 h [response 1] and is still waiting: every target paused; backlog 7.7 d.
  await dis('L4', '2025-07-24 08:00');
  await d.act('2025-07-24 09:00', c.L4.id, 'request_info', l, { publicNote: 'Mohon unggah KK' });
  // L5: started Fri 11 (ver, fu missed), resolved [response 8 × 8 + 1 = 65, resolution 68]. Appealed: exclude.
  await dis('L5', '2025-07-01 08:00');
  await d.act('2025-07-11 09:00', c.L5.id, 'start', l);
  await resolve('2025-07-11 12:00', 'L5', l);
  // L6: handled in 3 h [response 1, resolution 3]; rated 5. Appealed: count it for K instead.
  await dis('L6', '2025-07-07 08:00');
  await d.act('2025-07-07 09:00', c.L6.id, 'start', l);
  await resolve('2025-07-07 11:00', 'L6', l);
  await d.rate('2025-07-07 12:00', c.L6.ticket, c.L6.accessCode, 5);

  d.at(FIXTURE_AS_OF);
  void ADMIN;
  return c;
}
