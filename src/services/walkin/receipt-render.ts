import PDFDocument from 'pdfkit';

/**
 * The citizen's receipt from a walk-in post, printable: a small HTML page sized for an 80 mm receipt printer
 * (or any printer), or a PDF of the same content. It carries what the citizen needs to follow the case — the
 * ticket number, the access code and the tracking link — and where and by whom it was taken.
 */
export interface ReceiptData {
  ticket: string;
  accessCode: string;
  trackingUrl: string;
  postName: string;
  officerName: string | null;
  /** Local date and time, already formatted (e.g. `Sabtu, 28 November 2026 09.15 WIB`). */
  takenAtText: string;
  categoryName: string | null;
  summary: string;
  /** How the acknowledgement also reaches the citizen (masked contact), if they gave one. */
  sentTo: string | null;
  orgName: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lines(r: ReceiptData): [string, string][] {
  return [
    ['Nomor laporan', r.ticket],
    ['Kode akses', r.accessCode],
    ['Waktu', r.takenAtText],
    ['Pos', r.postName],
    ['Petugas', r.officerName ?? '-'],
    ['Kategori', r.categoryName ?? 'akan ditentukan petugas'],
  ];
}

const NOTICE = 'Simpan bukti ini. Kode akses bersifat rahasia: gunakan bersama nomor laporan untuk memantau dan menanggapi laporan Anda.';

export function renderReceiptHtml(r: ReceiptData): string {
  const rows = lines(r)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td${k === 'Nomor laporan' || k === 'Kode akses' ? ' class="big"' : ''}>${esc(v)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Tanda terima ${esc(r.ticket)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  body { font-family: system-ui, sans-serif; font-size: 12px; max-width: 72mm; margin: 0 auto; }
  h1 { font-size: 14px; text-align: center; margin: 0 0 4px; }
  h2 { font-size: 12px; text-align: center; font-weight: normal; margin: 0 0 8px; }
  table { width: 100%; border-collapse: collapse; }
  th { text-align: left; font-weight: normal; color: #444; padding: 2px 4px 2px 0; vertical-align: top; white-space: nowrap; }
  td { padding: 2px 0; }
  .big { font-size: 16px; font-weight: bold; letter-spacing: 1px; }
  p { margin: 8px 0; }
  .summary { border-top: 1px dashed #000; border-bottom: 1px dashed #000; padding: 6px 0; }
  @media print { button { display: none; } }
</style>
</head>
<body>
<h1>${esc(r.orgName)}</h1>
<h2>Tanda Terima Pengaduan</h2>
<table>
${rows}
</table>
<p class="summary">${esc(r.summary)}</p>
<p>Pantau laporan: <strong>${esc(r.trackingUrl)}</strong></p>
${r.sentTo ? `<p>Salinan tanda terima dikirim ke ${esc(r.sentTo)}.</p>` : ''}
<p>${esc(NOTICE)}</p>
<button onclick="window.print()">Cetak</button>
</body>
</html>
`;
}

/** The same receipt as a PDF (A6 portrait, one page). */
export function renderReceiptPdf(r: ReceiptData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6', margin: 24, info: { Title: `Tanda terima ${r.ticket}`, Author: r.orgName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(11).text(r.orgName, { align: 'center' });
    doc.font('Helvetica').fontSize(9).text('Tanda Terima Pengaduan', { align: 'center' }).moveDown(0.8);
    for (const [k, v] of lines(r)) {
      const big = k === 'Nomor laporan' || k === 'Kode akses';
      doc.font('Helvetica').fontSize(8).fillColor('#444').text(k);
      doc.font(big ? 'Helvetica-Bold' : 'Helvetica').fontSize(big ? 13 : 9).fillColor('#000').text(v).moveDown(0.3);
    }
    doc.moveDown(0.3).font('Helvetica').fontSize(8).text(r.summary, { height: 60, ellipsis: true });
    doc.moveDown(0.5).fontSize(8).text(`Pantau laporan: ${r.trackingUrl}`);
    if (r.sentTo) doc.text(`Salinan dikirim ke ${r.sentTo}.`);
    doc.moveDown(0.5).fontSize(7).text(NOTICE);
    doc.end();
  });
}
