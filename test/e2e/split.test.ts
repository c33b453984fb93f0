import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { addUser } from '../../src/services/users/manage-users.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countOf, launchChromium, listen, POLL, shown, textOf } from './browser.js';
import { ensureWebBuilt, skipReason } from './web-build.js';

/**
 * Splitting a case in a real browser against an in-process server on SQLite: one complaint names a pothole
 * and a dead street light; an admin splits the light off (double-clicking "create"), follows the new ticket
 * and sees where it came from. Screenshots go to /tmp/cepat-split-*.png for a human look.
 */
const reason = skipReason();
if (reason) console.warn(`[e2e/split] skipped: ${reason}`);

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/cepat-split-${name}.png`, fullPage: true });


const GAMBIR = '31.71.01.1001';
const TEXT = 'Jalan berlubang besar di depan Pasar Baru dan lampu jalan di gang sebelahnya mati sejak seminggu.';
const PART = 'Lampu jalan di gang sebelah Pasar Baru mati sejak seminggu, gelap di malam hari.';

describe.skipIf(reason !== null)('splitting a case (browser)', { timeout: 45_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let parent = '';

  beforeAll(async () => {
    ensureWebBuilt();
    // The browser drops cookies that expired by its own clock: the server's clock must be the real one here.
    t = await createTestApp({ now: new Date().toISOString() });
    base = await listen(t);
    browser = await launchChromium();
    const r = await submitComplaint(t.ctx, {
      channel: 'web',
      externalId: 'e2e-split-1',
      receivedAt: new Date(),
      rawPayload: null,
      text: TEXT,
      categoryCode: 'jalan-rusak',
      location: { areaCode: GAMBIR, lat: -6.1663, lng: 106.8336 },
      reporter: { name: 'Dewi Lestari', contactKind: 'email', contactValue: 'dewi@example.id' },
    });
    parent = r.case.ticket;
    await addUser(t.ctx, { username: 'ani', password: 'rahasia-789', role: 'admin' });
    await addUser(t.ctx, { username: 'pantau', password: 'rahasia-987', role: 'monitor' });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(path: string, username: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(8_000);
    await page.goto(`${base}${path}`);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }

  const casesFrom = (ticket: string) =>
    t.ctx.database.db
      .selectFrom('cases as c')
      .innerJoin('cases as p', 'p.id', 'c.split_from_id')
      .select(['c.ticket', 'c.description', 'c.category_code', 'c.area_code', 'c.agency_id'])
      .where('p.ticket', '=', ticket)
      .execute();

  it('an admin splits the street light off into its own case, follows the new ticket and sees where it came from', async () => {
    const page = await signedIn(`/petugas/kasus/${parent}`, 'ani', 'rahasia-789');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await textOf(page.getByRole('heading', { level: 1 })).toContain(parent);
    const split = page.locator('section', { has: page.getByRole('heading', { name: 'Pecah laporan' }) });
    await split.getByRole('button', { name: 'Pisahkan masalah lain' }).click();

    // The text is required: nothing is sent without it.
    await split.getByRole('button', { name: 'Buat 1 laporan baru' }).click();
    await textOf(split.locator('.field-error')).toBe('Wajib diisi.');
    expect(await casesFrom(parent)).toEqual([]);

    await split.getByLabel('Uraian masalah').fill(PART);
    await countOf(split.locator('.field-error')).toBe(0);
    await split.getByLabel('Kategori').selectOption('pju-mati');
    // The place starts as the parent's.
    expect(await split.getByLabel('Kelurahan').inputValue()).toBe(GAMBIR);
    await split.getByLabel('Judul (opsional)').fill('PJU mati di gang Pasar Baru');
    await split.getByLabel('Alasan pemecahan (opsional)').fill('Dua masalah untuk dua instansi.');
    await shot(page, 'form');
    await split.getByRole('button', { name: 'Buat 1 laporan baru' }).dblclick();

    await shown(split.getByText('Laporan dipecah: 1 laporan baru dibuat.'));
    const links = split.getByTestId('split-created').getByRole('link');
    await countOf(links).toBe(1);
    const child = (await links.first().innerText()).trim();
    expect(child).toMatch(/^JKT-\d{4}-\d{6}$/);
    expect(child).not.toBe(parent);
    expect(await links.first().getAttribute('href')).toBe(`/petugas/kasus/${child}`);
    // The parent, reloaded, names its new case.
    await textOf(page.getByTestId('split-into')).toContain(child);
    await shot(page, 'parent');

    // The double click made one case: the light, in Gambir, routed to its own agency.
    const made = await casesFrom(parent);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ ticket: child, description: PART, category_code: 'pju-mati', area_code: GAMBIR });
    const own = await t.ctx.database.db.selectFrom('cases').select(['category_code', 'agency_id']).where('ticket', '=', parent).executeTakeFirstOrThrow();
    expect(own.category_code).toBe('jalan-rusak'); // the parent keeps its own problem
    expect(made[0].agency_id).toBeTruthy();
    expect(made[0].agency_id).not.toBe(own.agency_id);

    await links.first().click();
    await expect.poll(() => page.url(), POLL).toBe(`${base}/petugas/kasus/${child}`);
    await textOf(page.getByRole('heading', { level: 1 })).toContain(child);
    const from = page.locator('.facts dt', { hasText: 'Dipecah dari' });
    await shown(from);
    await textOf(page.getByTestId('split-from')).toBe(parent);
    await shown(page.locator('.description', { hasText: PART }));
    // A fresh panel on the new case: the parent's outcome does not follow the officer here.
    await countOf(page.getByTestId('split-created')).toBe(0);
    await shot(page, 'child');

    // And back to the parent through the "split from" link.
    await page.getByTestId('split-from').getByRole('link', { name: parent }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toContain(parent);
    expect(errors).toEqual([]);

    // The citizen tracking the original report finds the new one, and the way back from it.
    await page.goto(`${base}/lacak/${parent}`);
    await textOf(page.getByTestId('track-split-into')).toContain(child);
    await page.getByTestId('track-split-into').getByRole('link', { name: child }).click();
    await expect.poll(() => page.url(), POLL).toBe(`${base}/lacak/${child}`);
    await textOf(page.getByTestId('track-split-from')).toContain(parent);
    await page.context().close();
  });

  it('a monitor sees the split but cannot split; nor can anyone split a rejected case', async () => {
    const [made] = await casesFrom(parent);
    const monitor = await signedIn(`/petugas/kasus/${parent}`, 'pantau', 'rahasia-987');
    await textOf(monitor.getByTestId('split-into')).toContain(made.ticket);
    await shown(monitor.getByRole('heading', { name: 'Strukturkan laporan' }));
    expect(await monitor.getByRole('heading', { name: 'Pecah laporan' }).count()).toBe(0);
    await monitor.context().close();

    const auth = await t.loginAs('admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${made.ticket}/actions/reject`, headers: auth, payload: { reject_reason: 'spam' } });
    expect(res.statusCode, res.body).toBe(200);
    const admin = await signedIn(`/petugas/kasus/${made.ticket}`, 'ani', 'rahasia-789');
    await textOf(admin.getByRole('heading', { level: 1 })).toContain('Ditolak');
    await shown(admin.getByRole('heading', { name: 'Strukturkan laporan' }));
    expect(await admin.getByRole('heading', { name: 'Pecah laporan' }).count()).toBe(0);
    await admin.context().close();
  });
});
