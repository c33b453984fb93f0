import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { DomainError } from '../../domain/errors.js';

/**
 * The embedded SMTP listener: the city's MX (or a relay in front of it) hands citizens' mail to it. It never
 * relays and needs no login; it takes mail for the configured recipients only, refuses anything over the size
 * limit, offers STARTTLS when a key and certificate are given, and answers 250 only once the message is
 * committed — a temporary failure (451) makes the sending server retry later, so no mail is lost.
 */
export interface SmtpListenerOptions {
  host: string;
  port: number;
  maxBytes: number;
  tls?: { key: Buffer; cert: Buffer };
  /** Name in the greeting and EHLO answer. */
  serverName?: string;
  acceptRecipient(address: string): boolean;
  /** Stores the message; throws a DomainError for mail that can never be taken, anything else to retry. */
  onMessage(raw: Buffer, envelope: { from: string | null; to: string[]; remoteAddress: string }): Promise<void>;
  log: Logger;
}

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function startSmtpListener(o: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: o.serverName,
    banner: 'Cepat complaint intake',
    size: o.maxBytes,
    authOptional: true,
    disabledCommands: o.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !o.tls,
    ...(o.tls ? { key: o.tls.key, cert: o.tls.cert } : {}),
    maxClients: 100,
    socketTimeout: 60_000,
    // The client's host name is not used, and a slow resolver would hold every connection up.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!o.acceptRecipient(address.address)) return callback(smtpError(550, '5.1.1 No such mailbox here; this server does not relay'));
      callback();
    },
    onData(stream, session, callback) {
      collect(stream, o.maxBytes).then(
        async (raw) => {
          if (!raw) return callback(smtpError(552, `5.3.4 Message exceeds the ${o.maxBytes} byte limit`));
          try {
            await o.onMessage(raw, envelopeOf(session));
            callback();
          } catch (err) {
            callback(failure(err, o.log));
          }
        },
        (err: Error) => callback(failure(err, o.log)),
      );
    },
  });
  server.on('error', (err) => o.log.warn({ cat: 'email', err: err.message }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  o.log.info({ cat: 'email', host: o.host, port, starttls: Boolean(o.tls) }, 'smtp listener started');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The whole message, or null when it went over the limit (the rest is read and discarded). */
function collect(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)));
  });
}

function envelopeOf(session: SMTPServerSession) {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
  return { from, to: session.envelope.rcptTo.map((r) => r.address), remoteAddress: session.remoteAddress };
}

/** Input that can never be taken is refused for good (the sender gets a bounce); anything else is retried. */
function failure(err: unknown, log: Logger): Error {
  if (err instanceof DomainError) {
    log.info({ cat: 'email', code: err.code }, 'mail refused');
    return smtpError(554, `5.6.0 ${err.messageEn}`);
  }
  log.error({ cat: 'email', err }, 'mail intake failed; sender will retry');
  return smtpError(451, '4.3.0 Temporary failure, please try again later');
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
