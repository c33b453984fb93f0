import PDFDocument from 'pdfkit';
import { TARGET_KINDS } from '../../domain/sla/index.js';
import { tkdAgencyJson } from './figures-json.js';
import type { Drilldown } from './tkd-drilldown.js';
import type { TkdReport } from './tkd-report.js';

/**
 * The TKD report as a PDF to sign off: the month, its status (live, or finalized with the snapshot's hash), the
 * rule, one line per agency head and signature blocks. With a drill-down (one agency), the page also lists
 * every case counted, so the head signs what they checked. Standard PDF fonts: the text stays Latin-1.
 */
const TARGET_SHORT: Record<string, string> = { verification: 'Verif.', first_response: 'Tangg.', follow_up: 'Tindak', resolution: 'Selesai' };
const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 1000) / 10}%`);
const latin1 = (s: string) => s.replace(/[–—]/g, '-').replace(/[’‘]/g, "'").replace(/[^\x20-\xff]/g, '?');

export async function tkdPdf(report: TkdReport, drill?: Drilldown): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `TKD pengaduan ${report.month}`, Author: 'Cepat' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const text = (s: string, opts?: PDFKit.Mixins.TextOptions) => doc.text(latin1(s), opts);

  doc.font('Helvetica-Bold').fontSize(14);
  text(`Komponen pengaduan TKD - ${report.month}`);
  doc.font('Helvetica').fontSize(9);
  const status = report.finalized
    ? `Difinalisasi ${report.finalized.finalizedAt} oleh ${report.finalized.finalizedBy}; hash SHA-256 ${report.finalized.contentHash}${report.finalized.intact ? '' : ' (TIDAK UTUH)'}; ${report.finalized.adjustments.length} penyesuaian sesudahnya`
    : `Sementara (belum difinalisasi), per ${report.asOf}`;
  text(status);
  text(`Aturan: komponen pengaduan ${report.config.rule.componentWeightPercent}% TKD kepala eselon ${report.config.eselonScope.join(', ')}; bobot ${JSON.stringify(report.config.rule.weights)}; penalti bendera merah ${report.config.rule.redFlagPenalty.pointsPerFlag} poin/bendera (maks. ${report.config.rule.redFlagPenalty.maxPoints}).`);
  doc.moveDown(0.5);

  const cols = [
    { h: 'Instansi', w: 220 }, { h: 'Eselon', w: 40 }, { h: 'Masuk', w: 40 },
    ...TARGET_KINDS.map((k) => ({ h: TARGET_SHORT[k], w: 52 })),
    { h: 'Rating', w: 38 }, { h: 'B. merah', w: 42 }, { h: 'Skor', w: 40 }, { h: 'Pita', w: 44 }, { h: 'Potongan', w: 50 },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((c, i) => {
      doc.text(latin1(c), x, y, { width: cols[i].w - 4, lineBreak: false, ellipsis: true });
      x += cols[i].w;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + 12;
  };
  row(cols.map((c) => c.h), true);
  for (const a of report.agencies) {
    const j = tkdAgencyJson(a);
    row([
      j.name, j.head_eselon ?? '-', String(j.received),
      ...TARGET_KINDS.map((k) => {
        const o = j.on_time[k] as { met: number; counted: number; share: number | null };
        return o.counted === 0 ? '-' : `${o.met}/${o.counted} ${pct(o.share)}`;
      }),
      j.rating.average === null ? '-' : String(j.rating.average), String(j.red_flags), String(j.score), j.band, j.deduction_percent === null ? 'n/a' : `${j.deduction_percent}%`,
    ]);
  }

  if (drill) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12);
    text(`Rincian ${drill.agencyId} - ${drill.month}: ${drill.cases.length} laporan, skor ${drill.score.score} (${drill.score.band})`);
    doc.font('Helvetica').fontSize(8);
    for (const c of drill.cases) {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const targets = Object.entries(c.targets).map(([k, s]) => `${TARGET_SHORT[k]} ${s}`).join(', ');
      text(`${c.ticket ?? c.caseId}: ${c.received ? 'masuk bulan ini' : '-'}${targets ? `; ${targets}` : ''}${c.redFlag ? '; BENDERA MERAH' : ''}${c.rating !== null ? `; rating ${c.rating}` : ''}${c.misrouted ? `; salah kirim ${c.misrouted}x` : ''}${c.appealed ? `; banding: ${c.appealed}` : ''}`);
    }
  }

  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.moveDown(2);
  const y = doc.y;
  doc.font('Helvetica').fontSize(9);
  const head = drill ? (report.agencies.find((a) => a.agencyId === drill.agencyId)?.headTitle ?? 'Kepala instansi') : 'Kepala instansi';
  doc.text(latin1(`Diperiksa dan disetujui,\n${head}\n\n\n\n(.................................................)\nTanggal:`), doc.page.margins.left, y, { width: 300 });
  doc.text(latin1('Peninjau (monitoring),\n\n\n\n\n(.................................................)\nTanggal:'), doc.page.margins.left + 420, y, { width: 300 });
  doc.end();
  return done;
}
