import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { HAVE_BOUNDARIES, KELURAHAN_GEOJSON, syntheticExamples } from './triage-support.js';

const exec = promisify(execFile);
const CLI = path.resolve('bin/cepat.mjs');

function csvOf(rows: { text: string; label: string }[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['teks,kategori', ...rows.map((r) => `${q(r.text)},${q(r.label)}`)].join('\n');
}

describe(`cepat areas / triage CLI (${TEST_DIALECT})`, () => {
  let t: TestContext;
  const cepat = (args: string[]) => exec(process.execPath, [CLI, ...args], { env: { ...process.env, ...t.env }, maxBuffer: 20 * 1024 * 1024 });
  beforeAll(async () => {
    t = await createTestContext({ productTriage: true });
  });
  afterAll(async () => t.close());

  it.skipIf(!HAVE_BOUNDARIES)('areas import then locate: Monas in Gambir, a point at sea outside', async () => {
    const imported = await cepat(['areas', 'import', KELURAHAN_GEOJSON]);
    expect(imported.stdout).toMatch(/imported 267 areas/);
    const monas = JSON.parse((await cepat(['areas', 'locate', '-6.1754', '106.8272'])).stdout);
    expect(monas).toMatchObject({ status: 'inside', kelurahan: { code: '31.71.01.1001', name: 'Gambir' }, kecamatan: { code: '31.71.01' }, kota: { code: '31.71' } });
    const sea = JSON.parse((await cepat(['areas', 'locate', '-5.95', '106.85'])).stdout);
    expect(sea.status).toBe('outside');
  }, 60_000);

  it('triage schedule shows and changes when the classifier retrains', async () => {
    expect(JSON.parse((await cepat(['triage', 'schedule'])).stdout)).toMatchObject({ every_hours: 24, last_run_at: null });
    expect(JSON.parse((await cepat(['triage', 'schedule', '--every', '48'])).stdout)).toMatchObject({ every_hours: 48 });
    const err = await cepat(['triage', 'schedule', '--every', 'weekly']).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/validation_failed/);
    expect(JSON.parse((await cepat(['triage', 'schedule'])).stdout)).toMatchObject({ every_hours: 48 });
  }, 120_000);

  it('areas import of a broken file fails with the reason and exit code 1', async () => {
    const file = path.join(t.dataDir, 'bad.geojson');
    fs.writeFileSync(file, '{"type":"Feature"}');
    const err = await cepat(['areas', 'import', file]).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/not_feature_collection[\s\S]*nothing imported/);
  }, 30_000);

  it('triage train, eval --json and install', async () => {
    const train = path.join(t.dataDir, 'train.csv');
    const test = path.join(t.dataDir, 'test.csv');
    const model = path.join(t.dataDir, 'model.json');
    fs.writeFileSync(train, csvOf(syntheticExamples(40, 3)));
    fs.writeFileSync(test, csvOf(syntheticExamples(10, 99)));
    await cepat(['triage', 'train', '--data', train, '--text-column', 'teks', '--label-column', 'kategori', '--out', model]);
    const { stdout } = await cepat(['triage', 'eval', '--model', model, '--data', test, '--text-column', 'teks', '--label-column', 'kategori', '--json']);
    const figures = JSON.parse(stdout);
    expect(figures.accuracy).toBeGreaterThan(0.8);
    expect(figures).toHaveProperty('macro_f1');
    expect(figures.per_class['sampah']).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number) });
    expect(figures.auto_route).toMatchObject({ coverage: expect.any(Number) });
    expect(figures.auto_route).toHaveProperty('threshold');
    expect(figures.auto_route).toHaveProperty('precision');
    await cepat(['triage', 'install', model]);
    const rows = await t.ctx.database.db.selectFrom('triage_models').select(['version', 'active']).execute();
    expect(rows.filter((r) => r.active === 1)).toHaveLength(1);
  }, 90_000);
});
