import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 generated from the route schemas, served at /api/openapi.json with a docs page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cepat API',
        description: 'Cepat Respon Masyarakat — complaint intake, workflow, tracking and Open311 GeoReport v2.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cepat_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      tags: [
        { name: 'complaints', description: 'Citizen intake (web portal)' },
        { name: 'tracking', description: 'Citizen tracking by ticket number and access code' },
        { name: 'cases', description: 'Officer case handling' },
        { name: 'catalog', description: 'Areas, agencies, categories, routing' },
        { name: 'auth', description: 'Login and sessions' },
        { name: 'open311', description: 'Open311 GeoReport v2' },
        { name: 'webhooks', description: 'Channel webhooks' },
        { name: 'walkin', description: 'Walk-in posts and officer-assisted intake' },
        { name: 'reports', description: 'SLA performance and TKD reports' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
