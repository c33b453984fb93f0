import type { FastifyInstance } from 'fastify';
import { login, logout } from '../../../services/auth/sessions.js';
import type { AppContext } from '../../../services/context.js';
import { requireStaff, SESSION_COOKIE } from '../../auth.js';

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', maxLength: 80 }, password: { type: 'string', maxLength: 200 } } },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const s = await login(ctx, username, password);
      reply.setCookie(SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.publicUrl.startsWith('https://'),
        path: '/',
        expires: s.expiresAt,
      });
      // The token is also returned for API clients that cannot keep cookies (CLI, scripts).
      return { token: s.token, expires_at: s.expiresAt.toISOString(), user: await me(ctx, s.userId) };
    },
  );
  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const bearer = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : undefined;
    const token = bearer ?? request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/auth/me', { schema: { tags: ['auth'] }, preHandler: requireStaff() }, async (request) => me(ctx, request.user!.id));
}

async function me(ctx: AppContext, id: number) {
  const u = await ctx.database.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'agency_id', 'area_code']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: u.id, username: u.username, display_name: u.display_name, role: u.role, agency: u.agency_id, area: u.area_code };
}
