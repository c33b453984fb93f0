import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Logger } from 'pino';

/**
 * Polls a mailbox (`CEPAT_IMAP_URL`, e.g. `imaps://pengaduan%40jakarta.go.id:secret@mail.jakarta.go.id/INBOX`)
 * for citizens' mail. A message is flagged `$CepatProcessed` (and `\Seen`), and moved to the done mailbox when
 * one is configured, only after its intake committed; so a restart picks up exactly the unflagged ones, and a
 * crash between commit and flag only replays a message the intake recognises by its Message-ID (no duplicate
 * case). Servers without custom keywords fall back to `\Seen` as the marker. Mail that can never be taken is
 * flagged `$CepatRejected` too, so it is not retried forever; a temporary failure leaves it for the next poll.
 */
export const PROCESSED_KEYWORD = '$CepatProcessed';
export const REJECTED_KEYWORD = '$CepatRejected';

export type MailOutcome = 'done' | 'rejected';

export interface ImapPollerOptions {
  url: string;
  doneMailbox?: string;
  intervalMs: number;
  /** Stores one raw message; throws to leave it for the next poll. */
  handle(raw: Buffer): Promise<MailOutcome>;
  log: Logger;
  /** Messages per poll; the rest wait for the next one. */
  batchSize?: number;
}

export interface PollResult {
  processed: number;
  rejected: number;
  retry: number;
}

export function imapConnection(url: string): { options: ImapFlowOptions; mailbox: string } {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const starttls = u.searchParams.get('starttls');
  const options: ImapFlowOptions = {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    logger: false,
    // One poll at a time: no IDLE between commands.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    socketTimeout: 120_000,
  };
  if (starttls === 'required') options.doSTARTTLS = true;
  if (starttls === 'off') options.doSTARTTLS = false;
  if (u.searchParams.get('tls') === 'insecure') options.tls = { rejectUnauthorized: false };
  const mailbox = decodeURIComponent(u.pathname.replace(/^\/+/, '')) || 'INBOX';
  return { options, mailbox };
}

export class ImapPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PollResult> | null = null;
  constructor(private readonly o: ImapPollerOptions) {}

  /** One pass over the unprocessed messages (concurrent calls share the pass in progress). */
  runOnce(): Promise<PollResult> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<PollResult> {
    const { options, mailbox } = imapConnection(this.o.url);
    const client = new ImapFlow(options);
    // A dropped connection emits 'error'; without a listener it would crash the process.
    client.on('error', (err: Error) => this.o.log.warn({ cat: 'email', err: err.message }, 'imap connection error'));
    const result: PollResult = { processed: 0, rejected: 0, retry: 0 };
    await client.connect();
    try {
      if (this.o.doneMailbox) await ensureMailbox(client, this.o.doneMailbox);
      const lock = await client.getMailboxLock(mailbox);
      try {
        const keywords = client.mailbox !== false && client.mailbox.permanentFlags?.has('\\*') === true;
        const uids = (await client.search(keywords ? { unKeyword: PROCESSED_KEYWORD, deleted: false } : { seen: false, deleted: false }, { uid: true })) || [];
        for (const uid of uids.slice(0, this.o.batchSize ?? 200)) {
          const range = String(uid);
          const msg = await client.fetchOne(range, { source: true }, { uid: true });
          if (!msg || !msg.source) continue;
          let outcome: MailOutcome;
          try {
            outcome = await this.o.handle(msg.source);
          } catch (err) {
            result.retry++;
            this.o.log.warn({ cat: 'email', uid, err: (err as Error).message }, 'imap message left for the next poll');
            continue;
          }
          const flags = keywords ? ['\\Seen', PROCESSED_KEYWORD, ...(outcome === 'rejected' ? [REJECTED_KEYWORD] : [])] : ['\\Seen'];
          await client.messageFlagsAdd(range, flags, { uid: true });
          if (this.o.doneMailbox) await client.messageMove(range, this.o.doneMailbox, { uid: true });
          if (outcome === 'rejected') result.rejected++;
          else result.processed++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return result;
  }

  start(): void {
    if (this.timer) return;
    const tick = () =>
      this.runOnce().catch((err: Error) => this.o.log.warn({ cat: 'email', err: err.message }, 'imap poll failed; will retry'));
    void tick();
    this.timer = setInterval(tick, this.o.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  const list = await client.list();
  if (list.some((m) => m.path === path)) return;
  await client.mailboxCreate(path);
}
