import ExcelJS from 'exceljs';
import { TARGET_KINDS } from '../../domain/sla/index.js';
import { csvField } from '../export/export-cases.js';
import { tkdAgencyJson } from './figures-json.js';
import type { TkdReport } from './tkd-report.js';

/**
 * The TKD report as CSV and XLSX (one row per agency head; a finalized month adds its adjustments). The PDF a
 * head signs is tkd-pdf.ts. Column names are stable: spreadsheets and scripts of the monitoring office read
 * them.
 */
export const TKD_COLUMNS = [
  'month', 'status', 'agency_id', 'agency_name', 'head_title', 'head_eselon', 'covered', 'received',
  ...TARGET_KINDS.flatMap((k) => [`${k}_met`, `${k}_counted`, `${k}_share`]),
  'rating_average', 'rating_count', 'resolved', 'reopened', 'red_flags', 'misrouted', 'score', 'band', 'deduction_percent',
] as const;

type Row = Record<(typeof TKD_COLUMNS)[number], string | number | boolean | null>;

export function tkdRows(report: TkdReport): Row[] {
  return report.agencies.map((a) => {
    const j = tkdAgencyJson(a);
    const row: Record<string, string | number | boolean | null> = {
      month: report.month, status: report.status, agency_id: j.agency_id, agency_name: j.name, head_title: j.head_title, head_eselon: j.head_eselon,
      covered: j.covered, received: j.received, rating_average: j.rating.average, rating_count: j.rating.count, resolved: j.resolved, reopened: j.reopened,
      red_flags: j.red_flags, misrouted: j.misrouted, score: j.score, band: j.band, deduction_percent: j.deduction_percent,
    };
    for (const k of TARGET_KINDS) {
      const o = j.on_time[k] as { met: number; counted: number; share: number | null };
      row[`${k}_met`] = o.met;
      row[`${k}_counted`] = o.counted;
      row[`${k}_share`] = o.share;
    }
    return row as Row;
  });
}

export function tkdCsv(report: TkdReport): string {
  const lines = [TKD_COLUMNS.join(',')];
  for (const r of tkdRows(report)) lines.push(TKD_COLUMNS.map((c) => csvField(typeof r[c] === 'boolean' ? String(r[c]) : (r[c] as string | number | null))).join(','));
  return `${lines.join('\n')}\n`;
}

export async function tkdXlsx(report: TkdReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cepat';
  const ws = wb.addWorksheet(`TKD ${report.month}`);
  ws.columns = TKD_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'agency_name' || c === 'head_title' ? 40 : 14 }));
  for (const r of tkdRows(report)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 3 }];
  const info = wb.addWorksheet('Aturan');
  info.addRow(['bulan', report.month]);
  info.addRow(['status', report.status]);
  info.addRow(['per (as of)', report.asOf]);
  if (report.finalized) {
    info.addRow(['difinalisasi', report.finalized.finalizedAt]);
    info.addRow(['oleh', report.finalized.finalizedBy]);
    info.addRow(['hash isi (SHA-256)', report.finalized.contentHash]);
    info.addRow(['utuh', report.finalized.intact ? 'ya' : 'TIDAK']);
  }
  info.addRow(['komponen pengaduan (% TKD)', report.config.rule.componentWeightPercent]);
  info.addRow(['berlaku untuk eselon', report.config.eselonScope.join(', ')]);
  info.addRow(['bobot', JSON.stringify(report.config.rule.weights)]);
  info.addRow(['penalti bendera merah', JSON.stringify(report.config.rule.redFlagPenalty)]);
  info.addRow(['pita nilai', JSON.stringify(report.config.rule.bands)]);
  info.getColumn(1).width = 30;
  info.getColumn(2).width = 80;
  if (report.finalized) {
    const adj = wb.addWorksheet('Penyesuaian');
    adj.columns = [
      { header: 'case_id', key: 'case_id', width: 10 },
      { header: 'ticket', key: 'ticket', width: 20 },
      { header: 'agency_id', key: 'agency_id', width: 32 },
      { header: 'before', key: 'before', width: 60 },
      { header: 'after', key: 'after', width: 60 },
    ];
    for (const a of report.finalized.adjustments) {
      adj.addRow({ case_id: Number(a.caseId), ticket: a.ticket, agency_id: a.agencyId, before: a.before ? JSON.stringify(a.before) : '', after: a.after ? JSON.stringify(a.after) : '' });
    }
    adj.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
