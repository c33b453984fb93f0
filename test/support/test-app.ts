import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.js';
import { addUser } from '../../src/services/users/manage-users.js';
import { createTestContext, type TestContext } from './test-context.js';

export interface TestApp extends TestContext {
  app: FastifyInstance;
  /** Creates a user with the role (and scope) and returns a bearer header for it. */
  loginAs(role: string, scope?: { agencyId?: string; areaCode?: string }): Promise<{ authorization: string }>;
}

let userSeq = 0;

export async function createTestApp(opts: Parameters<typeof createTestContext>[0] = {}): Promise<TestApp> {
  const t = await createTestContext(opts);
  const app = await buildServer(t.ctx);
  await app.ready();
  return {
    ...t,
    app,
    async loginAs(role, scope = {}) {
      const username = `${role.replace(/_/g, '')}${++userSeq}`;
      await addUser(t.ctx, { username, password: 'password-123', role, agencyId: scope.agencyId, areaCode: scope.areaCode });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'password-123' } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
