import { describe, it, expect } from 'vitest';
import nodemailer from 'nodemailer';
import { parseEmail, type EmailParseOptions } from './email-inbound.js';
import { buildReplyMessage } from './email-reply.js';
import { citizenReply, gmailComplaint, htmlOnlyComplaint, plainWith, postfixDsn, TINY_JPEG_BASE64, vacationReply } from './email-fixtures.js';

const TICKET = /JKT-\d{4}-\d{6}/;
const options: EmailParseOptions = {
  now: new Date('2024-06-13T03:00:00Z'),
  ticketPattern: TICKET,
  messageIdDomain: 'cepat.jakarta.go.id',
  ownAddresses: ['no-reply@cepat.jakarta.go.id'],
};

async function message(raw: string | Buffer, opts = options) {
  const parsed = await parseEmail(raw, opts);
  if (parsed.kind !== 'message') throw new Error(`expected a message, got ${parsed.reason}`);
  return parsed;
}

describe('parseEmail', () => {
  it('decodes encoded headers, prefers the text part and keeps image attachments', async () => {
    const { complaint, threading } = await message(Buffer.from(gmailComplaint));
    expect(complaint.channel).toBe('email');
    expect(complaint.externalId).toBe('CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example');
    expect(complaint.title).toBe('Jalan rusak di Jl. Daan Mogot – mohon diperbaiki');
    expect(complaint.reporter).toEqual({ name: 'Budi Santoso 🙏', contactKind: 'email', contactValue: 'budi.santoso@gmail.example' });
    expect(complaint.text).toContain('berlubang besar, sudah dua pengendara motor jatuh');
    expect(complaint.receivedAt.toISOString()).toBe('2024-06-12T03:14:58.000Z');
    expect(complaint.attachments).toHaveLength(1); // the calendar part is not evidence
    expect(complaint.attachments![0]).toMatchObject({ filename: 'IMG_20240612_0912.jpg', contentType: 'image/jpeg', role: 'evidence' });
    expect(complaint.attachments![0].data.equals(Buffer.from(TINY_JPEG_BASE64, 'base64'))).toBe(true);
    expect(threading).toEqual({ inReplyTo: undefined, references: [] });
    expect(complaint.rawPayload).toBe(gmailComplaint);
  });

  it('turns HTML-only mail into text and decodes a legacy charset subject', async () => {
    const { complaint } = await message(htmlOnlyComplaint);
    expect(complaint.text).toBe(
      'Yth. Bapak/Ibu,\n\nSampah menumpuk di bantaran Kali Ciliwung, Kampung Melayu RT 05/RW 02 sejak 3 hari & mulai bau.\n\nHormat saya,\nSiti',
    );
    expect(complaint.text).not.toMatch(/<|color:red/);
    expect(complaint.title).toMatch(/^Sampah menumpuk . Kali Ciliwung$/);
    expect(complaint.reporter.name).toBe('Siti Aminah');
  });

  it('hashes the raw message when there is no Message-ID, stably', async () => {
    const a = await message(plainWith(''));
    const b = await message(plainWith(''));
    const c = await message(plainWith('X-Other: 1'));
    expect(a.complaint.externalId).toMatch(/^sha256:[0-9a-f]{40}$/);
    expect(a.complaint.externalId).toBe(b.complaint.externalId);
    expect(c.complaint.externalId).not.toBe(a.complaint.externalId);
  });

  it('falls back to the arrival time for a Date in the future', async () => {
    const { complaint } = await message(plainWith('Date: Mon, 1 Jan 2035 00:00:00 +0000'));
    expect(complaint.receivedAt).toEqual(options.now);
  });
});

describe('loop protection', () => {
  it.each([
    ['vacation auto-reply', vacationReply, 'auto_submitted'],
    ['Postfix DSN', postfixDsn, 'auto_submitted'],
    ['DSN without Auto-Submitted', postfixDsn.replace('Auto-Submitted: auto-replied\r\n', ''), 'delivery_report'],
    ['read receipt', plainWith('Content-Type: multipart/report; report-type=disposition-notification; boundary=x'), 'read_receipt'],
    ['Precedence: bulk', plainWith('Precedence: bulk'), 'precedence'],
    ['Precedence: junk', plainWith('Precedence: junk'), 'precedence'],
    ['Precedence: list', plainWith('Precedence: list'), 'precedence'],
    ['X-Autoreply', plainWith('X-Autoreply: yes'), 'autoreply_header'],
    ['X-Autorespond', plainWith('X-Autorespond: Out of office'), 'autoreply_header'],
    ['MAILER-DAEMON sender', plainWith('', 'MAILER-DAEMON@mail.contoh.co.id'), 'bounce_sender'],
    ['postmaster sender', plainWith('', 'Postmaster <postmaster@contoh.co.id>'), 'bounce_sender'],
    ['empty Return-Path', plainWith('Return-Path: <>'), 'null_return_path'],
    ['our own address', plainWith('', 'no-reply@cepat.jakarta.go.id'), 'own_address'],
    ['our X-Loop', plainWith('X-Loop: cepat'), 'own_loop'],
    ['mailing list', plainWith('List-Id: <warga.lists.example>'), 'mailing_list'],
  ])('ignores %s', async (_name, raw, reason) => {
    const parsed = await parseEmail(raw, options);
    expect(parsed).toMatchObject({ kind: 'ignored', reason });
  });

  it.each([
    ['Auto-Submitted: no', plainWith('Auto-Submitted: no')],
    ['Precedence: first-class', plainWith('Precedence: first-class')],
    ['a normal Return-Path', plainWith('Return-Path: <warga@contoh.co.id>')],
  ])('accepts mail with %s', async (_name, raw) => {
    expect((await parseEmail(raw, options)).kind).toBe('message');
  });
});

