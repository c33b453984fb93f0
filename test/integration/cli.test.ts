import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findApiKey } from '../../src/services/auth/api-keys.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

const exec = promisify(execFile);
const CLI = path.resolve('bin/cepat.mjs');

describe(`cepat CLI (${TEST_DIALECT})`, () => {
  let t: TestContext;
  const cepat = (args: string[], env: Record<string, string> = {}) => exec(process.execPath, [CLI, ...args], { env: { ...process.env, ...t.env, ...env }, maxBuffer: 50 * 1024 * 1024 });
  beforeAll(async () => {
    t = await createTestContext();
    await submitComplaint(t.ctx, { channel: 'web', externalId: 'cli-1', receivedAt: new Date(), rawPayload: {}, text: 'Sampah, "bau", sekali\nbaris dua', categoryCode: 'sampah', location: { areaCode: '31.71.01.1001' }, reporter: { name: 'Siti Aminah', contactKind: 'email', contactValue: 'siti@example.id' } });
    await submitComplaint(t.ctx, { channel: 'web', externalId: 'cli-2', receivedAt: new Date(), rawPayload: {}, text: 'Rahasia', reporter: { name: 'Anonim', contactKind: 'email', contactValue: 'anon@example.id', anonymous: true } });
  });
  afterAll(async () => t.close());

  it('apikeys create prints the key as the last line, and it works', async () => {
    const { stdout } = await cepat(['apikeys', 'create', '--name', 'Fraksi Contoh']);
    const key = stdout.trim().split('\n').pop()!;
    expect(key).toMatch(/^cpt_[0-9a-f]{8}_/);
    expect(await findApiKey(t.ctx, key)).toMatchObject({ name: 'Fraksi Contoh' });
  });

  it('users add, list and passwd', async () => {
    await cepat(['users', 'add', 'lurah.gambir', '--role', 'territorial_officer', '--area', '31.71.01.1001', '--password', 'rahasia-lurah-1']);
    const { stdout } = await cepat(['users', 'list']);
    expect(JSON.parse(stdout).map((u: { username: string }) => u.username)).toContain('lurah.gambir');
    await cepat(['users', 'passwd', 'lurah.gambir'], { CEPAT_NEW_PASSWORD: 'rahasia-baru-22' });
    const bad = await cepat(['users', 'add', 'x', '--role', 'agency_officer', '--password', 'long-enough-1']).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/agencyId/);
  });

  it('exports cases as CSV without personal data, and with it only for an admin', async () => {
    const { stdout } = await cepat(['export', 'cases', '--format', 'csv']);
    const lines = stdout.trim().split('\n');
    expect(lines[0].split(',')).toContain('ticket');
    expect(stdout).not.toContain('siti@example.id');
    expect(stdout).toContain('"Sampah, ""bau"", sekali\nbaris dua"');
    const denied = await cepat(['export', 'cases', '--with-pii', '--admin-user', 'admin'], { CEPAT_EXPORT_PASSWORD: 'wrong-password' }).catch((e) => e);
    expect(denied.code).toBe(1);
    const pii = await cepat(['export', 'cases', '--format', 'jsonl', '--with-pii', '--admin-user', 'admin'], { CEPAT_EXPORT_PASSWORD: 'admin-password-1' });
    const rows = pii.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.find((r) => r.description?.startsWith('Sampah'))).toMatchObject({ reporter_name: 'Siti Aminah', reporter_contacts: 'email:siti@example.id' });
    expect(rows.find((r) => r.description === 'Rahasia')).toMatchObject({ reporter_name: null, reporter_contacts: null });
    const future = await cepat(['export', 'cases', '--format', 'jsonl', '--from', '2030-01-01']);
    expect(future.stdout).toBe('');
  });

  it('catalog export and import round-trip (YAML), all or nothing', async () => {
    const file = path.join(t.dataDir, 'catalog.yaml');
    await cepat(['catalog', 'export', '--out', file]);
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.categories.length).toBeGreaterThanOrEqual(25);
    expect(doc.agencies.find((a: { id: string }) => a.id === 'pd-pam-jaya')).toMatchObject({ kind: 'bumd' });
    doc.categories.find((c: { code: string }) => c.code === 'sampah').name = 'Sampah (diubah)';
    doc.agencies.find((a: { id: string }) => a.id === 'pd-bina-marga').head.name = 'Ir. Contoh, M.T.';
    fs.writeFileSync(file, YAML.stringify(doc));
    await cepat(['catalog', 'import', file]);
    expect((await t.ctx.database.db.selectFrom('categories').select('name_id').where('code', '=', 'sampah').executeTakeFirstOrThrow()).name_id).toBe('Sampah (diubah)');
    expect((await t.ctx.database.db.selectFrom('agencies').select('head_name').where('id', '=', 'pd-bina-marga').executeTakeFirstOrThrow()).head_name).toBe('Ir. Contoh, M.T.');
    doc.categories[0].default_level = 'planet';
    fs.writeFileSync(file, YAML.stringify(doc));
    const bad = await cepat(['catalog', 'import', file]).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/default_level/);
  });
}, 120_000);
