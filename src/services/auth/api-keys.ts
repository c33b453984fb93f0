import { createHash, randomBytes } from 'node:crypto';
import { DomainError, validationFailed } from '../../domain/errors.js';
import { appendEvent } from '../../store/event.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * API keys for partners (Open311 clients, partner connectors). Only the hash is stored; the key is shown
 * once at creation. The prefix identifies a key in lists and logs without revealing it.
 */
export async function createApiKey(ctx: AppContext, name: string, role = 'partner'): Promise<{ id: number; key: string; prefix: string }> {
  if (!/^[\p{L}\p{N} ._-]{2,100}$/u.test(name)) throw validationFailed([{ field: 'name', message: '2–100 letters, digits, space . _ -' }]);
  const prefix = randomBytes(4).toString('hex');
  const key = `cpt_${prefix}_${randomBytes(24).toString('base64url')}`;
  return inTransaction(ctx.database, async (trx) => {
    if (await trx.selectFrom('api_keys').select('id').where('name', '=', name).executeTakeFirst())
      throw new DomainError('conflict', `Kunci API '${name}' sudah ada`, `API key '${name}' already exists`);
    const row = await trx
      .insertInto('api_keys')
      .values({ name, key_hash: sha256(key), prefix, role, created_at: ctx.clock().toISOString(), revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { caseId: null, action: 'apikey.created', actor: 'system:cli', after: { id: row.id, name, prefix, role }, at: ctx.clock() });
    return { id: row.id, key, prefix };
  });
}

export async function findApiKey(ctx: AppContext, key: string): Promise<{ id: number; name: string; role: string } | null> {
  const row = await ctx.database.db.selectFrom('api_keys').select(['id', 'name', 'role', 'revoked_at']).where('key_hash', '=', sha256(key)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  return { id: row.id, name: row.name, role: row.role };
}

export async function listApiKeys(ctx: AppContext) {
  return ctx.database.db.selectFrom('api_keys').select(['id', 'name', 'prefix', 'role', 'created_at', 'revoked_at']).orderBy('id').execute();
}

export async function revokeApiKey(ctx: AppContext, name: string): Promise<void> {
  await inTransaction(ctx.database, async (trx) => {
    const res = await trx.updateTable('api_keys').set({ revoked_at: ctx.clock().toISOString() }).where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new DomainError('not_found', `Kunci API '${name}' tidak ditemukan`, `API key '${name}' not found`);
    await appendEvent(trx, { caseId: null, action: 'apikey.revoked', actor: 'system:cli', after: { name }, at: ctx.clock() });
  });
}
