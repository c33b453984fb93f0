import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { complaintLoad } from './complaint-load.js';
import { fmt, load, processCpuMs, startProcess, stopProcess } from './support.js';

/**
 * Intake throughput: the real server (SQLite, WAL, synchronous=FULL: every 201 is on disk) taking web-form
 * complaints over HTTP, against a bare fastify hello-world on the same machine in the same run.
 * Goal (issue 2): ratio ≥ 0.30 with p99 ≤ 25 ms at 10 connections.
 * Between the two, the same stream goes to the durable floor (bench/durable-floor-server.ts): one row per
 * request, group-committed with synchronous=FULL and no intake logic, i.e. the most any durable intake can reach
 * here. It separates what the disk costs from what the case model costs.
 */
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-bench-'));

async function main() {
  console.log(`Intake benchmark: ${connections} connections, ${duration} s each, ${os.cpus().length} cores, data dir ${dataDir}`);
  const hello = await startProcess(process.execPath, ['--import', 'tsx', 'bench/hello-server.ts'], { PORT: '0' }, /listening (\d+)/);
  await load({ url: `http://127.0.0.1:${hello.port}/`, duration: 2, connections });
  const helloCpu0 = processCpuMs(hello.child.pid);
  const base = await load({ url: `http://127.0.0.1:${hello.port}/`, duration, connections });
  const helloCpu = cpuPerRequest(helloCpu0, processCpuMs(hello.child.pid), base.total);
  await stopProcess(hello.child);

  const cepat = await startProcess(
    process.execPath,
    ['bin/cepat.mjs', 'serve'],
    { PORT: '0', HOST: '127.0.0.1', CEPAT_DATA_DIR: dataDir, CEPAT_ADMIN_PASSWORD: 'bench-password-1', CEPAT_LOG_LEVEL: 'warn', CEPAT_WORKERS: 'off', DATABASE_URL: '' },
    /listening on http:\/\/[^:]+:(\d+)/,
  );
  const complaints = complaintLoad(path.join(dataDir, 'cepat.sqlite'));
  console.log(`complaints: ${complaints.source}, 80% with a category, all 267 kelurahan, ~5% repeat reports of one incident`);
  const body = () => complaints.next();
  const url = `http://127.0.0.1:${cepat.port}/api/complaints`;
  const req: autocannon.Request = { method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: body() }) };
  await load({ url, duration: 2, connections, requests: [req] });
  const cepatCpu0 = processCpuMs(cepat.child.pid);
  const real = await load({ url, duration, connections, requests: [req] });
  const cepatCpu = cpuPerRequest(cepatCpu0, processCpuMs(cepat.child.pid), real.total);
  await stopProcess(cepat.child);

  // The durable floor: one row per request, group-committed with synchronous=FULL; no intake logic at all.
  const floor = await startProcess(process.execPath, ['--import', 'tsx', 'bench/durable-floor-server.ts'], { PORT: '0' }, /listening (\d+)/);
  await load({ url: `http://127.0.0.1:${floor.port}/`, duration: 2, connections, requests: [req] });
  const floorCpu0 = processCpuMs(floor.child.pid);
  const durable = await load({ url: `http://127.0.0.1:${floor.port}/`, duration, connections, requests: [req] });
  const floorCpu = cpuPerRequest(floorCpu0, processCpuMs(floor.child.pid), durable.total);
  await stopProcess(floor.child);

  const ratio = real.rps / base.rps;
  console.log(`hello-world (baseline) ${fmt(base)}   server CPU ${helloCpu} per request`);
  console.log(`durable floor          ${fmt(durable)}   server CPU ${floorCpu} per request   ratio ${(durable.rps / base.rps).toFixed(3)}`);
  console.log(`cepat intake           ${fmt(real)}   server CPU ${cepatCpu} per request`);
  console.log(`ratio intake/baseline  ${ratio.toFixed(3)}   goal ≥ 0.30 with p99 ≤ 25 ms: ${ratio >= 0.3 && real.p99 <= 25 ? 'MET' : 'NOT MET'}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The server's CPU time per answered request: with one event loop, throughput is bounded by its inverse. */
function cpuPerRequest(before: number | null, after: number | null, requests: number): string {
  if (before === null || after === null || requests === 0) return 'n/a';
  return `${(((after - before) * 1000) / requests).toFixed(0)} µs`;
}

await main();
