import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { OutboxWorker } from '../../src/jobs/outbox-worker.js';
import { emailSender } from '../../src/jobs/senders.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import { createTestContext, TEST_DIALECT, type TestContext } from '../support/test-context.js';

/** A real SMTP peer on loopback that refuses the first `failFirst` messages with a temporary error. */
function startSmtp(failFirst: number) {
  const received: { to: string; subject: string; text: string; messageId: string }[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        attempts++;
        if (attempts <= failFirst) return cb(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        const mail = await simpleParser(Buffer.concat(chunks));
        received.push({ to: (mail.to as { text: string }).text, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
        cb();
      });
    },
  });
  return new Promise<{ port: number; received: typeof received; attempts: () => number; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.server.address() as { port: number }).port;
      resolve({ port, received, attempts: () => attempts, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe(`outbox delivery (${TEST_DIALECT})`, () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp(2);
    t = await createTestContext();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('retries with exponential backoff and delivers once when the server recovers', async () => {
    const r = await submitComplaint(t.ctx, { channel: 'email', externalId: '<m1@example.id>', receivedAt: new Date(), rawPayload: 'raw', text: 'Saluran mampet', reporter: { contactKind: 'email', contactValue: 'warga@example.id' } });
    const config = loadConfig({ ...t.env, CEPAT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true` });
    let now = new Date('2026-11-23T02:00:00Z');
    const worker = new OutboxWorker({ database: t.ctx.database, senders: { email: emailSender(config) }, log: pino({ level: 'silent' }), clock: () => now, baseDelayMs: 1000 });
    expect(await worker.runOnce()).toBe(0); // 451 → retry in 1 s
    expect(await worker.runOnce()).toBe(0); // not due yet: nothing attempted
    expect(smtp.attempts()).toBe(1);
    now = new Date(now.getTime() + 1000);
    expect(await worker.runOnce()).toBe(0); // second 451 → retry in 2 s
    now = new Date(now.getTime() + 1500);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.attempts()).toBe(2);
    now = new Date(now.getTime() + 600);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].subject).toContain(r.case.ticket);
    expect(smtp.received[0].text).toContain(r.accessCode);
    const row = await t.ctx.database.db.selectFrom('outbox').selectAll().where('case_id', '=', r.case.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received[0].messageId).toContain(row.delivery_key.replace(/[^\w.-]/g, '.'));
  });

  it('two workers never deliver the same message twice', async () => {
    await submitComplaint(t.ctx, { channel: 'email', externalId: '<m2@example.id>', receivedAt: new Date(), rawPayload: 'raw', text: 'Lampu mati', reporter: { contactKind: 'email', contactValue: 'dua@example.id' } });
    const config = loadConfig({ ...t.env, CEPAT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true` });
    const mk = () => new OutboxWorker({ database: t.ctx.database, senders: { email: emailSender(config) }, log: pino({ level: 'silent' }), clock: () => new Date('2026-11-24T00:00:00Z') });
    const before = smtp.received.length;
    const [a, b] = await Promise.all([mk().runOnce(), mk().runOnce()]);
    expect(a + b).toBe(1);
    expect(smtp.received.length).toBe(before + 1);
  });
});
