import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { importAreaBoundaries } from '../../src/services/triage/import-areas.js';
import { addUser } from '../../src/services/users/manage-users.js';
import { K, L } from '../integration/report-fixture.js';
import { CaseDriver, officer } from '../integration/sla-helpers.js';
import { HAVE_BOUNDARIES, KELURAHAN_GEOJSON } from '../integration/triage-support.js';
import { jpeg } from '../support/images.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countOf, launchChromium, listen, POLL, shown, textOf } from './browser.js';
import { ensureWebBuilt, skipReason } from './web-build.js';

/**
 * The web UI in a real browser against an in-process server on SQLite: a citizen files a complaint with a
 * photo (double-clicking "send"), an officer finds it, structures and dispatches it, and the citizen tracks
 * it with the access code. Screenshots go to /tmp/cepat-ui-*.png for a human look.
 */
const reason = skipReason();
if (reason) console.warn(`[e2e/ui] skipped: ${reason}`);

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/cepat-ui-${name}.png`, fullPage: true });

/** Where a real click lands on the element itself (not on a point drawn over it), in viewport pixels. */
async function spotOn(l: Locator): Promise<{ x: number; y: number }> {
  await l.scrollIntoViewIfNeeded();
  const spot = await l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const at = { x: r.left + (r.width * i) / 24, y: r.top + (r.height * j) / 24 };
        if (el.ownerDocument.elementFromPoint(at.x, at.y) === el) return at;
      }
    }
    return null;
  });
  expect(spot, 'no visible spot on the element').not.toBeNull();
  return spot!;
}

// A shared two-core machine can make one browser step slow: each test gets 45 s (the file runs in ~20–40 s).
describe.skipIf(reason !== null)('web UI (browser)', { timeout: 45_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ticket = '';
  let code = '';

  beforeAll(async () => {
    ensureWebBuilt();
    // The browser drops cookies that expired by its own clock: the server's clock must be the real one here.
    t = await createTestApp({ now: new Date().toISOString() });
    base = await listen(t);
    browser = await launchChromium();
  });

  /** A page with a short action timeout, so a broken step fails with its own message within the test's time. */
  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    page.setDefaultTimeout(8_000);
    return page;
  }

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a citizen files a complaint with a photo on a phone and gets one ticket, even after a double click', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Sampaikan laporan Anda');
    await page.getByLabel('Isi laporan').fill('Jalan berlubang besar di depan SDN 01, sudah dua minggu dan membahayakan pengendara motor.');
    await page.getByLabel('Alamat atau patokan').fill('Jl. Kebon Sirih No. 10, depan SDN 01');
    await page.getByLabel('Foto (opsional)').setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
    await countOf(page.locator('.photo-list li')).toBe(1);
    await page.getByLabel('Nama', { exact: true }).fill('Budi Santoso');
    await page.getByLabel('E-mail').fill('budi@example.id');
    await shot(page, 'citizen-form');

    await page.getByRole('button', { name: 'Kirim laporan' }).dblclick();
    const ticketEl = page.getByTestId('receipt-ticket');
    await ticketEl.waitFor();
    ticket = (await ticketEl.textContent())!.trim();
    code = (await page.getByTestId('receipt-code').textContent())!.trim();
    expect(ticket).toMatch(/^JKT-\d{4}-\d{6}$/);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Laporan Anda sudah kami terima');
    await shot(page, 'citizen-receipt');

    const db = t.ctx.database.db;
    const cases = await db.selectFrom('cases').select(['id', 'ticket', 'channel', 'status']).execute();
    expect(cases).toHaveLength(1); // the double click made one case
    expect(cases[0]).toMatchObject({ ticket, channel: 'web', status: 'menunggu' });
    const files = await db.selectFrom('attachments').select(['content_type', 'role']).where('case_id', '=', cases[0].id).execute();
    expect(files).toEqual([{ content_type: 'image/jpeg', role: 'evidence' }]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an officer logs in, finds the case in the queue, structures it and dispatches it to the suggested agency', async () => {
    await addUser(t.ctx, { username: 'siti', password: 'rahasia-123', role: 'triage_operator' });
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${base}/petugas`);
    await page.getByLabel('Nama pengguna').fill('siti');
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await textOf(page.getByRole('alert')).toContain('salah');
    await page.getByLabel('Kata sandi').fill('rahasia-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Antrean laporan');
    expect((await page.context().cookies()).map((c) => c.name)).toContain('cepat_session');

    await page.getByLabel('Cari').fill(ticket);
    await page.getByLabel('Status').selectOption({ label: 'Menunggu' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect.poll(() => page.url(), POLL).toMatch(/\/petugas\?status=menunggu&q=JKT-/);
    const row = page.getByRole('row').filter({ hasText: ticket });
    await countOf(row).toBe(1);
    await shot(page, 'officer-queue');
    await row.getByRole('link', { name: ticket }).click();

    await textOf(page.getByRole('heading', { level: 1 })).toContain(ticket);
    await shown(page.getByText('Budi Santoso'));
    await countOf(page.locator('.thumbs img')).toBe(1);
    const structure = page.locator('section', { has: page.getByRole('heading', { name: 'Strukturkan laporan' }) });
    await structure.getByLabel('Kategori').selectOption('jalan-rusak');
    await structure.getByLabel('Kota / kabupaten').selectOption('31.71');
    await structure.getByLabel('Kecamatan').selectOption('31.71.06');
    await structure.getByLabel('Kelurahan').selectOption({ index: 1 });
    await structure.getByLabel('Prioritas').selectOption('tinggi');
    await structure.getByRole('button', { name: 'Simpan perubahan' }).click();
    await shown(structure.getByText('Perubahan disimpan.'));
    const suggestion = page.getByTestId('routing-suggestion');
    await shown(suggestion);
    const suggested = (await suggestion.locator('strong').textContent())!.trim();

    const actions = page.locator('section', { has: page.getByRole('heading', { name: 'Tindakan' }) });
    await actions.getByRole('button', { name: 'Disposisi', exact: true }).click();
    // The routing table's agency is preselected.
    await expect.poll(() => actions.getByLabel('Instansi tujuan').inputValue(), POLL).not.toBe('');
    await actions.getByLabel('Pesan untuk pelapor (opsional)').fill('Laporan diteruskan ke Suku Dinas Bina Marga untuk diperbaiki.');
    await actions.locator('form').getByRole('button', { name: 'Disposisi' }).click();
    await shown(actions.getByText('Tindakan "Disposisi" berhasil.'));
    await textOf(page.getByRole('heading', { level: 1 })).toContain('Disposisi');
    await shot(page, 'officer-case');

    const kase = await t.ctx.database.db.selectFrom('cases').select(['status', 'category_code', 'area_code', 'agency_id', 'priority']).where('ticket', '=', ticket).executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ status: 'disposisi', category_code: 'jalan-rusak', priority: 'tinggi' });
    expect(kase.area_code).toMatch(/^31\.71\.06\.\d{4}$/);
    const agency = await t.ctx.database.db.selectFrom('agencies').select('name').where('id', '=', kase.agency_id!).executeTakeFirstOrThrow();
    expect(agency.name).toBe(suggested);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'officer-case-phone');
    await page.context().close();
  });

  it('a resend after a lost answer lands on the same case (client idempotency key)', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await page.getByLabel('Isi laporan').fill('Lampu PJU di gang Kelinci mati sejak tiga hari.');
    // The server receives and commits the first attempt, but the browser never sees the answer.
    let lost = 0;
    await page.route('**/api/complaints', async (route) => {
      await route.fetch();
      lost++;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await textOf(page.getByRole('alert')).toContain('Tidak ada sambungan ke server');
    expect(lost).toBe(1);
    await page.unroute('**/api/complaints');
    await page.getByRole('button', { name: 'Kirim ulang' }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Laporan ini sudah kami terima sebelumnya');
    const again = (await page.getByTestId('receipt-ticket').textContent())!.trim();
    const rows = await t.ctx.database.db.selectFrom('cases').select('ticket').where('description', 'like', 'Lampu PJU di gang Kelinci%').execute();
    expect(rows.map((r) => r.ticket)).toEqual([again]);
    await page.context().close();
  });

  it('the citizen tracks the case with the access code, adds information and reads it in English', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${base}/lacak/${ticket}`);
    await textOf(page.locator('.badge.status-disposisi')).toBe('Disposisi');
    await countOf(page.getByRole('heading', { name: 'Tanggapi laporan Anda' })).toBe(0);
    await page.getByLabel('Kode akses').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Buka dengan kode akses' }).click();
    await shown(page.getByText('Anda membuka laporan ini sebagai pelapor.'));
    await shown(page.getByText('Laporan diteruskan ke Suku Dinas Bina Marga untuk diperbaiki.'));
    await page.getByLabel('Informasi tambahan').fill('Lubangnya makin lebar setelah hujan semalam.');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await shown(page.getByText('Informasi Anda sudah terkirim.'));
    await textOf(page.locator('.message-pelapor')).toContain('Lubangnya makin lebar');
    await shot(page, 'citizen-track');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('en');
    await textOf(page.locator('.badge.status-disposisi')).toBe('Dispatched');
    await shown(page.getByRole('heading', { name: 'Respond to your report' }));
    await shot(page, 'citizen-track-en');

    const wrong = await newPage({ width: 390, height: 844 });
    await wrong.goto(`${base}/lacak/${ticket}`);
    await wrong.getByLabel('Kode akses').fill('ZZZZZZ');
    await wrong.getByRole('button', { name: 'Buka dengan kode akses' }).click();
    await textOf(wrong.getByRole('alert')).toContain('kode akses salah');
    await wrong.context().close();
    await page.context().close();
  });

  it('the agency officer starts and resolves it with an "after" photo; the citizen rates and confirms', async () => {
    const kase = await t.ctx.database.db.selectFrom('cases').select(['agency_id']).where('ticket', '=', ticket).executeTakeFirstOrThrow();
    await addUser(t.ctx, { username: 'joko', password: 'rahasia-456', role: 'agency_officer', agencyId: kase.agency_id! });
    const officer = await newPage({ width: 1280, height: 900 });
    await officer.goto(`${base}/petugas/kasus/${ticket}`);
    await officer.getByLabel('Nama pengguna').fill('joko');
    await officer.getByLabel('Kata sandi').fill('rahasia-456');
    await officer.getByRole('button', { name: 'Masuk' }).click();
    const actions = officer.locator('section', { has: officer.getByRole('heading', { name: 'Tindakan' }) });
    await actions.getByRole('button', { name: 'Mulai proses' }).click();
    await actions.locator('form').getByRole('button', { name: 'Mulai proses' }).click();
    await textOf(officer.getByRole('heading', { level: 1 })).toContain('Proses');
    await actions.getByRole('button', { name: 'Selesaikan' }).click();
    await actions.locator('form').getByRole('button', { name: 'Selesaikan' }).click();
    await textOf(actions.locator('.field-error')).toBe('Wajib diisi.'); // the note, and the photo this category requires
    await actions.getByLabel('Catatan tindak lanjut').fill('Lubang sudah ditambal dan diaspal ulang.');
    await actions.getByLabel('Foto sesudah penanganan').setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
    await actions.locator('form').getByRole('button', { name: 'Selesaikan' }).click();
    await textOf(officer.getByRole('heading', { level: 1 })).toContain('Selesai');
    await countOf(officer.locator('.thumbs img')).toBe(2);
    await officer.context().close();

    const citizen = await newPage({ width: 390, height: 844 });
    await citizen.goto(`${base}/lacak/${ticket}`);
    await citizen.getByLabel('Kode akses').fill(code);
    await citizen.getByRole('button', { name: 'Buka dengan kode akses' }).click();
    await shown(citizen.getByText('Lubang sudah ditambal dan diaspal ulang.'));
    await citizen.locator('label.star', { hasText: '4 dari 5' }).click(); // the fourth star
    expect(await citizen.getByRole('radio', { name: '4 dari 5' }).isChecked()).toBe(true);
    await citizen.getByLabel('Komentar (opsional)').fill('Cepat, terima kasih.');
    await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
    await shown(citizen.getByText('Terima kasih atas penilaian Anda.'));
    await citizen.getByRole('button', { name: 'Ya, sudah selesai' }).click();
    await textOf(citizen.locator('.badge.status-ditutup')).toBe('Ditutup');
    await shot(citizen, 'citizen-closed');
    const rating = await t.ctx.database.db.selectFrom('ratings').innerJoin('cases', 'cases.id', 'ratings.case_id').select(['score', 'comment', 'status']).where('ticket', '=', ticket).executeTakeFirstOrThrow();
    expect(rating).toEqual({ score: 4, comment: 'Cepat, terima kasih.', status: 'ditutup' });
    await citizen.context().close();
  });

  it('anyone sees the public statistics and the map at /statistik, follows a point to its case, and reads it in English', async () => {
    // A few complaints with a place (one confidential: counted, but never on the map), through the public API.
    const submit = async (text: string, location: { lat: number; lng: number }, confidential = false) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/complaints', payload: { text, category: 'sampah', location, reporter: confidential ? { confidential: true, email: 'rahasia@example.id' } : undefined } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().ticket as string;
    };
    const mapped = await submit('Tumpukan sampah di pinggir Kali Ciliwung belum diangkut seminggu.', { lat: -6.2146, lng: 106.8451 });
    await submit('Sampah menumpuk di depan pasar, bau sampai ke rumah warga.', { lat: -6.1754, lng: 106.8272 });
    const secret = await submit('Ada pembuangan sampah liar di lahan kosong dekat rumah saya.', { lat: -6.26, lng: 106.78 }, true);
    // Public figures count public cases only: the confidential one is left out.
    const received = Number((await t.ctx.database.db.selectFrom('cases').where('is_public', '=', 1).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const page = await newPage({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    const boundaries = page.waitForResponse((r) => r.url().includes('/api/public/areas?level=kelurahan'));
    await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Statistik laporan warga');
    await expect.poll(() => page.url(), POLL).toBe(`${base}/statistik`);
    await textOf(page.getByTestId('kpi-received')).toBe(String(received));
    await shown(page.getByRole('heading', { name: 'Laporan per bulan' }));
    await shown(page.locator('table', { has: page.locator('caption', { hasText: 'Laporan menurut kategori' }) }).getByRole('rowheader', { name: /Sampah/ }));
    // The period picker shows the API's default period; the downloads follow it.
    const from = await page.getByLabel('Dari tanggal').inputValue();
    const to = await page.getByLabel('Sampai tanggal').inputValue();
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe(`/api/public/open-data/cases.csv?from=${from}&to=${to}`);

    const point = page.locator(`svg a[href="/lacak/${mapped}"]`);
    await countOf(point).toBe(1);
    await countOf(page.locator('svg a.map-point')).toBe(2);
    await countOf(page.locator(`svg a[href="/lacak/${secret}"]`)).toBe(0);
    // No boundaries imported (the product ships none): the plain map, approximate kota names, no level switch.
    expect((await (await boundaries).json()).features).toEqual([]);
    await countOf(page.locator('svg .map-kota')).toBe(5);
    await shown(page.getByText('nama kota menunjukkan letak perkiraan'));
    expect(await page.locator('svg path.map-area').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Batas wilayah di peta' }).count()).toBe(0);
    await shot(page, 'stats');

    // Filters: nothing is resolved among the mapped cases.
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await expect.poll(() => page.url(), POLL).toContain('status=closed');
    await shown(page.getByText('Tidak ada laporan berlokasi untuk pilihan ini.'));
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await countOf(point).toBe(1);

    await page.getByRole('button', { name: 'English' }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Complaint statistics');
    await shown(page.getByRole('heading', { name: 'Complaints per month' }));
    await shown(page.getByRole('navigation').getByRole('link', { name: 'Statistics' }));
    await shown(page.getByRole('link', { name: 'Download JSON Lines' }));
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'stats-phone-en');

    await point.click();
    await expect.poll(() => page.url(), POLL).toBe(`${base}/lacak/${mapped}`);
    await textOf(page.getByRole('heading', { level: 1 })).toContain(mapped);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!HAVE_BOUNDARIES)('with imported boundaries the map shades each area by its complaints, and choosing an area filters the points', async () => {
    for (const file of [KELURAHAN_GEOJSON, KELURAHAN_GEOJSON.replace('kelurahan', 'kota')]) {
      expect((await importAreaBoundaries(t.ctx, fs.readFileSync(file, 'utf8'))).ok).toBe(true);
    }
    // Two complaints placed in Gambir (31.71.01.1001), as an officer or a partner channel gives the kelurahan.
    const inGambir: string[] = [];
    for (const [i, text] of ['Trotoar rusak di depan stasiun, banyak pejalan kaki tersandung.', 'Lampu taman padam di dekat halte sejak minggu lalu.'].entries()) {
      const r = await submitComplaint(t.ctx, {
        channel: 'web',
        externalId: `e2e-area-${i}`,
        receivedAt: new Date(),
        rawPayload: null,
        text,
        location: { areaCode: '31.71.01.1001', lat: -6.1754 + i * 0.002, lng: 106.8272 },
        reporter: { name: 'Warga', contactKind: 'email', contactValue: `warga${i}@example.id` },
      });
      inGambir.push(r.case.ticket);
    }

    const page = await newPage({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/statistik`);
    const points = page.locator('svg a.map-point');
    await countOf(points).toBe(4);
    // Kelurahan by default, Kepulauan Seribu left out of the frame (and said so).
    const gambir = page.locator('svg path.map-area[data-area="31.71.01.1001"]');
    await countOf(gambir).toBe(1);
    expect(await page.locator('svg path.map-area').count()).toBeGreaterThan(250);
    expect(await page.locator('svg path.map-area[data-area^="31.01."]').count()).toBe(0);
    await shown(page.getByText(/Di luar bingkai peta.*Kepulauan Seribu/));
    // Shaded: Gambir has complaints, most kelurahan none (the neutral fill).
    expect(await gambir.getAttribute('class')).toMatch(/\bc[1-5]\b/);
    const fill = (l: Locator) => l.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fill);
    const none = page.locator('svg path.map-area.c0').first();
    expect(await fill(gambir)).not.toBe(await fill(none));
    expect(await fill(gambir)).toMatch(/^rgb/);
    expect(await gambir.getAttribute('aria-label')).toMatch(/^Gambir \(Gambir\): 2 laporan diterima/);
    await shown(page.getByRole('list', { name: /Laporan diterima per Kelurahan/ }));
    // The real kota names replace the approximate ones.
    await countOf(page.locator('svg .map-labels.on-areas .map-kota')).toBe(5);
    await shot(page, 'stats-areas');

    // Hover names the area; a click filters the points to it, a second click shows all again.
    const at = await spotOn(gambir);
    await page.mouse.move(at.x, at.y);
    await textOf(page.getByTestId('map-area-info')).toContain('Gambir (Gambir): 2 laporan diterima');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.url(), POLL).toContain('area=31.71.01.1001');
    await countOf(points).toBe(2);
    expect((await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')))).sort()).toEqual([...inGambir].sort());
    expect(await gambir.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.url(), POLL).not.toContain('area=');
    await countOf(points).toBe(4);

    // The figures as a table, most complaints first; its buttons filter the map too (the keyboard way).
    await page.getByText(/Angka per wilayah: Kelurahan/).click();
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Laporan diterima per wilayah' }) });
    await textOf(table.locator('tbody tr').first()).toContain('Gambir (Gambir)');
    await table.getByRole('button', { name: 'Gambir (Gambir)' }).press('Enter');
    await expect.poll(() => page.url(), POLL).toContain('area=31.71.01.1001');
    await countOf(points).toBe(2);

    // Kota level: five areas on the mainland, each focusable and named with its counts.
    await page.getByRole('radio', { name: 'Kota / kabupaten' }).check();
    await countOf(page.locator('svg path.map-area')).toBe(5);
    const pusat = page.locator('svg path.map-area[data-area="31.71"]');
    await pusat.focus();
    await textOf(page.getByTestId('map-area-info')).toContain('Jakarta Pusat: 3 laporan diterima');
    expect(await pusat.getAttribute('tabindex')).toBe('0');
    await shot(page, 'stats-areas-kota');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an admin reads last month’s performance report, drills down to an agency’s cases and opens one; a head sees and appeals only their own; an admin decides the appeal and finalizes the month', async () => {
    // Three cases received last month (Jakarta time) through the real services at fixed instants: two for
    // Kelurahan Gambir (one started within the hour, one left untouched), one for Dukcapil. Then back to now,
    // so the session cookies are not born expired.
    const now = new Date();
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
    const [y, m] = thisMonth.split('-').map(Number);
    const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const d = new CaseDriver(t);
    const k1 = await d.submit(`${month}-10 08:00`, 'lainnya', '31.71.01.1001', 'jaki');
    await d.act(`${month}-10 09:00`, k1.id, 'start', officer(K));
    const k2 = await d.submit(`${month}-11 08:00`, 'lainnya', '31.71.01.1001', 'jaki');
    await d.submit(`${month}-10 08:00`, 'adminduk', '31.71.01.1002', 'web');
    t.setNow(now);
    await addUser(t.ctx, { username: 'ani', password: 'rahasia-789', role: 'admin' });
    await addUser(t.ctx, { username: 'lurah', password: 'rahasia-321', role: 'agency_head', agencyId: K });
    await addUser(t.ctx, { username: 'rudi', password: 'rahasia-654', role: 'triage_operator' });
    const login = async (page: Page, username: string, password: string) => {
      await page.getByLabel('Nama pengguna').fill(username);
      await page.getByLabel('Kata sandi').fill(password);
      await page.getByRole('button', { name: 'Masuk' }).click();
    };

    const page = await newPage({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/petugas`);
    await login(page, 'ani', 'rahasia-789');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Laporan kinerja' }).click();
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Laporan kinerja');
    expect(await page.getByLabel('Bulan', { exact: true }).inputValue()).toBe(month); // the previous month by default
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Komponen pengaduan TKD per kepala instansi' }) });
    const rows = table.locator('tbody tr');
    await countOf(rows).toBe(2); // only agencies with complaints, most received first
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')))).toEqual([K, L]);
    const gambir = table.locator(`tr[data-agency="${K}"]`);
    await textOf(gambir.getByRole('rowheader')).toContain('Kelurahan Gambir');
    await textOf(gambir.locator('td').first()).toBe('2');
    const csv = await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
    expect(csv).toBe(`/api/reports/tkd?month=${month}&format=csv`);
    const file = await page.request.get(`${base}${csv}`);
    expect(file.headers()['content-disposition']).toBe(`attachment; filename="tkd-${month}.csv"`);
    expect(await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href')).toBe(`/api/reports/tkd?month=${month}&format=pdf`);
    await shot(page, 'reports');

    await gambir.getByRole('link', { name: 'Kelurahan Gambir' }).click();
    await expect.poll(() => page.url(), POLL).toBe(`${base}/petugas/laporan/${K}?month=${month}`);
    await textOf(page.getByRole('heading', { level: 1 })).toBe('Kelurahan Gambir');
    await textOf(page.getByRole('heading', { name: /Laporan yang diperhitungkan/ })).toBe('Laporan yang diperhitungkan (2)');
    const started = page.locator(`tr[data-ticket="${k1.ticket}"]`);
    await textOf(started).toContain('Tercapai'); // follow-up within the hour
    await shown(page.locator(`tr[data-ticket="${k2.ticket}"]`));
    const link = started.getByRole('link', { name: k1.ticket });
    expect(await link.getAttribute('href')).toBe(`/petugas/kasus/${k1.ticket}`);
    await shot(page, 'reports-drilldown');
    await link.click();
    await textOf(page.getByRole('heading', { level: 1 })).toContain(k1.ticket);
    expect(errors).toEqual([]);
    await page.context().close();

    // The head of Kelurahan Gambir: one line, an appeal from the drill-down row, and no other agency.
    const head = await newPage({ width: 1280, height: 900 });
    await head.goto(`${base}/petugas/laporan?month=${month}`);
    await login(head, 'lurah', 'rahasia-321');
    await textOf(head.getByRole('heading', { level: 1 })).toBe('Laporan kinerja');
    const own = head.locator('.tkd-table tbody tr');
    await countOf(own).toBe(1);
    expect(await own.getAttribute('data-agency')).toBe(K);
    await own.getByRole('link', { name: 'Kelurahan Gambir' }).click();
    await head.getByRole('button', { name: `Ajukan banding untuk ${k2.ticket}` }).click();
    await head.getByLabel('Alasan').fill('Laporan ini urusan RW, bukan kelurahan.');
    await head.getByRole('button', { name: 'Kirim banding' }).click();
    await shown(head.getByText(`Banding untuk ${k2.ticket} sudah diajukan dan menunggu keputusan.`));
    const appeals = head.locator('table', { has: head.locator('caption', { hasText: 'Banding' }) }).last();
    await textOf(appeals.locator('tbody tr').first()).toContain('Menunggu keputusan');
    expect(await appeals.getByRole('button', { name: /Putuskan/ }).count()).toBe(0); // a head does not decide appeals
    await shot(head, 'reports-appeal');
    await head.setViewportSize({ width: 390, height: 844 });
    await shot(head, 'reports-drilldown-phone');
    await head.goto(`${base}/petugas/laporan?month=${month}`);
    await textOf(head.locator('.appeal-table tbody tr').first()).toContain('Menunggu keputusan');
    expect(await head.getByRole('button', { name: /Putuskan|Finalkan/ }).count()).toBe(0); // nor finalizes a month
    await head.goto(`${base}/petugas/laporan/${L}?month=${month}`);
    await textOf(head.getByRole('alert')).toContain('Laporan kinerja hanya dapat dibuka');
    await head.context().close();

    // An admin accepts the appeal with a note (required): the case leaves Gambir's count, and the appeal
    // says who decided, when and why. Then the admin finalizes the month after a confirmation.
    const admin = await newPage({ width: 1280, height: 900 });
    admin.on('pageerror', (e) => errors.push(e.message));
    await admin.goto(`${base}/petugas/laporan/${K}?month=${month}`);
    await login(admin, 'ani', 'rahasia-789');
    const counted = admin.getByRole('heading', { name: /Laporan yang diperhitungkan/ });
    await textOf(counted).toBe('Laporan yang diperhitungkan (2)');
    await admin.getByRole('button', { name: `Putuskan banding ${k2.ticket}` }).click();
    await admin.getByRole('button', { name: 'Terima banding' }).click();
    await shown(admin.getByText('Wajib diisi.'));
    await admin.getByLabel('Catatan keputusan').fill('Benar, laporan ini urusan RW.');
    await admin.getByRole('button', { name: 'Terima banding' }).click();
    await shown(admin.getByText(`Banding untuk ${k2.ticket} diterima; angka dan skor dihitung ulang.`));
    await textOf(counted).toBe('Laporan yang diperhitungkan (1)');
    const decided = admin.locator(`.appeal-table tr[data-appeal]`).first();
    await textOf(decided).toContain('Diterima');
    await textOf(decided).toContain('Diputus oleh ani');
    await textOf(decided).toContain('Benar, laporan ini urusan RW.');
    expect(await decided.getByRole('button', { name: /Putuskan/ }).count()).toBe(0);
    await shot(admin, 'reports-appeal-decided');
    await admin.getByRole('link', { name: /Semua instansi/ }).click();
    await textOf(admin.locator(`.tkd-table tr[data-agency="${K}"] td`)).toBe('1');
    await textOf(admin.locator('#tkd-heading')).toContain('Sementara');
    await admin.getByRole('button', { name: 'Finalkan bulan ini' }).click();
    await textOf(admin.getByRole('group', { name: /^Finalkan / })).toContain('menyegel baris TKD dan skor');
    await admin.getByRole('button', { name: /^Ya, finalkan / }).click();
    await shown(admin.getByText(/sudah difinalkan: \d+ baris dari \d+ instansi disegel/));
    await textOf(admin.locator('#tkd-heading')).toContain('Final');
    await textOf(admin.locator('#tkd-heading + .hint')).toContain('oleh ani');
    expect(await admin.getByRole('button', { name: 'Finalkan bulan ini' }).count()).toBe(0);
    await shot(admin, 'reports-finalized');
    // The month under way cannot be finalized: the API's refusal is shown.
    await admin.goto(`${base}/petugas/laporan?month=${thisMonth}`);
    await admin.getByRole('button', { name: 'Finalkan bulan ini' }).click();
    await admin.getByRole('button', { name: /^Ya, finalkan / }).click();
    await textOf(admin.getByRole('alert')).toContain(`Bulan ${thisMonth} belum berakhir`);
    expect(errors).toEqual([]);
    await admin.context().close();

    // A role without reports: no link, and a clear refusal at the address.
    const triage = await newPage({ width: 1280, height: 900 });
    await triage.goto(`${base}/petugas/laporan`);
    await login(triage, 'rudi', 'rahasia-654');
    await textOf(triage.getByRole('alert')).toContain('Laporan kinerja hanya dapat dibuka');
    expect(await triage.getByRole('link', { name: 'Laporan kinerja' }).count()).toBe(0);
    await triage.context().close();
  });
});
