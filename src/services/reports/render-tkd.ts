import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { scoreJson, tkdAgencyJson } from './figures-json.js';
import type { ReportScope } from './report-access.js';
import { tkdDrilldown } from './tkd-drilldown.js';
import { tkdCsv, tkdXlsx } from './tkd-export.js';
import { tkdPdf } from './tkd-pdf.js';
import { type TkdReport, tkdReport } from './tkd-report.js';

/** The TKD report in one of its formats, for the CLI and the API alike. */
export const TKD_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type TkdFormat = (typeof TKD_FORMATS)[number];

export const CONTENT_TYPES: Record<TkdFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function tkdJson(report: TkdReport) {
  const f = report.finalized;
  return {
    month: report.month,
    as_of: report.asOf,
    status: report.status,
    rule: { ...report.config.rule, eselon_scope: report.config.eselonScope },
    agencies: report.agencies.map(tkdAgencyJson),
    ...(f
      ? {
          finalized: { snapshot_id: f.snapshotId, finalized_at: f.finalizedAt, finalized_by: f.finalizedBy, as_of: f.asOf, content_hash: f.contentHash, intact: f.intact },
          adjustments: f.adjustments.map((a) => ({ case_id: Number(a.caseId), ticket: a.ticket, agency_id: a.agencyId, before: a.before, after: a.after })),
          adjusted: f.adjusted.map(tkdAgencyJson),
        }
      : {}),
  };
}

export async function renderTkd(ctx: AppContext, scope: ReportScope, input: { month: string; format?: string; agencyId?: string }): Promise<{ body: Buffer | string; contentType: string; extension: TkdFormat }> {
  const format = (input.format ?? 'json') as TkdFormat;
  if (!TKD_FORMATS.includes(format)) throw new DomainError('validation_failed', `format: ${TKD_FORMATS.join(', ')}`, `format: ${TKD_FORMATS.join(', ')}`);
  const narrowed: ReportScope = input.agencyId ? (scope.all || scope.agencyIds.includes(input.agencyId) ? { all: false, agencyIds: [input.agencyId] } : scope) : scope;
  const report = await tkdReport(ctx, narrowed, { month: input.month });
  const drill = input.agencyId ? await tkdDrilldown(ctx, narrowed, { month: input.month, agencyId: input.agencyId }) : undefined;
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify({ ...tkdJson(report), ...(drill ? { drilldown: { score: scoreJson(drill.score), cases: drill.cases } } : {}) }, null, 2)}\n`, contentType: CONTENT_TYPES.json, extension: format };
    case 'csv':
      return { body: tkdCsv(report), contentType: CONTENT_TYPES.csv, extension: format };
    case 'xlsx':
      return { body: await tkdXlsx(report), contentType: CONTENT_TYPES.xlsx, extension: format };
    case 'pdf':
      return { body: await tkdPdf(report, drill), contentType: CONTENT_TYPES.pdf, extension: format };
  }
}
