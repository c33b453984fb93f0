import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadChannelConfig, type ChannelConfig } from '../../src/channels/config/channel-config.js';
import { useChannelConfig } from '../../src/channels/config/channel-registry.js';
import { OutboxWorker } from '../../src/jobs/outbox-worker.js';
import { buildSenders } from '../../src/jobs/senders.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Local stand-ins for providers (Graph API, X API, SMS gateway, partner systems, media hosts): real HTTP
 * servers on loopback that record every call and answer as the test says — including 500s, 429s and never
 * answering at all (a timeout on our side).
 */
export interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json?: unknown;
}

export type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | 'hang';
export type Handler = (req: Recorded, n: number) => Reply | Promise<Reply>;

export interface StandIn {
  url: string;
  host: string;
  calls: Recorded[];
  /** Replaces how the stand-in answers from now on. */
  answer(handler: Handler): void;
  close(): Promise<void>;
}

export async function startStandIn(handler: Handler = () => ({ status: 200, body: { ok: true } })): Promise<StandIn> {
  let current = handler;
  const calls: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const rec: Recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, json };
      calls.push(rec);
      const reply = await current(rec, calls.length);
      if (reply === 'hang') return; // never answered; closed by close()
      const payload = Buffer.isBuffer(reply.body) ? reply.body : typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(JSON.stringify(reply.body ?? {}));
      const type = Buffer.isBuffer(reply.body) ? 'application/octet-stream' : typeof reply.body === 'string' ? 'text/plain' : 'application/json';
      res.writeHead(reply.status ?? 200, { 'content-type': type, 'content-length': payload.length, ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    calls,
    answer(h) {
      current = h;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface ChannelTestApp extends TestApp {
  channels: ChannelConfig;
  /** Time for the outbox (due times and backoff); providers' own rules use real time. */
  now: { value: Date };
  worker: OutboxWorker;
}

/** A test app whose channel configuration comes from `env` (as it would from the environment). */
export async function createChannelApp(env: Record<string, string>): Promise<ChannelTestApp> {
  const t = await createTestApp({ env: { CEPAT_CHANNEL_HTTP_TIMEOUT_MS: '400', CEPAT_MEDIA_TIMEOUT_MS: '1000', ...env } });
  const channels = useChannelConfig(t.ctx, loadChannelConfig(t.env));
  const now = { value: new Date('2026-11-23T02:00:00Z') };
  const log = pino({ level: 'silent' });
  const worker = new OutboxWorker({
    database: t.ctx.database,
    senders: buildSenders(t.ctx.config, log, {}, { database: t.ctx.database, channels }),
    log,
    clock: () => now.value,
    baseDelayMs: 1000,
  });
  return { ...t, channels, now, worker };
}

/** Runs outbox passes, moving the outbox clock past each backoff, until nothing is pending or `max` passes. */
export async function drainOutbox(app: ChannelTestApp, max = 10): Promise<number> {
  let sent = 0;
  for (let i = 0; i < max; i++) {
    sent += await app.worker.runOnce();
    const pending = await app.ctx.database.db.selectFrom('outbox').select('next_attempt_at').where('status', '=', 'pending').orderBy('next_attempt_at').executeTakeFirst();
    if (!pending) break;
    const due = new Date(pending.next_attempt_at);
    if (due > app.now.value) app.now.value = due;
  }
  return sent;
}

export async function count(app: TestApp, table: string): Promise<number> {
  const r = await (app.ctx.database.db as never as import('kysely').Kysely<Record<string, { n: number }>>)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
