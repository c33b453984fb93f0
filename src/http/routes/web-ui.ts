import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../services/context.js';

/**
 * Serves the built web UI (`vite build web` → web/dist) from the API server itself, so one process and one
 * port serve citizens, officers and the API — and it works offline. A small static handler instead of
 * @fastify/static: the UI is one index.html and a flat folder of hashed assets.
 */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Client-side routes: the server answers index.html and the UI's router picks the page. */
export const SPA_ROUTES = ['/', '/lacak', '/lacak/*', '/statistik', '/petugas', '/petugas/*'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);

/** Vite names assets by content hash: they never change under the same name, so browsers keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

// The UI loads nothing from elsewhere (no CDN, no fonts); blob: is for the photo previews before upload.
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

const NOT_BUILT = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cepat</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Cepat</h1>
<p>Antarmuka web belum dibangun. Jalankan <code>npm run build:web</code>, lalu muat ulang halaman ini.</p>
<p lang="en">The web UI has not been built. Run <code>npm run build:web</code>, then reload this page.</p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>`;

interface FileEntry {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
}

export async function webUiRoutes(app: FastifyInstance, _ctx: AppContext, opts: { distDir?: string } = {}): Promise<void> {
  const dist = path.resolve(opts.distDir ?? DEFAULT_WEB_DIST);
  // Hashed assets never change under their name; index.html is re-read when a rebuild changes it.
  const cache = new Map<string, { mtimeMs: number; size: number; entry: FileEntry }>();

  async function load(file: string): Promise<FileEntry | null> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.entry;
    const body = await fs.readFile(file);
    const ext = path.extname(file).toLowerCase();
    const entry: FileEntry = {
      body,
      gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      type: TYPES[ext] ?? 'application/octet-stream',
    };
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, entry });
    return entry;
  }

  function send(request: FastifyRequest, reply: FastifyReply, f: FileEntry, headers: Record<string, string>) {
    reply.headers({ ...headers, 'content-type': f.type, etag: f.etag, 'x-content-type-options': 'nosniff', vary: 'accept-encoding' });
    if (request.headers['if-none-match'] === f.etag) return reply.status(304).send();
    const gzipOk = f.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzipOk) reply.header('content-encoding', 'gzip');
    return reply.send(gzipOk ? f.gzip : f.body);
  }

  const index = async (request: FastifyRequest, reply: FastifyReply) => {
    const f = await load(path.join(dist, 'index.html'));
    if (!f) return reply.status(503).headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).send(NOT_BUILT);
    return send(request, reply, f, HTML_HEADERS);
  };
  for (const url of SPA_ROUTES) app.get(url, { schema: { hide: true } }, index);

  app.get('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const file = assetPath(dist, request.url);
    const f = file ? await load(file) : null;
    if (!f) return reply.status(404).send({ error: { code: 'not_found', message: 'Berkas tidak ditemukan', message_en: 'File not found' } });
    return send(request, reply, f, { 'cache-control': IMMUTABLE });
  });
}

/**
 * Maps a request URL under /assets/ to a file inside `dist`, or null. The URL is decoded once and refused if
 * it holds `..` segments, backslashes, NUL or anything that would resolve outside the assets folder.
 */
export function assetPath(dist: string, url: string): string | null {
  const rawPath = url.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const rel = decoded.replace(/^\/+/, '');
  if (!rel.startsWith('assets/')) return null;
  const root = path.join(dist, 'assets') + path.sep;
  const full = path.resolve(dist, rel);
  return full.startsWith(root) ? full : null;
}
