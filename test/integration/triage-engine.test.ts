import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeModel } from '../../src/domain/triage/classifier/index.js';
import { WORKFLOW } from '../../src/domain/case/workflow.js';
import { linkAutoDuplicate } from '../../src/services/triage/link-duplicate.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { importAreaBoundaries } from '../../src/services/triage/import-areas.js';
import { installModel, trainModel } from '../../src/services/triage/model-versions.js';
import { StoredTriageEngine } from '../../src/services/triage/stored-engine.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { complaint, HAVE_BOUNDARIES, KELURAHAN_GEOJSON, syntheticExamples } from './triage-support.js';

const MONAS = { lat: -6.1754, lng: 106.8272 };
const flagsOf = (row: { flags: string | null }) => (row.flags ? (JSON.parse(row.flags) as string[]) : []);

describe(`triage engine in intake (${TEST_DIALECT})`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ productTriage: true });
    expect(t.ctx.triage).toBeInstanceOf(StoredTriageEngine);
  });
  afterAll(async () => t.close());

  it('without a model leaves the category to the officer and still flags emergencies', async () => {
    const res = await submitComplaint(t.ctx, complaint({ text: 'Kebakaran rumah warga, api besar dan ada korban terjebak di dalam!' }));
    expect(res.case.category_code).toBeNull();
    expect(res.case.status).toBe('menunggu');
    expect(res.case.priority).toBe('darurat');
    expect(flagsOf(res.case)).toContain('emergency');
    const ack = await t.ctx.database.db.selectFrom('outbox').select('payload').where('case_id', '=', res.case.id).executeTakeFirstOrThrow();
    expect(JSON.parse(ack.payload).vars.emergency).toBe(1);
  });

  it('finds the place in the text: "Kel. Cempaka Putih Timur"', async () => {
    const area = await t.ctx.database.db.selectFrom('areas').select('code').where('level', '=', 'kelurahan').where('name', 'like', '%Cempaka Putih Timur%').executeTakeFirstOrThrow();
    const res = await submitComplaint(t.ctx, complaint({ categoryCode: 'sampah', text: 'Sampah menumpuk di Jl. Letjen Suprapto, Kel. Cempaka Putih Timur, sudah seminggu' }));
    expect(res.case.area_code).toBe(area.code);
    expect(JSON.parse(res.case.triage!).areaSource).toBe('text');
    expect(res.case.status).toBe('disposisi');
  });

  describe('with a model trained on synthetic complaints', () => {
    beforeAll(async () => {
      const model = trainModel(syntheticExamples(60), t.ctx.clock(), { version: 'synthetic-test' });
      await installModel(t.ctx, serializeModel(model), 'test');
    });

    it('routes a confident text automatically', async () => {
      const res = await submitComplaint(t.ctx, complaint({ text: 'Lapor, jalan raya berlubang rusak parah dekat halte', location: { areaCode: '31.74.01.1001' } }));
      expect(res.triage?.confident).toBe(true);
      expect(res.case.category_code).toBe('jalan-rusak');
      expect(res.case.status).toBe('disposisi');
      expect(res.case.agency_id).toBe('sudin-bina-marga-31.74');
      expect(JSON.parse(res.case.triage!).model).toBe('synthetic-test');
    });

    it('leaves an unclear text in triage with three suggestions', async () => {
      const res = await submitComplaint(t.ctx, complaint({ text: 'Selamat siang, saya mau tanya prosedurnya bagaimana ya, terima kasih', location: { areaCode: '31.74.01.1001' } }));
      expect(res.case.status).toBe('menunggu');
      expect(res.case.category_code).toBeNull();
      const triage = JSON.parse(res.case.triage!);
      expect(triage.suggestions).toHaveLength(3);
      expect(triage.confidence).toBeLessThan(1);
    });
  });

  it('links a near-identical complaint at the same place, and suggests nothing for a different one', async () => {
    const text = 'Tumpukan sampah di depan pasar Senen sudah seminggu tidak diangkut dan baunya menyengat';
    const first = await submitComplaint(t.ctx, complaint({ categoryCode: 'sampah', text, location: { lat: -6.1766, lng: 106.8412 } }));
    const second = await submitComplaint(t.ctx, complaint({ categoryCode: 'sampah', text: `${text}.`, location: { lat: -6.1767, lng: 106.8413 } }));
    expect(flagsOf(second.case)).toContain(`duplicate_of:${first.case.id}`);
    // Intake merged it into the original right after its commit; both reporters now follow the original.
    expect(second.case).toMatchObject({ status: 'digabung', merged_into_id: first.case.id });
    const reporters = await t.ctx.database.db.selectFrom('case_reporters').select('reporter_id').where('case_id', '=', first.case.id).execute();
    expect(reporters).toHaveLength(2);
    expect(await linkAutoDuplicate(t.ctx, second)).toBe('flagged');
    const other = await submitComplaint(t.ctx, complaint({ categoryCode: 'sampah', text: 'Sampah di kali dekat rumah susun belum dibersihkan', location: { lat: -6.2, lng: 106.9 } }));
    expect(flagsOf(other.case).some((f) => f.startsWith('duplicate_of:'))).toBe(false);
  });

  it('links two reports of one incident that arrive at the same moment', async () => {
    const text = 'Pohon besar tumbang menutup jalan di depan sekolah dasar Kramat, kendaraan tidak bisa lewat';
    const at = { lat: -6.1857, lng: 106.8447 };
    // Both are assessed before either is committed, so neither search can see the other.
    const [a, b] = await Promise.all([
      submitComplaint(t.ctx, complaint({ categoryCode: 'pohon-tumbang', text, location: at })),
      submitComplaint(t.ctx, complaint({ categoryCode: 'pohon-tumbang', text: `${text}!`, location: { lat: at.lat + 0.0001, lng: at.lng } })),
    ]);
    const [first, second] = a.case.id < b.case.id ? [a, b] : [b, a];
    expect(second.triage?.flags.some((f) => f.startsWith('duplicate_of:'))).toBe(false);
    expect(first.case.status).not.toBe('digabung');
    expect(second.case).toMatchObject({ status: 'digabung', merged_into_id: first.case.id });
    const reporters = await t.ctx.database.db.selectFrom('case_reporters').select('reporter_id').where('case_id', '=', first.case.id).execute();
    expect(reporters).toHaveLength(2);
  });

  describe.skipIf(!HAVE_BOUNDARIES)('with imported boundaries', () => {
    beforeAll(async () => {
      const result = await importAreaBoundaries(t.ctx, fs.readFileSync(KELURAHAN_GEOJSON, 'utf8'));
      expect(result.ok).toBe(true);
    });

    it('a web complaint with only coordinates at Monas lands in Gambir and is routed', async () => {
      const res = await submitComplaint(t.ctx, complaint({ categoryCode: 'jalan-rusak', text: 'Aspal rusak di trotoar dekat Monas', location: { ...MONAS } }));
      const area = await t.ctx.database.db.selectFrom('areas').select(['name', 'parent_code']).where('code', '=', res.case.area_code!).executeTakeFirstOrThrow();
      expect(area.name).toMatch(/gambir/i);
      expect(JSON.parse(res.case.triage!).areaSource).toBe('coordinates');
      expect(res.case.status).toBe('disposisi');
      expect(res.case.agency_id).toBe('sudin-bina-marga-31.71');
    });

    it('keeps the geometry compact and rejects a broken file without changing anything', async () => {
      const before = await t.ctx.database.db.selectFrom('areas').select('geometry').where('code', '=', '31.71.01.1001').executeTakeFirstOrThrow();
      expect(before.geometry?.[0]).toMatch(/[PM]/);
      const bad = await importAreaBoundaries(t.ctx, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kode: '31.71.01.1001', nama: 'Gambir', level: 'kelurahan' }, geometry: null }] }));
      expect(bad.ok).toBe(false);
      const after = await t.ctx.database.db.selectFrom('areas').select('geometry').where('code', '=', '31.71.01.1001').executeTakeFirstOrThrow();
      expect(after.geometry).toBe(before.geometry);
    });
  });
});
