import type { SlaDuration, SlaPolicy } from './policy.js';

/**
 * Shipped policy sets. Every value is configuration; these are the documented defaults.
 *
 * Perpres 76/2013 (with UU 25/2009 art. 50): a complaint is settled within 60 days at most. The text says
 * "hari", not "hari kerja", so it is 60 calendar days (1,440 calendar hours), counted per holding agency.
 */
export const PERPRES_76_2013_RESOLUTION: SlaDuration = Object.freeze({ amount: 60 * 24, unit: 'calendar_hours' });

/**
 * Jakarta red flag (announced May 2025 with the JAKI relaunch): a complaint not followed up within "6 hari"
 * gets a red flag and cuts the TKD of the responsible officials. The announcements say "6 hari" without
 * "kerja"; the product counts **6 working days** because (a) Jakarta's complaint deadlines are otherwise
 * counted in working days, and (b) the flag is an automatic pay sanction: counted in calendar days, every
 * report received just before a long break (Lebaran 2025 closed offices from 28 March to 7 April) would be
 * flagged while nobody was at work, and each would be appealed. A city that wants the stricter reading sets
 * `{ amount: 144, unit: 'calendar_hours' }`.
 */
export const JAKARTA_RED_FLAG: NonNullable<SlaPolicy['redFlag']> = Object.freeze({
  target: 'follow_up',
  after: Object.freeze({ amount: 6, unit: 'working_days' }),
});

/** LAPOR! SP4N deadlines (lapor.go.id), used as national defaults. */
const LAPOR_VERIFICATION: SlaDuration = { amount: 3, unit: 'working_days' };
const LAPOR_FOLLOW_UP: SlaDuration = { amount: 5, unit: 'working_days' };
const LAPOR_AUTO_CLOSE: SlaDuration = { amount: 10, unit: 'working_days' };

/**
 * Jakarta (JAKI / CRM). The kelurahan receives a geotagged report first and must follow it up within 24
 * hours (SE Sekda 61/SE/2018) — calendar hours, since the rule is phrased as a day and kelurahan posts also
 * work on Sundays. Other agencies have no published follow-up deadline besides the red flag, so their
 * follow-up target is the red-flag limit itself (reminders at 50 % then give three working days' warning).
 * Verification uses the LAPOR! 3 working days, to which Jakarta's CRM is connected. No first-response target
 * is published for Jakarta; none is set (add one per policy if the city adopts it). A resolved case the
 * citizen does not answer is closed after the LAPOR! 10 working days (Jakarta's CRM is connected to LAPOR!).
 */
export const JAKARTA_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze([
  {
    id: 'jakarta-kelurahan',
    name: 'Jakarta — kelurahan',
    match: { agencyLevel: 'kelurahan' },
    targets: {
      verification: LAPOR_VERIFICATION,
      follow_up: { amount: 24, unit: 'calendar_hours' },
      resolution: PERPRES_76_2013_RESOLUTION,
    },
    redFlag: JAKARTA_RED_FLAG,
    autoCloseAfterResolution: LAPOR_AUTO_CLOSE,
    source: 'SE Sekda DKI 61/SE/2018; JAKI red flag (2025); Perpres 76/2013',
  },
  {
    id: 'jakarta-default',
    name: 'Jakarta — perangkat daerah',
    match: {},
    targets: {
      verification: LAPOR_VERIFICATION,
      follow_up: JAKARTA_RED_FLAG.after,
      resolution: PERPRES_76_2013_RESOLUTION,
    },
    redFlag: JAKARTA_RED_FLAG,
    autoCloseAfterResolution: LAPOR_AUTO_CLOSE,
    source: 'JAKI red flag (2025); LAPOR! verification; Perpres 76/2013',
  },
]);

/**
 * LAPOR! SP4N: verification within 3 working days, the agency follows up within 5 working days, a resolved
 * report without the citizen's answer is closed after 10 working days; settlement per Perpres 76/2013.
 */
