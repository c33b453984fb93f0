import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postfixDsn, vacationReply } from '../../src/channels/email/email-fixtures.js';
import { DomainError } from '../../src/domain/errors.js';
import { startEmailIntake, type EmailIntake } from '../../src/jobs/email/start-email.js';
import { startSmtpListener } from '../../src/jobs/email/smtp-listener.js';
import { jpeg } from '../support/images.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { CITY_MAILBOX, selfSignedCert, smtpClient, testEmailSettings } from './email-support.js';

const silent = pino({ level: 'silent' });

describe(`e-mail intake over SMTP (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let intake: EmailIntake;
  const count = async (table: 'cases' | 'attachments') => Number((await t.ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestContext();
    intake = await startEmailIntake(t.ctx, testEmailSettings(t.ctx, { CEPAT_SMTP_MAX_BYTES: String(200 * 1024) }));
  });
  afterAll(async () => {
    await intake.stop();
    await t.close();
  });

  it('takes an HTML complaint with an encoded subject and attachments into one case; a resend changes nothing', async () => {
    const client = smtpClient(intake.smtp!.port);
    const photo = await jpeg();
    const mail = {
      from: '"Dewi Lestari" <Dewi.Lestari@contoh.co.id>',
      to: CITY_MAILBOX,
      subject: 'Pohon tumbang di Jl. Cikini Raya – menutup jalan',
      messageId: '<pohon-cikini-1@contoh.co.id>',
      html: '<p>Selamat pagi,</p><p>Pohon besar tumbang di <b>Jl. Cikini Raya</b> depan TIM &amp; menutup satu lajur.</p>',
      attachments: [
        { filename: 'pohon.jpg', content: photo, contentType: 'image/jpeg' },
        { filename: 'surat.docx', content: Buffer.from('PK\u0003\u0004 not really a docx'), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      ],
    };
    const info = await client.sendMail(mail);
    expect(info.response).toMatch(/^250/);
    const kase = await t.ctx.database.db.selectFrom('cases').selectAll().where('channel', '=', 'email').executeTakeFirstOrThrow();
    expect(kase.title).toBe('Pohon tumbang di Jl. Cikini Raya – menutup jalan');
    expect(kase.description).toContain('Pohon besar tumbang di Jl. Cikini Raya depan TIM & menutup satu lajur.');
    expect(kase.description).toContain('surat.docx');
    const files = await t.ctx.database.db.selectFrom('attachments').selectAll().where('case_id', '=', kase.id).execute();
    expect(files.map((f) => [f.filename, f.content_type])).toEqual([['pohon.jpg', 'image/jpeg']]);
    const contact = await t.ctx.database.db.selectFrom('reporter_contacts').selectAll().where('reporter_id', '=', kase.reporter_id!).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ kind: 'email', value: 'dewi.lestari@contoh.co.id' });

    const again = await client.sendMail(mail);
    expect(again.response).toMatch(/^250/);
    expect(await count('cases')).toBe(1);
    expect(await count('attachments')).toBe(1);
  });

  it('accepts auto-replies and delivery reports without opening a case or answering', async () => {
    const client = smtpClient(intake.smtp!.port);
    const before = await count('cases');
    const outboxBefore = (await t.ctx.database.db.selectFrom('outbox').select('id').execute()).length;
    await client.sendMail({ envelope: { from: 'andi@kantor.example', to: [CITY_MAILBOX] }, raw: vacationReply });
    await client.sendMail({ envelope: { from: '', to: [CITY_MAILBOX] }, raw: postfixDsn });
    // A report without Auto-Submitted is still recognised by its content type (RFC 3464).
    await client.sendMail({ envelope: { from: '', to: [CITY_MAILBOX] }, raw: postfixDsn.replace('Auto-Submitted: auto-replied\r\n', '').replace('A1B2C3D4E5@', 'F6E5D4@') });
    await client.sendMail({ from: 'noreply@bank.example', to: CITY_MAILBOX, subject: 'Promo', text: 'Diskon!', headers: { Precedence: 'bulk' } });
    expect(await count('cases')).toBe(before);
    expect((await t.ctx.database.db.selectFrom('outbox').select('id').execute()).length).toBe(outboxBefore);
    const ignored = await t.ctx.database.db.selectFrom('inbound_messages').select(['disposition', 'payload']).where('disposition', '=', 'ignored').execute();
    expect(ignored.map((r) => JSON.parse(r.payload).reason).sort()).toEqual(['auto_submitted', 'auto_submitted', 'delivery_report', 'precedence']);
  });

  it('refuses mail over the size limit and mail for other domains, storing nothing', async () => {
    const client = smtpClient(intake.smtp!.port);
    const before = await count('cases');
    const big = Buffer.alloc(300 * 1024, 'a');
    await expect(client.sendMail({ from: 'warga@contoh.co.id', to: CITY_MAILBOX, subject: 'Besar', text: 'lampiran besar', attachments: [{ filename: 'a.txt', content: big }] })).rejects.toMatchObject({ responseCode: 552 });
    await expect(client.sendMail({ from: 'warga@contoh.co.id', to: 'someone@example.org', subject: 'relay?', text: 'tolong teruskan' })).rejects.toMatchObject({ responseCode: 550 });
    expect(await count('cases')).toBe(before);
  });

  it('answers 451 on a temporary failure (the sender retries) and 554 on input that can never be taken', async () => {
    let fail: Error = new Error('database unavailable');
    const listener = await startSmtpListener({ host: '127.0.0.1', port: 0, maxBytes: 1e6, acceptRecipient: () => true, log: silent, onMessage: async () => { throw fail; } });
    try {
      const client = smtpClient(listener.port);
      await expect(client.sendMail({ from: 'a@b.example', to: CITY_MAILBOX, text: 'x' })).rejects.toMatchObject({ responseCode: 451 });
      fail = new DomainError('validation_failed', 'Data tidak valid', 'Invalid input');
      await expect(client.sendMail({ from: 'a@b.example', to: CITY_MAILBOX, text: 'x' })).rejects.toMatchObject({ responseCode: 554 });
    } finally {
      await listener.close();
    }
  });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-tls-'));
  const cert = selfSignedCert(tmp);
  it.skipIf(!cert)('offers STARTTLS when a key and certificate are configured (skipped without openssl)', async () => {
    const tls = testEmailSettings(t.ctx, { CEPAT_SMTP_TLS_KEY: cert!.key, CEPAT_SMTP_TLS_CERT: cert!.cert });
    const secured = await startEmailIntake(t.ctx, tls);
    try {
      const info = await smtpClient(secured.smtp!.port, { requireTLS: true }).sendMail({ from: 'budi@contoh.co.id', to: CITY_MAILBOX, subject: 'Lampu PJU mati', text: 'Lampu PJU di Jl. Salemba Raya mati sejak kemarin.' });
      expect(info.response).toMatch(/^250/);
      // The plain listener offers no STARTTLS: a client that insists on TLS gives up there.
      await expect(smtpClient(intake.smtp!.port, { requireTLS: true }).sendMail({ from: 'budi@contoh.co.id', to: CITY_MAILBOX, text: 'x' })).rejects.toThrow();
    } finally {
      await secured.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
