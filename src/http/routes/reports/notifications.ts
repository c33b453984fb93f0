import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../../services/context.js';
import { listNotificationsFor, markNotificationRead } from '../../../store/sla.repository.js';
import { requireStaff } from '../../auth.js';
import { presentNotification } from './present.js';
import { notificationsQuery } from './schema.js';

/** In-app notifications of the logged-in officer: their own, and those addressed to their whole agency. */
export async function notificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/notifications', { schema: { tags: ['notifications'], summary: 'My notifications (newest first)', querystring: notificationsQuery }, preHandler: requireStaff() }, async (request) => {
    const q = request.query as { unread?: string; before?: number; limit?: number };
    const user = request.user!;
    const limit = q.limit ?? 50;
    const rows = await listNotificationsFor(ctx.database.db, { id: user.id, agencyId: user.agencyId }, { unreadOnly: q.unread === 'true', limit, beforeId: q.before });
    return { items: rows.map(presentNotification), next_before: rows.length === limit ? rows[rows.length - 1].id : null };
  });

  app.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], summary: 'Mark a notification read' }, preHandler: requireStaff() }, async (request) => {
    const { id } = request.params as { id: string };
    const user = request.user!;
    if (!/^\d+$/.test(id) || !(await markNotificationRead(ctx.database.db, Number(id), { id: user.id, agencyId: user.agencyId }, ctx.clock()))) {
      throw new DomainError('not_found', 'Notifikasi tidak ditemukan atau sudah dibaca', 'Notification not found or already read');
    }
    return { ok: true };
  });
}
