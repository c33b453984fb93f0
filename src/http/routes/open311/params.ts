import type { FastifyRequest } from 'fastify';
import type { FormParams } from '../../../channels/open311/attributes.js';
import type { Actor } from '../../../domain/case/roles.js';
import { DomainError } from '../../../domain/errors.js';
import { findApiKey } from '../../../services/auth/api-keys.js';
import type { AppContext } from '../../../services/context.js';

/**
 * Parameters of an Open311 call: the query string, and for POST the form body on top (a client may also put
 * `api_key` or everything in the query string). A JSON body is accepted too, flattened to the same names.
 */
export function paramsOf(request: FastifyRequest): FormParams {
  const out: Record<string, string | string[]> = {};
  const add = (source: unknown) => {
    if (!source || typeof source !== 'object' || Array.isArray(source)) return;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
          const flat = flatten(v);
          if (flat !== undefined) out[Array.isArray(flat) ? `attribute[${code}][]` : `attribute[${code}]`] = flat;
        }
        continue;
      }
      const flat = flatten(value);
      if (flat !== undefined) out[key] = flat;
    }
  };
  add(request.query);
  add(request.body);
  return out;
}

function flatten(v: unknown): string | string[] | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean').map(String);
  return undefined;
}

export function one(params: FormParams, key: string): string | undefined {
  const v = params[key];
  const s = typeof v === 'string' ? v : v?.find((x) => x.trim() !== '');
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

/**
 * This server answers for one jurisdiction: a missing `jurisdiction_id` is fine (the standard lets a
 * single-jurisdiction endpoint ignore it); another one is a 404, as the standard says for unknown ones.
 */
export function checkJurisdiction(ctx: AppContext, params: FormParams): void {
  const given = one(params, 'jurisdiction_id');
  if (given !== undefined && given.toLowerCase() !== ctx.config.jurisdictionId.toLowerCase()) {
    throw new DomainError('not_found', `Yurisdiksi '${given}' tidak dikenal`, `Unknown jurisdiction_id '${given}'; this server serves '${ctx.config.jurisdictionId}'`);
  }
}

/**
 * The partner behind a POST: the `api_key` parameter (the standard's way), else a key already resolved from
 * the `X-Api-Key` / `Authorization: Bearer cpt_…` headers. Missing or invalid → 403.
 */
export async function requirePartner(ctx: AppContext, request: FastifyRequest, params: FormParams, action: string): Promise<Extract<Actor, { kind: 'partner' }>> {
  const key = one(params, 'api_key');
  if (key !== undefined) {
    const found = await findApiKey(ctx, key);
    if (!found) throw new DomainError('forbidden', `api_key tidak valid -- tidak dapat melanjutkan ${action}`, `Invalid api_key received -- can't proceed with ${action}.`);
    return { kind: 'partner', apiKeyId: found.id, partnerName: found.name };
  }
  if (request.actor?.kind === 'partner') return request.actor;
  throw new DomainError('forbidden', `api_key wajib diisi untuk ${action}`, `api_key is required for ${action}.`);
}
