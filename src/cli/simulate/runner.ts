import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { Pool } from 'undici';
import { loadProvinceAreas } from '../../store/reference-areas.js';
import { buildDrivers, chooseDriver, type Delivery, type SimTargets } from './channels.js';
import { makeComplaint, seededRng, type Kelurahan } from './corpus.js';

/**
 * Plays the stream: message i is due at start + i/rate; at most `concurrency` requests are in flight (a slow
 * server lowers the achieved rate instead of piling up sockets). The content and channel of message i depend
 * only on the seed; the message ids carry a run id too, so a second run adds new cases unless `runId` is
 * repeated (then the server answers every message as a duplicate — a replay test).
 */
export interface SimulationOptions {
  url: string;
  ratePerSecond: number;
  durationSeconds: number;
  seed: number;
  runId?: string;
  concurrency?: number;
  targets: Omit<SimTargets, 'officerToken' | 'smtp'>;
  officer?: { username: string; password: string };
  smtp?: { host: string; port: number };
  kelurahan?: Kelurahan[];
  log?: (line: string) => void;
}

export interface ChannelStats {
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  totalLatencyMs: number;
}

export interface SimulationReport {
  runId: string;
  seed: number;
  elapsedMs: number;
  sent: number;
  ok: number;
  /** Messages answered per second over the whole run. */
  achievedPerSecond: number;
  channels: Record<string, ChannelStats>;
  skipped: { channel: string; reason: string }[];
}

export async function runSimulation(o: SimulationOptions): Promise<SimulationReport> {
  const base = o.url.replace(/\/+$/, '');
  const runId = o.runId ?? randomBytes(4).toString('hex');
  const concurrency = o.concurrency ?? 16;
  const pool = new Pool(base, { connections: concurrency });
  const extraSkips: { channel: string; reason: string }[] = [];
  let officerToken: string | undefined;
  if (o.officer) {
    const res = await pool.request({ path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(o.officer) });
    const body = (await res.body.json()) as { token?: string };
    if (res.statusCode === 200 && body.token) officerToken = body.token;
    else extraSkips.push({ channel: 'walkin', reason: `officer login failed (HTTP ${res.statusCode})` });
  }
  const mail: Transporter | undefined = o.smtp
    ? nodemailer.createTransport({ host: o.smtp.host, port: o.smtp.port, secure: false, pool: true, maxConnections: Math.max(1, Math.min(8, Math.ceil(concurrency / 4))), tls: { rejectUnauthorized: false } })
    : undefined;
  const { drivers, skipped } = buildDrivers({ ...o.targets, officerToken, smtp: Boolean(mail) });
  const kelurahan = o.kelurahan ?? (await loadProvinceAreas('31')).filter((a) => a.level === 'kelurahan').map((a) => ({ code: a.code, name: a.name }));
  const channels: Record<string, ChannelStats> = Object.fromEntries(drivers.map((d) => [d.name, { sent: 0, ok: 0, statuses: {}, totalLatencyMs: 0 }]));
  const rnd = seededRng(o.seed);

  let logged = 0;
  const send = async (channel: string, d: Delivery) => {
    const stats = channels[channel];
    const t0 = performance.now();
    let status: string;
    try {
      if (d.kind === 'smtp') {
        const info = await mail!.sendMail({ from: d.from, to: d.to, subject: d.subject, text: d.text, messageId: d.messageId });
        status = `smtp ${(info.response ?? '250').slice(0, 3)}`;
      } else {
        const res = await pool.request({ path: d.path, method: 'POST', headers: d.headers, body: d.body });
        status = String(res.statusCode);
        if (res.statusCode >= 300 && o.log && logged++ < 20) o.log(`${channel} ${status}: ${(await res.body.text()).slice(0, 300)}`);
        else await res.body.dump();
      }
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      status = code ? `smtp ${code}` : `error ${(err as { code?: string }).code ?? (err as Error).message}`.slice(0, 40);
    }
    stats.sent++;
    stats.totalLatencyMs += performance.now() - t0;
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    if (/^2\d\d$/.test(status) || status === 'smtp 250') stats.ok++;
  };

  const inflight = new Set<Promise<void>>();
  const start = performance.now();
  const end = start + o.durationSeconds * 1000;
  for (let i = 0; drivers.length > 0; i++) {
    const due = start + (i / o.ratePerSecond) * 1000;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inflight.size >= concurrency) await Promise.race(inflight);
    if (performance.now() >= end) break;
    const complaint = makeComplaint(rnd, i, kelurahan);
    const driver = chooseDriver(rnd, drivers);
    const p = send(driver.name, driver.build(complaint, rnd, `sim-${runId}-${o.seed}-${i}`)).finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  const elapsedMs = performance.now() - start;
  await pool.close();
  mail?.close();
  const sent = Object.values(channels).reduce((s, c) => s + c.sent, 0);
  const ok = Object.values(channels).reduce((s, c) => s + c.ok, 0);
  return { runId, seed: o.seed, elapsedMs, sent, ok, achievedPerSecond: sent / (elapsedMs / 1000), channels, skipped: [...skipped.filter((s) => !extraSkips.some((e) => e.channel === s.channel)), ...extraSkips] };
}

/** The report as lines for the terminal. */
export function formatReport(r: SimulationReport): string {
  const lines = [
    `run ${r.runId} (seed ${r.seed}): ${r.sent} messages in ${(r.elapsedMs / 1000).toFixed(1)} s = ${r.achievedPerSecond.toFixed(1)} messages/s, ${r.ok} accepted`,
    '',
    `${'channel'.padEnd(10)} ${'sent'.padStart(6)} ${'ok'.padStart(6)} ${'avg ms'.padStart(8)}  statuses`,
  ];
  for (const [name, c] of Object.entries(r.channels)) {
    const statuses = Object.entries(c.statuses).sort().map(([s, n]) => `${s}×${n}`).join(' ');
    lines.push(`${name.padEnd(10)} ${String(c.sent).padStart(6)} ${String(c.ok).padStart(6)} ${(c.sent ? c.totalLatencyMs / c.sent : 0).toFixed(1).padStart(8)}  ${statuses}`);
  }
  for (const s of r.skipped) lines.push(`skipped ${s.channel}: ${s.reason}`);
  return lines.join('\n');
}