describe('threading and replies', () => {
  const ackInput = {
    kind: 'acknowledgement' as const,
    from: 'Pengaduan Pemprov DKI <no-reply@cepat.jakarta.go.id>',
    to: 'budi.santoso@gmail.example',
    ticketNumber: 'JKT-2406-000123',
    subject: 'Jalan rusak di Jl. Daan Mogot – mohon diperbaiki',
    fallbackSubject: 'Laporan Anda',
    text: 'Laporan Anda sudah kami terima dengan nomor JKT-2406-000123.',
    inReplyTo: 'CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example',
    references: 'CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example',
    messageIdDomain: 'cepat.jakarta.go.id',
    ticketPattern: TICKET,
    uniqueId: 'f0e1d2c3',
  };
  const ack = buildReplyMessage(ackInput);

  it('builds a threaded acknowledgement marked as automated', () => {
    expect(ack.subject).toBe('Re: [#JKT-2406-000123] Jalan rusak di Jl. Daan Mogot – mohon diperbaiki');
    expect(ack.messageId).toBe('<cepat.JKT-2406-000123.f0e1d2c3@cepat.jakarta.go.id>');
    expect(ack.inReplyTo).toBe('<CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example>');
    expect(ack.references).toEqual(['<CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example>']);
    expect(ack.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'X-Loop': 'cepat', 'X-Auto-Response-Suppress': 'All' });
    expect(String(ack.text).startsWith('##- Mohon tulis balasan')).toBe(true);
  });

  it('does not pile up prefixes and tags, and marks officer replies as personal', () => {
    const input = { ...ackInput, kind: 'officer_reply' as const, subject: 'RE: Balas: [#JKT-2406-000123] Re: [#JKT-2406-000123] Jalan rusak' };
    const again = buildReplyMessage(input);
    expect(again.subject).toBe('Re: [#JKT-2406-000123] Jalan rusak');
    expect(again.headers).toEqual({ 'X-Loop': 'cepat' });
    const noSubject = buildReplyMessage({ ...input, subject: undefined, fallbackSubject: 'Laporan Anda diterima' });
    expect(noSubject.subject).toBe('[#JKT-2406-000123] Laporan Anda diterima');
  });

  it("threads the citizen's answer to our mail, after nodemailer has written it, and strips the quote", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'crlf' });
    const sent = await transport.sendMail(ack);
    const wire = (sent.message as Buffer).toString();
    expect(wire).toContain('Message-ID: <cepat.JKT-2406-000123.f0e1d2c3@cepat.jakarta.go.id>');
    expect(wire).toMatch(/Subject: .*JKT-2406-000123/);
    expect(wire).toContain('Auto-Submitted: auto-replied');

    // The citizen changed the subject: the Message-ID chain still finds the case.
    const { complaint, threading, quotedTextRemoved } = await message(citizenReply(ack.messageId, 'Re: tambahan info'));
    expect(threading).toMatchObject({ ticketNumber: 'JKT-2406-000123', ticketSource: 'message_id', inReplyTo: 'cepat.JKT-2406-000123.f0e1d2c3@cepat.jakarta.go.id' });
    expect(complaint.text).toBe('Lubangnya sekarang makin besar, tadi pagi ada mobil yang pecah ban.');
    expect(quotedTextRemoved).toBe(true);
    expect(complaint.replyContext?.ticketNumber).toBe('JKT-2406-000123');
    expect(complaint.replyContext?.references?.split(' ')).toEqual([
      'CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example',
      'cepat.JKT-2406-000123.f0e1d2c3@cepat.jakarta.go.id',
      'CAF3k9q=reply2@mail.gmail.example',
    ]);

    // Without our Message-ID (another client, a forward), the subject tag does it.
    const bySubject = await message(citizenReply('<other@x.example>', 'Re: [#jkt-2406-000123] Jalan rusak'));
    expect(bySubject.threading).toMatchObject({ ticketNumber: 'JKT-2406-000123', ticketSource: 'subject_tag' });
  });
});
