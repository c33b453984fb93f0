import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../services/context.js';
import { assetPath, webUiRoutes } from './web-ui.js';

const ctx = {} as AppContext; // the static handler uses no services

async function serverFor(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  await webUiRoutes(app, ctx, { distDir });
  app.get('/api/ping', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('assetPath', () => {
  const dist = path.resolve('/srv/web/dist');
  it('maps /assets/ URLs inside the assets folder', () => {
    expect(assetPath(dist, '/assets/index-abc.js?v=1')).toBe(path.join(dist, 'assets', 'index-abc.js'));
  });
  it.each(['/assets/../index.html', '/assets/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '/assets/a\\..\\b', '/assets/x%00.js', '/assets/%E0%A4%A', '/index.html', '/assets/'])('refuses %s', (url) => {
    expect(assetPath(dist, url)).toBeNull();
  });
});

describe('web UI static handler', () => {
  let dir: string;
  let app: FastifyInstance;
  const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-webui-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Cepat UI</title><div id="root"></div>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), js);
    fs.writeFileSync(path.join(dir, 'assets', 'logo-1.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not public');
    app = await serverFor(dir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/lacak', '/lacak/JKT-2611-000001', '/statistik', '/petugas', '/petugas/kasus/JKT-2611-000001'])('answers index.html for %s', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('Cepat UI');
  });

  it('serves hashed assets with their type, a long cache and gzip when accepted', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(js);
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(js.length);
    const svg = await app.inject({ url: '/assets/logo-1.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.inject({ url: '/assets/index-abc123.js' });
    const again = await app.inject({ url: '/assets/index-abc123.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it.each(['/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/..%2fsecret.txt', '/assets/nope.js', '/assets/'])('does not serve %s', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('not public');
  });

  it('leaves other paths to their own routes (no catch-all)', async () => {
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ ok: true });
    expect((await app.inject({ url: '/secret.txt' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/unknown' })).headers['content-type']).toContain('application/json');
  });

  it('says how to build the UI when web/dist is missing', async () => {
    const bare = await serverFor(path.join(dir, 'missing'));
    const res = await bare.inject({ url: '/petugas' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect((await bare.inject({ url: '/assets/index-abc123.js' })).statusCode).toBe(404);
    await bare.close();
  });
});
