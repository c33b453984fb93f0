import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes received, for webhook signatures (HMAC over the raw body). */
    rawBody?: Buffer;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalidUtf8 = () => new DomainError('validation_failed', 'Isi permintaan bukan UTF-8 yang valid', 'The request body is not valid UTF-8');

function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw invalidUtf8();
  }
}

/**
 * `application/x-www-form-urlencoded` as Open311 uses it: repeated keys become arrays, `attribute[CODE][]`
 * keys are kept as written, and a percent-escape that is not valid UTF-8 is refused instead of silently
 * turned into U+FFFD.
 */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!text) return out;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      throw invalidUtf8();
    }
    const prev = out[key];
    if (prev === undefined) out[key] = key.endsWith('[]') ? [value] : value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'application/*+json'], { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(decodeUtf8(body)));
    } catch (err) {
      done(err instanceof DomainError ? err : new DomainError('validation_failed', 'Isi permintaan bukan JSON yang valid', 'The request body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.rawBody = body;
    try {
      done(null, parseForm(decodeUtf8(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser(['text/plain', 'message/rfc822'], { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    request.rawBody = body;
    try {
      done(null, decodeUtf8(body));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