export const LAPOR_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze([
  {
    id: 'lapor-sp4n',
    name: 'LAPOR! SP4N',
    match: {},
    targets: {
      verification: LAPOR_VERIFICATION,
      follow_up: LAPOR_FOLLOW_UP,
      resolution: PERPRES_76_2013_RESOLUTION,
    },
    autoCloseAfterResolution: LAPOR_AUTO_CLOSE,
    source: 'LAPOR! SP4N; Perpres 76/2013',
  },
]);

/**
 * Urgent matters (flooding, fallen trees, dengue, violence against women and children: categories marked
 * `jakarta-urgent`, or any case triage raised to priority `tinggi`). No published deadline exists; the
 * product default applies the kelurahan's 24-hour follow-up rule to every unit and verifies within one working
 * day. Settlement and the red flag stay the Jakarta rules.
 */
export const JAKARTA_URGENT_POLICY: SlaPolicy = Object.freeze<SlaPolicy>({
  id: 'jakarta-urgent',
  name: 'Jakarta — mendesak',
  match: {},
  targets: {
    verification: { amount: 1, unit: 'working_days' },
    follow_up: { amount: 24, unit: 'calendar_hours' },
    resolution: PERPRES_76_2013_RESOLUTION,
  },
  redFlag: JAKARTA_RED_FLAG,
  autoCloseAfterResolution: LAPOR_AUTO_CLOSE,
  source: 'product default (SE Sekda DKI 61/SE/2018 generalised); JAKI red flag (2025); Perpres 76/2013',
});

/**
 * Emergencies (fire, disasters: categories marked `emergency`, or priority `darurat`). Citizens are told to
 * call 112 at intake; the complaint channel still owes a quick answer. Calendar hours, because emergency
 * services work around the clock. Product defaults, not published figures: verify and answer within 1 hour,
 * follow up within 6 hours, red flag when there is no follow-up after 24 hours.
 */
export const EMERGENCY_POLICY: SlaPolicy = Object.freeze<SlaPolicy>({
  id: 'emergency',
  name: 'Kedaruratan',
  match: {},
  targets: {
    verification: { amount: 1, unit: 'calendar_hours' },
    first_response: { amount: 1, unit: 'calendar_hours' },
    follow_up: { amount: 6, unit: 'calendar_hours' },
    resolution: PERPRES_76_2013_RESOLUTION,
  },
  redFlag: { target: 'follow_up', after: { amount: 24, unit: 'calendar_hours' } },
  autoCloseAfterResolution: LAPOR_AUTO_CLOSE,
  source: 'product default; Perpres 76/2013',
});

const byPriority = (policy: SlaPolicy, priority: string): SlaPolicy =>
  Object.freeze({ ...policy, id: `${policy.id}@${priority}`, match: { priority } });

/**
 * The shipped policy sets, keyed by the `sla_policy` code a category names. Inside a set the clock picks per
 * holding by priority and agency level (selectPolicy), so a case triage raised to `tinggi` or `darurat` gets
 * the stricter targets whatever its category's set. Every set has a catch-all.
 */
export const DEFAULT_SLA_POLICY_SETS: Readonly<Record<string, readonly SlaPolicy[]>> = Object.freeze({
  'jakarta-default': Object.freeze([
    ...JAKARTA_SLA_POLICIES,
    byPriority(JAKARTA_URGENT_POLICY, 'tinggi'),
    byPriority(EMERGENCY_POLICY, 'darurat'),
  ]),
  'jakarta-urgent': Object.freeze([JAKARTA_URGENT_POLICY, byPriority(EMERGENCY_POLICY, 'darurat')]),
  lapor: Object.freeze([...LAPOR_SLA_POLICIES, byPriority(EMERGENCY_POLICY, 'darurat')]),
  emergency: Object.freeze([EMERGENCY_POLICY]),
});

/** The set used for a case without a category (still in the triage queue) or naming an unknown set. */
export const FALLBACK_SLA_POLICY_SET = 'jakarta-default';
