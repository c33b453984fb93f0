import type { SlaPolicy, TimelineEvent } from '../sla/index.js';

/**
 * Hand-computed fixture for the scoring tests: 31 cases handled by three agencies around July 2025 (a month
 * without national holidays), with transfers, a misroute, a pause, reopenings, red flags and three appeals.
 * Every case is received at 08:00 (the opening) so working times are whole hours; the expected figures in
 * monthly-figures.test.ts were worked out by hand from these timelines, not by running the code.
 *
 * Targets (FIXTURE_POLICY): verification 16 working hours (intake holdings only), first response 8, follow-up
 * 16, resolution 40; red flag when follow-up is missing after 24 working hours. From 08:00 on day d these fall
 * due at 16:00 on d+1, d, d+1 and d+4 working days; the red flag at 16:00 on d+2.
 */
export const FIXTURE_POLICY: SlaPolicy = {
  id: 'fixture',
  name: 'fixture',
  match: {},
  targets: {
    verification: { amount: 16, unit: 'working_hours' },
    first_response: { amount: 8, unit: 'working_hours' },
    follow_up: { amount: 16, unit: 'working_hours' },
    resolution: { amount: 40, unit: 'working_hours' },
  },
  redFlag: { target: 'follow_up', after: { amount: 24, unit: 'working_hours' } },
};

export interface FixtureCase {
  readonly id: string;
  readonly channel: string;
  readonly rating?: number;
  readonly events: readonly TimelineEvent[];
}

/** `'9 10:00'` is 9 July 2025 10:00 WIB; a full `2025-08-05T10:00` names another month. */
const at = (when: string) => {
  if (when.includes('T')) return new Date(`${when}:00+07:00`);
  const [day, time] = when.split(' ');
  return new Date(`2025-07-${day.padStart(2, '0')}T${time}:00+07:00`);
};
const e = (when: string, kind: TimelineEvent['kind'], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ at: at(when), kind, ...extra });
const recv = (when: string, agencyId: string) => e(when, 'received', { agencyId });
/** verified, responded and followed up at the given times, then resolved (if given). */
const handled = (v: string | null, r: string | null, f: string | null, res?: string): TimelineEvent[] => [
  ...(v ? [e(v, 'verified')] : []),
  ...(r ? [e(r, 'responded')] : []),
  ...(f ? [e(f, 'followed_up')] : []),
  ...(res ? [e(res, 'resolved')] : []),
];

const A = 'dinas-a';
const B = 'dinas-b';
const C = 'kel-c';

