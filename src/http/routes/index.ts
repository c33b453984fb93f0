import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../services/context.js';
import { authRoutes } from './auth/routes.js';
import { caseRoutes } from './cases/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { complaintRoutes } from './complaints/routes.js';
import { healthRoutes } from './health.js';
import { open311Routes } from './open311/routes.js';
import { publicRoutes } from './public/routes.js';
import { reportRoutes } from './reports/routes.js';
import { trackRoutes } from './track/routes.js';
import { walkinRoutes } from './walkin/routes.js';
import { webUiRoutes } from './web-ui.js';
import { webhookRoutes } from './webhooks/routes.js';

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await complaintRoutes(app, ctx);
  await trackRoutes(app, ctx);
  await caseRoutes(app, ctx);
  await catalogRoutes(app, ctx);
  await open311Routes(app, ctx);
  await publicRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await webUiRoutes(app, ctx);
  await webhookRoutes(app, ctx);
  await walkinRoutes(app, ctx);
}
