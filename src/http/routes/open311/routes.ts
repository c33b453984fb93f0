import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';

/** Open311 GeoReport v2 under /open311/v2 (being written). */
export async function open311Routes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
