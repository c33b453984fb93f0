import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { csvField, EXPORT_COLUMNS, exportCases } from '../../../services/export/export-cases.js';
import { AREA_LEVELS, publicAreas, publicMap, publicStats, resolvePeriod } from '../../../services/public/public-stats.js';
import { getSlaRuntime } from '../../../services/sla/sla-runtime.js';

const tags = ['public'];
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const periodQuery = { type: 'object', additionalProperties: false, properties: { from: date, to: date } };
const mapQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: date,
    to: date,
    category: { type: 'string', minLength: 1, maxLength: 80 },
    status: { type: 'string', minLength: 1, maxLength: 30 },
    area: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
  },
};
/** Public figures change slowly and are read by many: browsers and proxies may keep them as long as the server does. */
const cacheControl = (ctx: AppContext) => (ctx.config.publicCacheSeconds > 0 ? `public, max-age=${ctx.config.publicCacheSeconds}` : 'no-cache');

/**
 * Transparency without a login: statistics, the map of public cases, and open data. Nothing here carries a
 * reporter's identity or contact (see services/public/public-stats.ts and services/export/export-cases.ts).
 */
export async function publicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/public/stats', { schema: { tags, summary: 'Public statistics: cases received, open, resolved, on time; per month, category, kota, channel and agency', querystring: periodQuery } }, async (request, reply) => {
    reply.header('cache-control', cacheControl(ctx));
    return publicStats(ctx, request.query as { from?: string; to?: string });
  });

  app.get('/api/public/map', { schema: { tags, summary: `Public cases with a location, as GeoJSON (newest first, at most 5,000)`, querystring: mapQuery } }, async (request, reply) => {
    reply.header('cache-control', cacheControl(ctx)).type('application/geo+json; charset=utf-8');
    return publicMap(ctx, request.query as { from?: string; to?: string; category?: string; status?: string; area?: string });
  });

  app.get('/api/public/areas', {
    schema: {
      tags,
      summary: 'Imported boundaries of kota, kecamatan or kelurahan with the period’s counts in each, as GeoJSON (empty until boundaries are imported)',
      querystring: { ...periodQuery, properties: { ...periodQuery.properties, level: { type: 'string', enum: [...AREA_LEVELS] } } },
    },
  }, async (request, reply) => {
    reply.header('cache-control', cacheControl(ctx)).type('application/geo+json; charset=utf-8');
    return publicAreas(ctx, request.query as { from?: string; to?: string; level?: string });
  });

  app.get('/api/public/open-data/cases.:format', {
    schema: {
      tags,
      summary: 'Open data: every case received in the period, without personal data (CSV or JSON Lines)',
      params: { type: 'object', properties: { format: { type: 'string', enum: ['csv', 'jsonl'] } } },
      querystring: periodQuery,
    },
  }, async (request, reply) => {
    const { format } = request.params as { format: 'csv' | 'jsonl' };
    const rt = await getSlaRuntime(ctx);
    const period = resolvePeriod(request.query as { from?: string; to?: string }, rt.utcOffsetMinutes, ctx.clock());
    const rows = exportCases(ctx, { from: new Date(period.range.from), to: new Date(period.range.to), period: 'received_at', withPii: false });
    async function* lines() {
      if (format === 'csv') yield `${EXPORT_COLUMNS.join(',')}\n`;
      for await (const row of rows) yield format === 'csv' ? `${EXPORT_COLUMNS.map((c) => csvField(row[c])).join(',')}\n` : `${JSON.stringify(row)}\n`;
    }
    return reply
      .header('cache-control', cacheControl(ctx))
      .header('content-disposition', `attachment; filename="cepat-cases-${period.from}-${period.to}.${format}"`)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8')
      .send(Readable.from(lines()));
  });
}
