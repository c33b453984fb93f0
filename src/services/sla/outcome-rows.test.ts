import { describe, expect, it } from 'vitest';
import { createJakartaCalendar } from '../../domain/calendar/index.js';
import { type Appeal, type CaseOutcome, type MisrouteOutcome, applyAppeals, computeMonthlyFigures, outcomesFromClock } from '../../domain/scoring/index.js';
import { FIXTURE_APPEALS, FIXTURE_AS_OF, FIXTURE_CASES, FIXTURE_POLICY } from '../../domain/scoring/july-2025.fixture.js';
import { computeSlaClock } from '../../domain/sla/index.js';
import { linesOf, talliesOfLines, tallyOfFigures } from '../reports/tally.js';
import { type StoredOutcome, outcomeRows, statusAsOf, toCaseOutcome, toMisroute } from './outcome-rows.js';

/**
 * The stored rows must carry exactly what the pure figures read: outcomes → rows → outcomes as of the report
 * instant give the same monthly figures as the outcomes themselves, and the additive tallies (the SQL path)
 * give the same counts as the pure figures. Checked on the scoring module's hand-computed July 2025 fixture.
 */
const calendar = createJakartaCalendar();
const month = { month: '2025-07', utcOffsetMinutes: 420, asOf: FIXTURE_AS_OF };
const appeals = FIXTURE_APPEALS.map((a) => ({ ...a, caseId: String(FIXTURE_CASES.findIndex((c) => c.id === a.caseId) + 1) })) as unknown as Appeal[];

function build() {
  const direct: CaseOutcome[] = [];
  const misroutes: MisrouteOutcome[] = [];
  const stored: StoredOutcome[] = [];
  const storedMisroutes: MisrouteOutcome[] = [];
  FIXTURE_CASES.forEach((c, i) => {
    const caseId = i + 1;
    const clock = computeSlaClock({ timeline: c.events, policy: FIXTURE_POLICY, calendar, asOf: FIXTURE_AS_OF });
    const o = outcomesFromClock({ caseId: String(caseId), clock, rating: c.rating ?? null });
    direct.push(...o.outcomes);
    misroutes.push(...o.misroutes);
    // Rows written at the case's last event (not at the report instant): "timeless" rows.
    const lastEvent = new Date(Math.max(...c.events.map((e) => e.at.getTime())));
    const writeClock = computeSlaClock({ timeline: c.events, policy: FIXTURE_POLICY, calendar, asOf: lastEvent });
    const rows = outcomeRows({ caseId, clock: writeClock, channel: c.channel, areaCode: null, utcOffsetMinutes: 420, computedAt: lastEvent });
    for (const r of rows.outcomes.filter((x) => x.scope === 'agency')) stored.push({ ...(r as unknown as StoredOutcome), rating: r.rated === 1 ? (c.rating ?? null) : null });
    storedMisroutes.push(...rows.misroutes.map((m) => toMisroute(m as Parameters<typeof toMisroute>[0])));
  });
  return { direct, misroutes, stored, storedMisroutes };
}

describe('outcome rows', () => {
  it('read back as of the report instant, give the same monthly figures as the clock’s own outcomes', () => {
    const { direct, misroutes, stored, storedMisroutes } = build();
    const fromClock = computeMonthlyFigures(direct, { ...month, misroutes, appeals });
    const fromRows = computeMonthlyFigures(stored.map((r) => toCaseOutcome(r, FIXTURE_AS_OF)), { ...month, misroutes: storedMisroutes, appeals });
    const strip = (fs: typeof fromClock) => fs.map((f) => ({ ...f, backlog: { ...f.backlog } }));
    expect(strip(fromRows)).toEqual(strip(fromClock));
    expect(fromClock.length).toBe(3);
  });

  it('add up (lines → tallies) to the counts of the pure figures, appeals applied', () => {
    const { stored, storedMisroutes } = build();
    const outcomes = stored.map((r) => toCaseOutcome(r, FIXTURE_AS_OF));
    const applied = applyAppeals(outcomes, storedMisroutes, appeals);
    const tallies = talliesOfLines(linesOf(applied.outcomes, applied.misroutes, '2025-07', 420));
    for (const f of computeMonthlyFigures(outcomes, { ...month, misroutes: storedMisroutes, appeals })) {
      const ratingSum = applied.outcomes.filter((o) => o.agencyId === f.key && f.rating.caseIds.includes(o.caseId)).reduce((s, o) => s + (o.rating ?? 0), 0);
      expect([f.key, tallies.get(f.key)]).toEqual([f.key, tallyOfFigures(f, ratingSum)]);
    }
  });

  it('store an unmet target as pending with its due time, overdue only against the reader’s instant', () => {
    expect(statusAsOf('pending', '2025-07-10T09:00:00.000Z', '2025-07-10T09:00:00.000Z')).toBe('pending');
    expect(statusAsOf('pending', '2025-07-10T09:00:00.000Z', '2025-07-10T09:00:00.001Z')).toBe('overdue');
    expect(statusAsOf('paused', null, '2030-01-01T00:00:00.000Z')).toBe('paused');
    expect(statusAsOf(null, null, '2030-01-01T00:00:00.000Z')).toBeNull();
  });
});
