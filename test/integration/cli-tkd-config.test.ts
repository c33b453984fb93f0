import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TKD_CONFIG, tkdConfigJson } from '../../src/services/reports/tkd-config.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

const exec = promisify(execFile);
const CLI = path.resolve('bin/cepat.mjs');

describe(`cepat report tkd-config (${TEST_DIALECT})`, () => {
  let t: TestContext;
  const cepat = (args: string[], stdin?: string) => {
    const run = exec(process.execPath, [CLI, ...args], { env: { ...process.env, ...t.env } });
    run.child.stdin!.end(stdin ?? '');
    return run;
  };
  const show = async () => JSON.parse((await cepat(['report', 'tkd-config'])).stdout);
  const events = () => t.ctx.database.db.selectFrom('events').select(['actor', 'before', 'after']).where('action', '=', 'settings.tkd_config').orderBy('id').execute();
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('shows the default, saves a file, then a document from stdin, each audited', async () => {
    const defaults = tkdConfigJson(DEFAULT_TKD_CONFIG);
    expect(await show()).toEqual(defaults);

    const file = path.join(t.dataDir, 'tkd.json');
    fs.writeFileSync(file, JSON.stringify({ rule: { componentWeightPercent: 15 }, eselonScope: ['III'] }));
    const saved = JSON.parse((await cepat(['report', 'tkd-config', '--set', file])).stdout);
    const first = { rule: { ...defaults.rule, componentWeightPercent: 15 }, eselonScope: ['III'] };
    expect(saved).toEqual(first);
    expect(await show()).toEqual(first);

    // What `show` prints is a valid document: edit it and send it back on stdin.
    const second = { ...first, rule: { ...first.rule, scoreWhenNoData: 80 } };
    expect(JSON.parse((await cepat(['report', 'tkd-config', '--set', '-'], JSON.stringify(second))).stdout)).toEqual(second);
    expect(await show()).toEqual(second);

    const audit = await events();
    expect(audit.map((e) => e.actor)).toEqual(['system:cli', 'system:cli']);
    expect(audit.map((e) => [JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
      [defaults, first],
      [first, second],
    ]);
  });

  it('refuses an invalid document with both messages and a non-zero exit, saving nothing', async () => {
    const before = await show();
    const file = path.join(t.dataDir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ rule: { componentWeightPercent: 120, bands: [{ minScore: 10, lossPercentOfComponent: 0, label: 'baik' }] } }));
    const bad = await cepat(['report', 'tkd-config', '--set', file]).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('Aturan TKD tidak valid: rule: componentWeightPercent must be 0–100; rule: the last band must start at 0');
    expect(bad.stderr).toContain('(Invalid TKD rule: ');
    expect(bad.stderr).toContain('[validation_failed]');
    const notJson = await cepat(['report', 'tkd-config', '--set', '-'], '{ rule: ').catch((e) => e);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('tkd_config bukan JSON');
    expect(await show()).toEqual(before);
    expect(await events()).toHaveLength(2);
  });
}, 120_000);
