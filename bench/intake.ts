import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { complaintLoad } from './complaint-load.js';
import { fmt, load, processCpuMs, startProcess, stopProcess, type LoadResult } from './support.js';

/**
 * Intake throughput: the real server (SQLite, WAL, synchronous=FULL: every 201 is on disk) taking web-form
 * complaints over HTTP, against a bare fastify hello-world on the same machine in the same run.
 * Goal (issue 2): ratio ≥ 0.30 with p99 ≤ 25 ms at 10 connections.
 *
 * Two more servers take the same stream, to show where the gap to the goal lies:
 * - the durable floor (bench/durable-floor-server.ts): one group-committed row per request, no intake logic, the
 *   most any durable intake can reach here;
 * - the minimal intake (bench/minimal-intake-server.ts): what issue 2 item 6 puts in one transaction (raw message,
 *   reporter, routed case, first event, outbox acknowledgement), with raw prepared statements and nothing else,
 *   without and with a full-text index.
 */
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-bench-'));

interface Measured {
  result: LoadResult;
  cpu: string;
}

/** Starts a server, warms it up for 2 s, measures it, and stops it. */
async function measure(args: string[], env: Record<string, string>, ready: RegExp, urlPath: string, requests?: autocannon.Request[]): Promise<Measured> {
  const server = await startProcess(process.execPath, args, { PORT: '0', ...env }, ready);
  const url = `http://127.0.0.1:${server.port}${urlPath}`;
  await load({ url, duration: 2, connections, requests });
  const cpu0 = processCpuMs(server.child.pid);
  const result = await load({ url, duration, connections, requests });
  const cpu = cpuPerRequest(cpu0, processCpuMs(server.child.pid), result.total);
  await stopProcess(server.child);
  return { result, cpu };
}

async function main() {
  console.log(`Intake benchmark: ${connections} connections, ${duration} s each, ${os.cpus().length} cores, data dir ${dataDir}`);
  const hello = await measure(['--import', 'tsx', 'bench/hello-server.ts'], {}, /listening (\d+)/, '/');

  const cepat = await startProcess(
    process.execPath,
    ['bin/cepat.mjs', 'serve'],
    { PORT: '0', HOST: '127.0.0.1', CEPAT_DATA_DIR: dataDir, CEPAT_ADMIN_PASSWORD: 'bench-password-1', CEPAT_LOG_LEVEL: 'warn', CEPAT_WORKERS: 'off', DATABASE_URL: '' },
    /listening on http:\/\/[^:]+:(\d+)/,
  );
  const complaints = complaintLoad(path.join(dataDir, 'cepat.sqlite'));
  console.log(`complaints: ${complaints.source}, 80% with a category, all 267 kelurahan, ~5% repeat reports of one incident`);
  const req: autocannon.Request = { method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: complaints.next() }) };
  const url = `http://127.0.0.1:${cepat.port}/api/complaints`;
  await load({ url, duration: 2, connections, requests: [req] });
  const cepatCpu0 = processCpuMs(cepat.child.pid);
  const real = await load({ url, duration, connections, requests: [req] });
  const cepatCpu = cpuPerRequest(cepatCpu0, processCpuMs(cepat.child.pid), real.total);
  await stopProcess(cepat.child);

  const floor = await measure(['--import', 'tsx', 'bench/durable-floor-server.ts'], {}, /listening (\d+)/, '/', [req]);
  const minimal = await measure(['--import', 'tsx', 'bench/minimal-intake-server.ts'], {}, /listening (\d+)/, '/', [req]);
  const minimalFts = await measure(['--import', 'tsx', 'bench/minimal-intake-server.ts'], { CEPAT_FLOOR_FTS: '1' }, /listening (\d+)/, '/', [req]);

  const base = hello.result;
  const line = (label: string, m: Measured) => console.log(`${label.padEnd(30)} ${fmt(m.result)}   server CPU ${m.cpu} per request   ratio ${(m.result.rps / base.rps).toFixed(3)}`);
  console.log(`${'hello-world (baseline)'.padEnd(30)} ${fmt(base)}   server CPU ${hello.cpu} per request`);
  line('durable floor', floor);
  line('minimal intake', minimal);
  line('minimal intake + FTS5', minimalFts);
  line('cepat intake', { result: real, cpu: cepatCpu });
  const ratio = real.rps / base.rps;
  console.log(`ratio intake/baseline  ${ratio.toFixed(3)}   goal ≥ 0.30 with p99 ≤ 25 ms: ${ratio >= 0.3 && real.p99 <= 25 ? 'MET' : 'NOT MET'}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The server's CPU time per answered request: with one event loop, throughput is bounded by its inverse. */
function cpuPerRequest(before: number | null, after: number | null, requests: number): string {
  if (before === null || after === null || requests === 0) return 'n/a';
  return `${(((after - before) * 1000) / requests).toFixed(0)} µs`;
}

await main();
