import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../domain/errors.js';
import type { AppContext } from '../../../services/context.js';
import { findPublicMedia } from '../../../store/open311.repository.js';

/**
 * GET /open311/v2/media/{sha256}: the `media_url` of requests and updates. Serves only the public copy of a
 * photo (re-encoded without EXIF, so no GPS or camera serial) of a public case; never an original file.
 */
export async function getMedia(ctx: AppContext, _request: FastifyRequest, reply: FastifyReply, sha256: string) {
  const hash = sha256.toLowerCase();
  const contentType = /^[0-9a-f]{64}$/.test(hash) ? await findPublicMedia(ctx.database.db, hash) : undefined;
  if (!contentType) throw notFound('media', sha256);
  let data: Buffer;
  try {
    data = await ctx.files.get(hash);
  } catch {
    throw notFound('media', sha256);
  }
  return reply
    .header('content-type', contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .send(data);
}