export const FIXTURE_CASES: readonly FixtureCase[] = [
  { id: 'A1', channel: 'jaki', rating: 5, events: [recv('1 08:00', A), ...handled('1 09:00', '1 10:00', '1 12:00', '3 10:00')] },
  { id: 'A2', channel: 'jaki', rating: 4, events: [recv('1 08:00', A), ...handled('1 09:00', '2 09:00', '2 10:00', '7 10:00')] },
  { id: 'A3', channel: 'jaki', rating: 2, events: [recv('2 08:00', A), ...handled('2 10:00', '2 15:00', '4 09:00', '9 12:00')] },
  { id: 'A4', channel: 'jaki', events: [recv('2 08:00', A), e('2 08:30', 'responded'), e('2 09:00', 'followed_up'), e('3 08:00', 'verified')] },
  { id: 'A5', channel: 'jaki', events: [recv('3 08:00', A)] },
  {
    id: 'A6',
    channel: 'jaki',
    rating: 5,
    events: [
      recv('7 08:00', A),
      ...handled('7 09:00', '7 09:00', '7 10:00'),
      e('7 11:00', 'status_changed', { status: 'menunggu_pelapor' }),
      e('9 11:00', 'status_changed', { status: 'proses' }),
      e('11 15:00', 'resolved'),
    ],
  },
  {
    id: 'A7',
    channel: 'jaki',
    rating: 3,
    events: [recv('8 08:00', A), ...handled('8 09:00', '8 12:00', '9 15:00', '14 16:00'), e('16 09:00', 'reopened'), e('17 10:00', 'resolved')],
  },
  {
    id: 'A8',
    channel: 'jaki',
    rating: 4,
    events: [
      recv('10 08:00', A),
      ...handled('10 09:00', '10 09:00', '10 10:00'),
      e('11 10:00', 'transferred', { agencyId: B }),
      ...handled(null, '11 14:00', '14 09:00', '16 12:00'),
    ],
  },
  { id: 'A9', channel: 'jaki', rating: 4, events: [recv('14 08:00', A), ...handled('14 09:00', '14 10:00', '15 11:00', '18 16:00')] },
  { id: 'A10', channel: 'jaki', rating: 1, events: [recv('21 08:00', A), ...handled('21 09:00', '22 08:00', '22 09:00', '29 10:00')] },
  { id: 'A11', channel: 'jaki', events: [recv('28 08:00', A), ...handled('28 09:00', '28 09:00', '28 10:00', '31 15:00')] },
  { id: 'A12', channel: 'jaki', events: [recv('31 08:00', A), ...handled('31 10:00', '31 10:00', '31 11:00', '2025-08-05T10:00')] },
  { id: 'A13', channel: 'jaki', events: [recv('15 08:00', A)] },
  { id: 'A14', channel: 'jaki', rating: 5, events: [recv('22 08:00', A), ...handled('22 09:00', '22 09:00', '22 10:00', '23 10:00')] },

  { id: 'B1', channel: 'lapor', rating: 5, events: [recv('1 08:00', B), ...handled('1 09:00', '1 09:00', '1 10:00', '2 15:00')] },
  { id: 'B2', channel: 'lapor', rating: 5, events: [recv('2 08:00', B), ...handled('2 09:00', '2 10:00', '3 09:00', '4 10:00')] },
  { id: 'B3', channel: 'lapor', rating: 4, events: [recv('3 08:00', B), ...handled('3 09:00', '3 10:00', '4 10:00', '7 09:00')] },
  { id: 'B4', channel: 'lapor', rating: 2, events: [recv('7 08:00', B), ...handled('7 09:00', '7 11:00', '10 09:00', '15 10:00')] },
  {
    id: 'B5',
    channel: 'lapor',
    events: [recv('8 08:00', B), ...handled('8 09:00', '8 09:00', '8 10:00'), e('8 11:00', 'status_changed', { status: 'menunggu_pelapor' })],
  },
  { id: 'B6', channel: 'lapor', events: [recv('15 08:00', B), ...handled('15 09:00', '15 09:00', '15 10:00'), e('15 11:00', 'closed')] },
  {
    id: 'B7',
    channel: 'lapor',
    rating: 5,
    events: [recv('17 08:00', B), e('17 10:00', 'transferred', { agencyId: C }), ...handled(null, '17 11:00', '17 12:00', '18 12:00')],
  },
  { id: 'B8', channel: 'lapor', rating: 4, events: [recv('22 08:00', B), ...handled('22 09:00', '22 16:00', '23 16:00', '28 16:00')] },
  { id: 'B9', channel: 'lapor', events: [recv('24 08:00', B), e('24 09:00', 'verified')] },
  { id: 'B12', channel: 'lapor', rating: 2, events: [recv('10 08:00', B), ...handled('10 09:00', '11 09:00', '11 10:00', '17 10:00')] },

  { id: 'C0', channel: 'walkin', events: [recv('2025-06-10T08:00', C), ...handled('2025-06-10T09:00', '2025-06-10T09:00', '2025-06-10T10:00')] },
  { id: 'C1', channel: 'walkin', rating: 5, events: [recv('1 08:00', C), ...handled('1 09:00', '1 09:00', '1 09:00', '1 15:00')] },
  { id: 'C2', channel: 'walkin', rating: 3, events: [recv('4 08:00', C), ...handled('4 09:00', '7 09:00', '7 09:00', '7 10:00')] },
  {
    id: 'C3',
    channel: 'walkin',
    rating: 4,
    events: [
      recv('9 08:00', C),
      e('9 09:00', 'verified'),
      e('9 10:00', 'assigned', { agencyId: A }),
      e('11 10:00', 'transferred', { agencyId: B, misrouted: true }),
      ...handled(null, '11 11:00', '11 12:00', '14 12:00'),
    ],
  },
  { id: 'C4', channel: 'walkin', rating: 2, events: [recv('16 08:00', C), ...handled('16 09:00', '16 09:00', '21 09:00', '21 15:00')] },
  {
    id: 'C5',
    channel: 'walkin',
    rating: 4,
    events: [recv('23 08:00', C), ...handled('23 09:00', '23 09:00', '23 10:00', '24 10:00'), e('28 09:00', 'reopened'), e('28 15:00', 'resolved')],
  },
  { id: 'C6', channel: 'walkin', events: [recv('30 08:00', C), ...handled('30 09:00', '30 09:00', '30 10:00', '2025-08-04T10:00')] },
];

export const FIXTURE_APPEALS = [
  { id: 'AP1', caseId: 'A13', agencyId: A, decision: 'accepted', remedy: { kind: 'exclude' } },
  { id: 'AP2', caseId: 'A14', agencyId: A, decision: 'rejected', remedy: { kind: 'exclude' } },
  { id: 'AP3', caseId: 'B12', agencyId: B, decision: 'accepted', remedy: { kind: 'reattribute', toAgencyId: C } },
] as const;

/** Computed on 10 August 2025, after every July case had time to be decided. */
export const FIXTURE_AS_OF = new Date('2025-08-10T12:00:00+07:00');
