import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../services/context.js';
import { resolveActor } from './auth.js';
import { registerBodyParsers } from './body-parsers.js';
import { handleError } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { registerRoutes } from './routes/index.js';

/** Builds the HTTP server: authenticate → validate (schema) → use case → presenter, for every route. */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log.child({ cat: 'http' }) as FastifyBaseLogger,
    bodyLimit: ctx.config.maxBodyBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,80}$/.test(given) ? given : randomUUID();
    },
    // Per-request lines only at debug level: at info the log stays readable on a busy intake day.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' && ctx.config.logLevel !== 'trace' }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    trustProxy: true,
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorateRequest('rawBody', undefined);
  registerBodyParsers(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 10, fields: 60, fieldSize: 64 * 1024, parts: 80 },
    throwFileSizeLimit: true,
  });
  await registerOpenApi(app);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preHandler', async (request) => {
    // Providers authenticate webhooks by signature; an Authorization header they add for their own reasons
    // must not be read as a Cepat session or API key.
    if (request.url.startsWith('/webhooks/')) return;
    await resolveActor(ctx, request);
  });
  await registerRoutes(app, ctx);
  return app;
}
