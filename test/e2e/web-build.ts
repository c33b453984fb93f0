import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the UI lives and where `vite build web` writes it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = path.join(ROOT, 'web');
export const DIST_INDEX = path.join(WEB_DIR, 'dist', 'index.html');
export const CHROMIUM = '/usr/bin/chromium';

/** Finds `node_modules/<name>` from `dir` upwards (as Node and Vite resolve a bare import). */
function packageDir(name: string, dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(d) === d) return null;
  }
}

/** The vite CLI, when vite and the React packages the build needs can be resolved from web/. */
export function viteBin(): string | null {
  const needed = ['vite', '@vitejs/plugin-react', 'react', 'react-dom'].map((n) => packageDir(n, WEB_DIR));
  if (needed.some((d) => !d)) return null;
  const bin = path.join(needed[0]!, 'bin', 'vite.js');
  return fs.existsSync(bin) ? bin : null;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than the sources it is built from. */
export function distIsStale(): boolean {
  if (!fs.existsSync(DIST_INDEX)) return true;
  const built = fs.statSync(DIST_INDEX).mtimeMs;
  const sources = [path.join(WEB_DIR, 'index.html'), path.join(WEB_DIR, 'vite.config.ts')].map((f) => fs.statSync(f).mtimeMs);
  return Math.max(newestSource(path.join(WEB_DIR, 'src')), ...sources) > built;
}

/** Why the browser test cannot run here, or null when it can. */
export function skipReason(): string | null {
  if (!fs.existsSync(CHROMIUM)) return `no browser at ${CHROMIUM} (apt-get install -y --no-install-recommends chromium)`;
  if (!fs.existsSync(DIST_INDEX) && !viteBin()) return 'web/dist is missing and vite/@vitejs/plugin-react/react are not installed to build it (npm run build:web)';
  return null;
}

/** Held while one test process builds the UI: browser test files run in parallel forks and would build at once. */
const BUILD_LOCK = path.join(WEB_DIR, '.dist-build.lock');
const STALE_LOCK_MS = 120_000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the UI when it is missing or stale and vite is available (about two seconds). One process builds; the
 * others wait for its lock and then find the build fresh (vite empties web/dist first, so two builds at once
 * could serve a half-written UI).
 */
export function ensureWebBuilt(): void {
  const bin = viteBin();
  if (!bin) return;
  while (distIsStale()) {
    try {
      fs.mkdirSync(BUILD_LOCK);
    } catch {
      // A lock left by a killed run would block forever: take it over once it is clearly too old.
      const age = Date.now() - (fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      else pause(200);
      continue;
    }
    try {
      // vitest sets NODE_ENV=test, which would give a development build of React: build as `npm run build:web` does.
      if (distIsStale()) execFileSync(process.execPath, [bin, 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 60_000, env: { ...process.env, NODE_ENV: 'production' } });
    } finally {
      fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
    // Built (or found fresh) under the lock: done, even if a source's clock is ahead of the build's.
    return;
  }
}
