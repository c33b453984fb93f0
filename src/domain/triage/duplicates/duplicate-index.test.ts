import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_DUPLICATE_CONFIG, type DuplicateConfig } from './duplicate-config.js';
import { DuplicateIndex, type OpenCaseInput } from './duplicate-index.js';

const T0 = Date.UTC(2025, 2, 1);
const METRE = 1 / 111_195; // degrees of latitude per metre
const config: DuplicateConfig = {
  ...DEFAULT_DUPLICATE_CONFIG,
  categories: { banjir: { radiusMetres: 1000, windowDays: 3 } },
  suggestThreshold: 0.2,
  autoLinkThreshold: 0.8,
};
const words = (s: string) => s.split(' ');
const base = { category: 'jalan-rusak', lat: -6.2, lng: 106.8, createdAt: T0 };
// Background cases give the IDF weights a population.
function seeded(): DuplicateIndex {
  const index = new DuplicateIndex(config);
  const filler = ['sampah menumpuk bau', 'lampu jalan mati gelap', 'parkir liar macet', 'air pam mati', 'pohon rawan tumbang'];
  filler.forEach((text, i) => index.insert({ id: `bg${i}`, ...base, category: 'lain', tokens: words(text) }));
  return index;
}

describe('DuplicateIndex', () => {
  it('suggests a paraphrase nearby and auto-links a near copy', () => {
    const index = seeded();
    index.insert({ id: 'a', ...base, tokens: words('jalan lubang besar kramat raya depan indomaret') });
    index.insert({ id: 'b', ...base, lat: base.lat + 50 * METRE, tokens: words('lubang dalam kramat raya indomaret motor jatuh') });
    index.insert({ id: 'c', ...base, tokens: words('trotoar rusak salemba ubin lepas') });
    const found = index.findCandidates({ ...base, lat: base.lat + 20 * METRE, tokens: words('jalan lubang besar kramat raya depan indomaret') });
    expect(found.map((c) => c.id)).toEqual(['a', 'b']);
    expect(found[0]).toMatchObject({ autoLink: true, distanceMetres: 20, ageDays: 0 });
    expect(found[1].autoLink).toBe(false);
    expect(found[1].score).toBeLessThan(found[1].textScore);
  });

  it('keeps to the category, its radius and its time window', () => {
    const index = seeded();
    const tokens = words('banjir setinggi lutut rumah warga');
    index.insert({ id: 'near', ...base, category: 'banjir', lat: base.lat + 900 * METRE, tokens });
    index.insert({ id: 'far', ...base, category: 'banjir', lat: base.lat + 1100 * METRE, tokens });
    index.insert({ id: 'old', ...base, category: 'banjir', createdAt: T0 - 4 * DAY_MS, tokens });
    index.insert({ id: 'other-category', ...base, category: 'saluran-air', tokens });
    index.insert({ id: 'road-300m', ...base, lat: base.lat + 300 * METRE, tokens });
    expect(index.findCandidates({ ...base, category: 'banjir', tokens }).map((c) => c.id)).toEqual(['near']);
    expect(index.findCandidates({ ...base, tokens }).map((c) => c.id)).toEqual([]);
  });

  it('finds reports without coordinates through their area, and unplaced ones among themselves', () => {
    const index = seeded();
    const tokens = words('lampu jalan mati gelap kramat');
    index.insert({ id: 'geo', ...base, areaCode: '31.71.04.1003', tokens });
    index.insert({ id: 'sms', ...base, lat: null, lng: null, areaCode: '31.71.04.1003', tokens });
    index.insert({ id: 'sms-other-area', ...base, lat: null, lng: null, areaCode: '31.71.04.1004', tokens });
    index.insert({ id: 'nowhere', ...base, lat: undefined, lng: undefined, tokens });
    const byArea = (q: Partial<OpenCaseInput>) => index.findCandidates({ ...base, tokens, ...q }).map((c) => c.id).sort();
    expect(byArea({ lat: null, lng: null, areaCode: '31.71.04.1003' })).toEqual(['geo', 'sms']);
    expect(byArea({ areaCode: '31.71.04.1003' })).toEqual(['geo', 'sms']);
    expect(byArea({})).toEqual(['geo']);
    expect(byArea({ lat: null, lng: null })).toEqual(['nowhere']);
    expect(index.findCandidates({ ...base, lat: null, lng: null, areaCode: '31.71.04.1003', tokens })[0].distanceMetres).toBeNull();
  });

  it('forgets removed cases, replaces a re-inserted id and skips the case being checked', () => {
    const index = seeded();
    const tokens = words('got mampet sampah bau nyamuk');
    index.insert({ id: 'x', ...base, tokens });
    index.insert({ id: 'y', ...base, tokens });
    expect(index.size).toBe(7);
    expect(index.findCandidates({ ...base, tokens, excludeId: 'x' }).map((c) => c.id)).toEqual(['y']);
    expect(index.remove('y')).toBe(true);
    expect(index.remove('y')).toBe(false);
    expect(index.findCandidates({ ...base, tokens }).map((c) => c.id)).toEqual(['x']);
    index.insert({ id: 'x', ...base, lat: base.lat + 5000 * METRE, tokens });
    expect(index.findCandidates({ ...base, tokens })).toEqual([]);
    expect(index.size).toBe(6);
  });

  it('refuses an invalid creation time', () => {
    expect(() => seeded().insert({ id: 'bad', ...base, createdAt: new Date('nope'), tokens: ['x'] })).toThrow(RangeError);
  });

  it('weighs rare words above common ones', () => {
    const index = seeded();
    for (let i = 0; i < 30; i++) index.insert({ id: `common${i}`, ...base, lat: 0, lng: 0, tokens: words('jalan rusak') });
    index.insert({ id: 'rare', ...base, tokens: words('jalan rusak angsana') });
    index.insert({ id: 'common', ...base, tokens: words('jalan rusak kemarin') });
    const found = index.findCandidates({ ...base, tokens: words('angsana jalan') });
    expect(found[0].id).toBe('rare');
  });

  it('gives the same answers as a full scan, wherever the points fall relative to the grid', () => {
    const vocabulary = words('jalan lubang rusak got mampet sampah lampu mati kramat salemba indomaret masjid banjir');
    const caseArb = fc.record({
      category: fc.constantFrom('jalan-rusak', 'banjir'),
      dy: fc.integer({ min: -1500, max: 1500 }),
      dx: fc.integer({ min: -1500, max: 1500 }),
      days: fc.integer({ min: -20, max: 20 }),
      placed: fc.boolean(),
      area: fc.constantFrom(null, 'A', 'B'),
      tokens: fc.subarray(vocabulary, { minLength: 1 }),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 60 }), caseArb, (cases, q) => {
        const index = new DuplicateIndex({ ...config, suggestThreshold: 0.01, maxCandidates: 100 });
        const toInput = (c: typeof q, id: string): OpenCaseInput => ({
          id,
          category: c.category,
          lat: c.placed ? -6.2 + c.dy * METRE : null,
          lng: c.placed ? 106.8 + c.dx * METRE : null,
          areaCode: c.area,
          createdAt: T0 + c.days * DAY_MS,
          tokens: c.tokens,
        });
        cases.forEach((c, i) => index.insert(toInput(c, `c${i}`)));
        const query = toInput(q, 'q');
        expect(index.findCandidates(query)).toEqual(index.findCandidatesByScan(query));
      }),
      { numRuns: 200 },
    );
  });
});
