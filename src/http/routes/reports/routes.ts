import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../services/context.js';
import { decideAppeal, fileAppeal, listAppeals } from '../../../services/reports/appeals.js';
import { figuresJson, performanceJson, scoreJson } from '../../../services/reports/figures-json.js';
import { performanceReport } from '../../../services/reports/performance-report.js';
import { reachReport } from '../../../services/reports/reach-report.js';
import { renderTkd } from '../../../services/reports/render-tkd.js';
import { assertAgencyInScope, assertCityWideScope, reportScope } from '../../../services/reports/report-access.js';
import { loadTkdConfig, tkdConfigJson } from '../../../services/reports/tkd-config.js';
import { saveTkdConfig } from '../../../services/reports/tkd-config-update.js';
import { tkdDrilldown } from '../../../services/reports/tkd-drilldown.js';
import { finalizeMonth } from '../../../services/reports/tkd-snapshot.js';
import { caseSlaDetail } from '../../../services/sla/case-sla-detail.js';
import { loadCase } from '../../../services/cases/transition-case.js';
import { requireStaff } from '../../auth.js';
import { DomainError } from '../../../domain/errors.js';
import { notificationRoutes } from './notifications.js';
import { presentAppeal, presentSlaDetail } from './present.js';
import { appealBody, appealsQuery, decisionBody, drilldownQuery, finalizeBody, performanceQuery, reachQuery, tkdConfigBody, tkdQuery } from './schema.js';

const READERS = ['admin', 'monitor', 'auditor', 'agency_head'] as const;

/**
 * Reports: admins, monitors and auditors read all; an agency head reads their own agency (figures, TKD with
 * every case, appeals). Finalizing and changing the TKD configuration are for admins; deciding appeals for
 * admins and monitors.
 */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['reports'];
  app.get('/api/reports/tkd', { schema: { tags, summary: 'Monthly TKD complaint component per agency head (json, csv, xlsx, pdf)', querystring: tkdQuery }, preHandler: requireStaff([...READERS]) }, async (request, reply) => {
    const q = request.query as { month: string; format?: string; agency?: string };
    const scope = reportScope(request.actor);
    if (q.agency) assertAgencyInScope(scope, q.agency);
    const r = await renderTkd(ctx, scope, { month: q.month, format: q.format, agencyId: q.agency });
    if (r.extension !== 'json') reply.header('content-disposition', `attachment; filename="tkd-${q.month}${q.agency ? `-${q.agency}` : ''}.${r.extension}"`);
    return reply.type(r.contentType).send(r.body);
  });

  app.get('/api/reports/tkd/:agency/cases', { schema: { tags, summary: 'Every case counted for an agency in a month (drill-down)', querystring: drilldownQuery }, preHandler: requireStaff([...READERS]) }, async (request) => {
    const { agency } = request.params as { agency: string };
    const q = request.query as { month: string };
    const d = await tkdDrilldown(ctx, reportScope(request.actor), { month: q.month, agencyId: agency });
    return { month: d.month, agency_id: d.agencyId, as_of: d.asOf, figures: figuresJson(d.figures, true), score: scoreJson(d.score), cases: d.cases };
  });

  app.post('/api/reports/tkd/finalize', { schema: { tags, summary: 'Finalize a month: seal its TKD lines and scores with a content hash', body: finalizeBody }, preHandler: requireStaff(['admin']) }, async (request, reply) => {
    const { month } = request.body as { month: string };
    return reply.status(201).send(await finalizeMonth(ctx, { month, by: `user:${request.user!.id}` }));
  });

  app.get('/api/reports/tkd-config', { schema: { tags, summary: 'The TKD scoring configuration in force (rule and echelon scope)' }, preHandler: requireStaff([...READERS]) }, async () =>
    tkdConfigJson(await loadTkdConfig(ctx.database.db)),
  );

  app.put('/api/reports/tkd-config', { schema: { tags, summary: 'Replace the TKD scoring configuration; finalized months keep the rule they were sealed with', body: tkdConfigBody }, preHandler: requireStaff(['admin']) }, async (request) =>
    tkdConfigJson(await saveTkdConfig(ctx, JSON.stringify(request.body), `user:${request.user!.id}`, { requestId: request.id })),
  );

  app.get('/api/reports/performance', { schema: { tags, summary: 'Monthly figures per agency, channel or area', querystring: performanceQuery }, preHandler: requireStaff([...READERS]) }, async (request) => {
    const q = request.query as { month: string; by?: string; ids?: string };
    const withIds = q.ids === 'true';
    return performanceJson(await performanceReport(ctx, reportScope(request.actor), { month: q.month, by: q.by, withIds }), withIds);
  });

  app.get('/api/reports/reach', { schema: { tags, summary: 'Complaints per 10,000 residents by area and channel', querystring: reachQuery }, preHandler: requireStaff([...READERS]) }, async (request) => {
    const q = request.query as { month?: string; from?: string; to?: string; level?: string };
    assertCityWideScope(reportScope(request.actor));
    return reachReport(ctx, { month: q.month, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, level: q.level });
  });

  app.get('/api/reports/cases/:ref/sla', { schema: { tags, summary: 'A case’s SLA clock: holdings, attribution, targets, pauses, red flags, from its event log' }, preHandler: requireStaff([...READERS]) }, async (request) => {
    const { ref } = request.params as { ref: string };
    const scope = reportScope(request.actor);
    const kase = await loadCase(ctx.database.db, ref);
    const detail = await caseSlaDetail(ctx, kase.id);
    if (!scope.all && !detail.clock.holdings.some((h) => (h.agencyId !== null && scope.agencyIds.includes(h.agencyId)) || (h.chargedTo !== null && scope.agencyIds.includes(h.chargedTo)))) {
      throw new DomainError('forbidden', 'Laporan ini tidak pernah ditangani instansi Anda', 'Your agency never held this case');
    }
    return presentSlaDetail(detail);
  });

  app.get('/api/reports/appeals', { schema: { tags, summary: 'TKD appeals', querystring: appealsQuery }, preHandler: requireStaff([...READERS]) }, async (request) => {
    const q = request.query as { status?: string };
    return { items: (await listAppeals(ctx, reportScope(request.actor), { status: q.status })).map(presentAppeal) };
  });

  app.post('/api/reports/appeals', { schema: { tags, summary: 'An agency head appeals a case counted for the agency', body: appealBody }, preHandler: requireStaff(['agency_head', 'admin']) }, async (request, reply) => {
    const b = request.body as { case: string | number; agency?: string; remedy: 'exclude' | 'reattribute'; to_agency?: string; reason: string };
    const appeal = await fileAppeal(ctx, request.actor!, { caseRef: b.case, agencyId: b.agency, remedy: b.remedy, toAgencyId: b.to_agency, reason: b.reason });
    return reply.status(201).send(presentAppeal(appeal));
  });

  app.post('/api/reports/appeals/:id/decision', { schema: { tags, summary: 'A reviewer accepts or rejects an appeal; the score recomputes', body: decisionBody }, preHandler: requireStaff(['admin', 'monitor']) }, async (request) => {
    const { id } = request.params as { id: string };
    const b = request.body as { decision: 'accepted' | 'rejected'; note?: string };
    if (!/^\d+$/.test(id)) throw new DomainError('not_found', 'Banding tidak ditemukan', 'Appeal not found');
    return presentAppeal(await decideAppeal(ctx, request.actor!, { appealId: Number(id), decision: b.decision, note: b.note }));
  });

  await notificationRoutes(app, ctx);
}
