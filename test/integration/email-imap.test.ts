import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vacationReply } from '../../src/channels/email/email-fixtures.js';
import { ImapPoller, PROCESSED_KEYWORD } from '../../src/jobs/email/imap-poller.js';
import { imapHandler } from '../../src/jobs/email/start-email.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { CITY_MAILBOX, DOVECOT, startDovecot, testEmailSettings, type Dovecot } from './email-support.js';

if (!DOVECOT) console.warn('SKIPPED email-imap: the dovecot binary is absent (apt-get install dovecot-imapd)');

/** A raw RFC 5322 message as a mail server would deliver it into the mailbox. */
async function rawMail(opts: { id: string; subject: string; text: string; from?: string }): Promise<Buffer> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await stream.sendMail({ from: opts.from ?? 'Rina <rina@contoh.co.id>', to: CITY_MAILBOX, subject: opts.subject, text: opts.text, messageId: `<${opts.id}>` });
  return info.message as Buffer;
}

describe.skipIf(!DOVECOT)(`e-mail intake by IMAP polling against dovecot (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let dovecot: Dovecot;
  let imap: ImapFlow;
  const cases = async () => (await t.ctx.database.db.selectFrom('cases').select(['id', 'title']).where('channel', '=', 'email').orderBy('id').execute());
  const poller = (url: string, doneMailbox?: string) => new ImapPoller({ url, doneMailbox, intervalMs: 60_000, handle: imapHandler(t.ctx, testEmailSettings(t.ctx)), log: pino({ level: 'silent' }) });
  const deliver = async (raw: Buffer | string, mailbox = 'INBOX') => imap.append(mailbox, raw);
  const keywordsOf = async (mailbox: string) => {
    const lock = await imap.getMailboxLock(mailbox);
    try {
      const out: string[][] = [];
      for await (const m of imap.fetch('1:*', { flags: true })) out.push([...(m.flags ?? [])].sort());
      return out;
    } finally {
      lock.release();
    }
  };

  beforeAll(async () => {
    t = await createTestContext();
    dovecot = await startDovecot();
    imap = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
    await imap.connect();
  }, 30_000);
  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await dovecot?.stop();
    await t?.close();
  });

  it('turns new mail into cases, flags it, skips it on the next poll and ignores auto-replies', async () => {
    await deliver(await rawMail({ id: 'banjir-1@contoh.co.id', subject: 'Banjir di Kampung Melayu', text: 'Air setinggi lutut di RT 05/RW 02 Kampung Melayu sejak subuh.' }));
    await deliver(await rawMail({ id: 'sampah-1@contoh.co.id', subject: 'Sampah menumpuk', text: 'Sampah di TPS Jl. Otista belum diangkut seminggu.' }));
    await deliver(vacationReply);
    const p = poller(dovecot.url());
    expect(await p.runOnce()).toEqual({ processed: 3, rejected: 0, retry: 0 });
    expect((await cases()).map((c) => c.title)).toEqual(['Banjir di Kampung Melayu', 'Sampah menumpuk']);
    for (const flags of await keywordsOf('INBOX')) expect(flags).toEqual(expect.arrayContaining(['\\Seen', PROCESSED_KEYWORD]));
    expect(await p.runOnce()).toEqual({ processed: 0, rejected: 0, retry: 0 });
    expect(await cases()).toHaveLength(2);
  });

  it('survives a crash between commit and flag: the replayed message makes no second case', async () => {
    const lock = await imap.getMailboxLock('INBOX');
    try {
      // As if the poller had died after storing the messages but before flagging them.
      await imap.messageFlagsRemove('1:*', [PROCESSED_KEYWORD, '\\Seen']);
    } finally {
      lock.release();
    }
    const restarted = poller(dovecot.url());
    expect((await restarted.runOnce()).processed).toBe(3);
    expect(await cases()).toHaveLength(2);
  });

  it('moves processed mail to the done mailbox when one is configured', async () => {
    await imap.mailboxCreate('Masuk');
    await deliver(await rawMail({ id: 'pju-1@contoh.co.id', subject: 'PJU mati', text: 'Lampu jalan di Jl. Pramuka mati semua.' }), 'Masuk');
    const p = poller(dovecot.url('Masuk'), 'Selesai');
    expect((await p.runOnce()).processed).toBe(1);
    expect(await imap.status('Masuk', { messages: true })).toMatchObject({ messages: 0 });
    expect(await imap.status('Selesai', { messages: true })).toMatchObject({ messages: 1 });
    expect((await cases()).map((c) => c.title)).toContain('PJU mati');
  });

  it('fails a poll cleanly on wrong credentials', async () => {
    const wrong = poller(dovecot.url().replace(encodeURIComponent(dovecot.pass), 'salah'));
    await expect(wrong.runOnce()).rejects.toThrow();
  });
});
