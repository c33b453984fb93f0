import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender } from '../../src/jobs/email/email-sender.js';
import { startEmailIntake, type EmailIntake } from '../../src/jobs/email/start-email.js';
import { OutboxWorker } from '../../src/jobs/outbox-worker.js';
import { addCaseComment } from '../../src/services/cases/add-comment.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import { jpeg } from '../support/images.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';
import { CITY_MAILBOX, smtpClient, startSmtpSink, testEmailSettings, type SinkMessage } from './email-support.js';

/**
 * The whole e-mail conversation on loopback: a citizen's mail reaches our SMTP listener, the acknowledgement
 * leaves through the outbox and a real SMTP sink with the ticket in its subject and threading headers, and
 * the citizen's reply to it lands in the same case.
 */
describe(`e-mail both ways, end to end (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let intake: EmailIntake;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: OutboxWorker;
  const citizen = 'Rudi Hartono <rudi.hartono@warga.example>';
  const db = () => t.ctx.database.db;
  const emailCases = () => db().selectFrom('cases').select(['id', 'ticket', 'title']).where('channel', '=', 'email').orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestContext();
    const settings = testEmailSettings(t.ctx);
    intake = await startEmailIntake(t.ctx, settings);
    sink = await startSmtpSink();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
    const email = createEmailSender({ database: t.ctx.database, config: t.ctx.config, settings, transport, clock: t.ctx.clock });
    worker = new OutboxWorker({ database: t.ctx.database, senders: { email }, log: pino({ level: 'silent' }), clock: t.ctx.clock });
  });
  afterAll(async () => {
    await intake.stop();
    await sink.close();
    await t.close();
  });

  let ack: SinkMessage;
  let ticket: string;

  it('a complaint by e-mail is answered with the ticket number, threaded on the citizen mail', async () => {
    await smtpClient(intake.smtp!.port).sendMail({
      from: citizen,
      to: CITY_MAILBOX,
      subject: 'Jalan berlubang di Jl. Daan Mogot',
      messageId: '<keluhan-1@warga.example>',
      text: 'Jalan berlubang besar di Jl. Daan Mogot km 12 arah Tangerang, sudah dua motor jatuh.',
    });
    const [kase] = await emailCases();
    ticket = kase.ticket;
    expect(await worker.runOnce()).toBe(1);
    expect(sink.received).toHaveLength(1);
    ack = sink.received[0];
    expect(ack.to).toContain('rudi.hartono@warga.example');
    expect(ack.subject).toBe(`Re: [#${ticket}] Jalan berlubang di Jl. Daan Mogot`);
    expect(ack.inReplyTo).toBe('<keluhan-1@warga.example>');
    expect(ack.references).toEqual(['<keluhan-1@warga.example>']);
    expect(ack.messageId).toMatch(new RegExp(`^<cepat\\.${ticket}\\.[0-9a-f]+@cepat\\.jakarta\\.go\\.id>$`));
    expect(ack.text).toContain(ticket);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.headers.get('reply-to')).toMatchObject({ text: CITY_MAILBOX });
    // Sent once: the next pass has nothing to deliver.
    expect(await worker.runOnce()).toBe(0);
  });

  it("the citizen's reply to our acknowledgement lands in the same case, without the quoted text", async () => {
    await smtpClient(intake.smtp!.port).sendMail({
      from: citizen,
      to: CITY_MAILBOX,
      subject: `Re: ${ack.subject}`,
      messageId: '<keluhan-2@warga.example>',
      inReplyTo: ack.messageId,
      references: [...ack.references, ack.messageId],
      text: `Lubangnya makin besar, tadi pagi ada mobil pecah ban.\n\nPada tanggal 23 Nov 2026, Cepat Jakarta menulis:\n> ${ack.text.split('\n').join('\n> ')}`,
    });
    const cases = await emailCases();
    expect(cases).toHaveLength(1);
    const comments = await db().selectFrom('comments').select(['body', 'author']).where('case_id', '=', cases[0].id).execute();
    expect(comments).toEqual([{ body: 'Lubangnya makin besar, tadi pagi ada mobil pecah ban.', author: expect.stringMatching(/^citizen:/) }]);
  });

  it("an officer's reply continues the thread and is answerable even when the subject is edited", async () => {
    const [kase] = await emailCases();
    await addCaseComment(t.ctx, { caseRef: kase.id, actor: { kind: 'user', userId: 1, role: 'admin' }, body: 'Tim Suku Dinas Bina Marga Jakarta Barat dijadwalkan menambal besok.', visibility: 'public' });
    expect(await worker.runOnce()).toBe(1);
    const reply = sink.received[1];
    expect(reply.subject).toBe(`Re: [#${ticket}] Jalan berlubang di Jl. Daan Mogot`);
    expect(reply.inReplyTo).toBe('<keluhan-2@warga.example>');
    expect(reply.references).toEqual(['<keluhan-1@warga.example>', ack.messageId, '<keluhan-2@warga.example>']);
    expect(reply.headers.has('auto-submitted')).toBe(false);
    expect(reply.text).toContain('dijadwalkan menambal besok');

    // The citizen answers with a new subject: the References still bring it to the case.
    await smtpClient(intake.smtp!.port).sendMail({ from: citizen, to: CITY_MAILBOX, subject: 'terima kasih', inReplyTo: reply.messageId, references: [...reply.references, reply.messageId], text: 'Baik, terima kasih pak.' });
    expect(await emailCases()).toHaveLength(1);
    const n = await db().selectFrom('comments').select('id').where('case_id', '=', kase.id).execute();
    expect(n).toHaveLength(3);
  });

  it('our own mail coming back never opens a case nor gets an answer (no loop)', async () => {
    const queued = (await db().selectFrom('outbox').select('id').execute()).length;
    await smtpClient(intake.smtp!.port).sendMail({ envelope: { from: 'no-reply@cepat.jakarta.go.id', to: [CITY_MAILBOX] }, raw: ack.raw });
    expect(await emailCases()).toHaveLength(1);
    expect((await db().selectFrom('outbox').select('id').execute()).length).toBe(queued);
  });

  it('a stranger quoting the ticket in a subject does not write into the case: a new case opens', async () => {
    await smtpClient(intake.smtp!.port).sendMail({ from: 'orang.lain@contoh.example', to: CITY_MAILBOX, subject: `Re: [#${ticket}] Jalan berlubang`, text: 'Di depan rumah saya juga ada lubang, Jl. Kyai Tapa.' });
    const cases = await emailCases();
    expect(cases).toHaveLength(2);
    expect(cases[1].ticket).not.toBe(ticket);
  });

  it('a reply with only a photo adds it to the case; a reply to a rejected case opens a new one', async () => {
    const [kase] = await emailCases();
    const comments = (await db().selectFrom('comments').select('id').where('case_id', '=', kase.id).execute()).length;
    await smtpClient(intake.smtp!.port).sendMail({ from: citizen, to: CITY_MAILBOX, subject: `Re: ${ack.subject}`, inReplyTo: ack.messageId, references: [ack.messageId], text: '', attachments: [{ filename: 'lubang.jpg', content: await jpeg(), contentType: 'image/jpeg' }] });
    expect(await emailCases()).toHaveLength(2);
    expect(await db().selectFrom('attachments').select('filename').where('case_id', '=', kase.id).execute()).toEqual([{ filename: 'lubang.jpg' }]);
    expect((await db().selectFrom('comments').select('id').where('case_id', '=', kase.id).execute()).length).toBe(comments);

    await transitionCase(t.ctx, { caseRef: kase.id, action: 'reject', input: { rejectReason: 'spam', publicNote: 'Bukan pengaduan' }, actor: { kind: 'user', userId: 1, role: 'admin' } });
    await smtpClient(intake.smtp!.port).sendMail({ from: citizen, to: CITY_MAILBOX, subject: `Re: ${ack.subject}`, inReplyTo: ack.messageId, references: [ack.messageId], text: 'Kenapa ditolak? Lubangnya masih ada.' });
    const cases = await emailCases();
    expect(cases).toHaveLength(3);
    expect(cases[2].title).toBe('Jalan berlubang di Jl. Daan Mogot');
  });
});
