import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { addScheduleException, assignOfficer, createPost, removeScheduleException, setWeeklyHours, updatePost } from '../../../services/walkin/manage-posts.js';
import { assertCalendarDate, getPost, listPosts, openPostsOn, postCalendar } from '../../../services/walkin/posts.js';
import { localDateTime, addDays, type WeeklyHours } from '../../../services/walkin/schedule.js';
import { exceptionsBetween, officersOf } from '../../../services/walkin/walkin.repository.js';
import { requireStaff } from '../../auth.js';
import { presentDay, presentException, presentOfficer, presentOpenPost, presentPost } from './present.js';
import { createPostBody, detailQuery, exceptionBody, hoursSchema, listQuery, openQuery, patchPostBody, postIdParams } from './schema.js';

const tags = ['walkin'];

/**
 * Walk-in posts and their schedules. Reading is public (citizens look up where and when to go); the officer
 * list is for staff; editing is for admins and the area's territorial officers (checked in the services).
 */
export async function walkinPostRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/walkin/posts', { schema: { tags, summary: 'Walk-in posts with their weekly hours', querystring: listQuery } }, async (request) => {
    const q = request.query as { kind?: string; area?: string; include_inactive?: boolean };
    const posts = await listPosts(ctx, { kind: q.kind, area: q.area, includeInactive: q.include_inactive });
    return { items: posts.map(presentPost) };
  });

  app.get('/api/walkin/posts/open', { schema: { tags, summary: 'Posts open on a date (today by default), with their sessions', querystring: openQuery } }, async (request) => {
    const q = request.query as { date?: string; kind?: string; area?: string };
    const r = await openPostsOn(ctx, q.date, { kind: q.kind, area: q.area });
    return { date: r.date, items: r.posts.map(presentOpenPost) };
  });

  app.get('/api/walkin/posts/:id', { schema: { tags, summary: 'A post, its coming days and exceptions (officers for staff)', params: postIdParams, querystring: detailQuery } }, async (request) => {
    const { id } = request.params as { id: string };
    const q = request.query as { from?: string; days: number };
    const post = await getPost(ctx, id);
    const from = q.from ?? localDateTime(ctx.clock(), ctx.config.timezone).date;
    assertCalendarDate('from', from);
    const [days, exceptions] = await Promise.all([postCalendar(ctx, post, from, q.days), exceptionsBetween(ctx.database.db, from, addDays(from, q.days - 1), [post.id])]);
    const staff = request.actor?.kind === 'user';
    return {
      ...presentPost(post),
      days: days.map(presentDay),
      exceptions: exceptions.map(presentException),
      ...(staff ? { officers: (await officersOf(ctx.database.db, id)).map(presentOfficer) } : {}),
    };
  });

  app.post('/api/walkin/posts', { schema: { tags, summary: 'Create a post (admin)', body: createPostBody }, preHandler: requireStaff(['admin']) }, async (request, reply) => {
    const b = request.body as { id: string; name: string; kind: 'balai_kota' | 'kecamatan' | 'kelurahan' | 'other'; area_code?: string; address?: string; closed_on_holidays?: boolean; hours?: WeeklyHours[] };
    const post = await createPost(ctx, request.actor!, { id: b.id, name: b.name, kind: b.kind, areaCode: b.area_code, address: b.address, closedOnHolidays: b.closed_on_holidays, hours: b.hours }, { requestId: request.id });
    return reply.status(201).send(presentPost(post));
  });

  app.patch('/api/walkin/posts/:id', { schema: { tags, summary: 'Edit a post', params: postIdParams, body: patchPostBody }, preHandler: requireStaff() }, async (request) => {
    const { id } = request.params as { id: string };
    const b = request.body as { name?: string; address?: string | null; active?: boolean; closed_on_holidays?: boolean };
    return presentPost(await updatePost(ctx, request.actor!, id, { name: b.name, address: b.address, active: b.active, closedOnHolidays: b.closed_on_holidays }, { requestId: request.id }));
  });

  app.put(
    '/api/walkin/posts/:id/hours',
    { schema: { tags, summary: 'Replace the weekly hours', params: postIdParams, body: { type: 'object', required: ['hours'], additionalProperties: false, properties: { hours: hoursSchema } } }, preHandler: requireStaff() },
    async (request) => {
      const { id } = request.params as { id: string };
      return presentPost(await setWeeklyHours(ctx, request.actor!, id, (request.body as { hours: WeeklyHours[] }).hours, { requestId: request.id }));
    },
  );

  app.post('/api/walkin/posts/:id/exceptions', { schema: { tags, summary: 'Add a dated exception (cancelled day or special hours)', params: postIdParams, body: exceptionBody }, preHandler: requireStaff() }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const b = request.body as { date: string; closed: boolean; opens?: string; closes?: string; note?: string };
    return reply.status(201).send(presentException(await addScheduleException(ctx, request.actor!, { postId: id, ...b }, { requestId: request.id })));
  });

  app.delete('/api/walkin/posts/:id/exceptions/:exceptionId', { schema: { tags, summary: 'Remove an exception' }, preHandler: requireStaff() }, async (request, reply) => {
    const { id, exceptionId } = request.params as { id: string; exceptionId: string };
    await removeScheduleException(ctx, request.actor!, id, Number(exceptionId), { requestId: request.id });
    return reply.status(204).send();
  });

  app.post('/api/walkin/exceptions', { schema: { tags, summary: 'Add an exception for every post (admin)', body: exceptionBody }, preHandler: requireStaff(['admin']) }, async (request, reply) => {
    const b = request.body as { date: string; closed: boolean; opens?: string; closes?: string; note?: string };
    return reply.status(201).send(presentException(await addScheduleException(ctx, request.actor!, { postId: null, ...b }, { requestId: request.id })));
  });

  app.delete('/api/walkin/exceptions/:exceptionId', { schema: { tags, summary: 'Remove an exception for every post (admin)' }, preHandler: requireStaff(['admin']) }, async (request, reply) => {
    const { exceptionId } = request.params as { exceptionId: string };
    await removeScheduleException(ctx, request.actor!, null, Number(exceptionId), { requestId: request.id });
    return reply.status(204).send();
  });

  for (const [method, assign] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method,
      url: '/api/walkin/posts/:id/officers/:user',
      schema: { tags, summary: assign ? 'Assign a staff user (id or username) to the post' : 'Remove an officer from the post' },
      preHandler: requireStaff(),
      handler: async (request) => {
        const { id, user } = request.params as { id: string; user: string };
        const r = await assignOfficer(ctx, request.actor!, id, /^\d+$/.test(user) ? Number(user) : user, assign, { requestId: request.id });
        return { changed: r.changed, user_id: r.userId, officers: (await officersOf(ctx.database.db, id)).map(presentOfficer) };
      },
    });
  }
}
