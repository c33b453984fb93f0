import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { loadEmailSettings, type EmailSettings } from '../../src/jobs/email/email-settings.js';
import type { AppContext } from '../../src/services/context.js';

/** Peers for the e-mail tests: a recording SMTP sink, a sending client, and a real IMAP server (dovecot). */

export const CITY_MAILBOX = 'pengaduan@jakarta.go.id';

export function testEmailSettings(ctx: AppContext, env: Record<string, string> = {}): EmailSettings {
  return loadEmailSettings(ctx.config, { CEPAT_SMTP_LISTEN: '127.0.0.1:0', CEPAT_MAIL_REPLY_TO: CITY_MAILBOX, CEPAT_SMTP_RECIPIENTS: '@jakarta.go.id', ...env });
}

/** A client that talks SMTP to our listener the way a mail server would (no TLS unless asked). */
export function smtpClient(port: number, opts: { requireTLS?: boolean } = {}) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: !opts.requireTLS,
    requireTLS: opts.requireTLS,
    tls: { rejectUnauthorized: false },
    connectionTimeout: 5000,
  });
}

export interface SinkMessage {
  raw: Buffer;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  headers: Map<string, unknown>;
}

/** Where our replies go: a real SMTP server on loopback recording every message. */
export async function startSmtpSink(): Promise<{ port: number; received: SinkMessage[]; close(): Promise<void> }> {
  const received: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        const refs = mail.references ? (Array.isArray(mail.references) ? mail.references : [mail.references]) : [];
        received.push({
          raw,
          to: (mail.to as { text: string }).text,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          messageId: mail.messageId ?? '',
          inReplyTo: mail.inReplyTo,
          references: refs,
          headers: mail.headers as Map<string, unknown>,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => fs.existsSync(p));

export interface Dovecot {
  port: number;
  user: string;
  pass: string;
  url(mailbox?: string): string;
  stop(): Promise<void>;
}

/**
 * Starts dovecot as an unprivileged process from a minimal generated configuration in a temporary directory:
 * IMAP only, plaintext login on 127.0.0.1 at a free port, one passwd-file user, Maildir storage. As root the
 * process drops to `nobody` first (setpriv), so the test never runs a mail server with privileges.
 */
export async function startDovecot(): Promise<Dovecot> {
  if (!DOVECOT) throw new Error('dovecot not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const who = root ? { user: 'nobody', group: spawnSync('id', ['-gn', 'nobody']).stdout.toString().trim() || 'nogroup' } : { user: os.userInfo().username, group: spawnSync('id', ['-gn']).stdout.toString().trim() };
  const user = 'pengaduan';
  const pass = 'rahasia-imap-123';
  for (const d of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, d));
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${pass}\n`);
  fs.writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.user}
default_internal_group = ${who.group}
default_login_user = ${who.user}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.user} gid=${who.group} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  if (root) spawnSync('chown', ['-R', `${who.user}:${who.group}`, dir]);
  const args = ['-F', '-c', path.join(dir, 'dovecot.conf')];
  const child: ChildProcess = root
    ? spawn('setpriv', [`--reuid=${who.user}`, `--regid=${who.group}`, '--clear-groups', DOVECOT, ...args], { stdio: 'ignore' })
    : spawn(DOVECOT, args, { stdio: 'ignore' });
  await waitForPort(port, 10_000, () => (fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''));
  return {
    port,
    user,
    pass,
    url: (mailbox = 'INBOX') => `imap://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}/${mailbox}?starttls=off`,
    async stop() {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port}:\n${log()}`);
}

/** A self-signed key and certificate for STARTTLS, or null without the openssl command. */
export function selfSignedCert(dir: string): { key: string; cert: string } | null {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  return r.status === 0 ? { key, cert } : null;
}
