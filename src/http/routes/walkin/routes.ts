import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { walkinIntakeRoutes } from './intake-routes.js';
import { walkinPostRoutes } from './post-routes.js';

/** Walk-in posts: schedules (public), their editing and officers (staff), assisted intake and receipts. */
export async function walkinRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await walkinPostRoutes(app, ctx);
  await walkinIntakeRoutes(app, ctx);
}
