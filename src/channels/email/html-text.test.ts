import { describe, it, expect } from 'vitest';
import { htmlToPlainText, decodeEntities } from './html-text.js';
import { stripQuotedReply } from './quote-strip.js';

describe('htmlToPlainText', () => {
  it('keeps paragraphs and long sentences on one line, drops styles and scripts', () => {
    const long = 'Saluran air di depan SDN 01 Menteng tersumbat sampah plastik sehingga setiap hujan air meluap ke jalan dan masuk ke rumah warga.';
    const html = `<html><head><title>x</title><style>p{}</style></head><body><p>${long}</p><script>alert(1)</script><p>Terima&nbsp;kasih &amp; salam</p></body></html>`;
    expect(htmlToPlainText(html)).toBe(`${long}\n\nTerima kasih & salam`);
  });
  it('turns lists and line breaks into lines and blockquotes into > lines', () => {
    expect(htmlToPlainText('<ul><li>Satu</li><li>Dua</li></ul>Tiga<br>Empat')).toBe('- Satu\n- Dua\n\nTiga\nEmpat');
    const gmail =
      '<div dir="ltr">Sudah diperbaiki, terima kasih.</div><br><div class="gmail_quote"><div class="gmail_attr">Pada tanggal Rab, 12 Jun 2024 pukul 10.16 Pengaduan &lt;pengaduan@jakarta.go.id&gt; menulis:<br></div><blockquote class="gmail_quote">Laporan Anda diterima.<br>Nomor JKT-2406-000123</blockquote></div>';
    const text = htmlToPlainText(gmail);
    expect(text).toContain('> Laporan Anda diterima.\n> Nomor JKT-2406-000123');
    expect(stripQuotedReply(text)).toBe('Sudah diperbaiki, terima kasih.');
  });
  it('decodes numeric and named entities', () => {
    expect(decodeEntities('&#8211; &#x1F64F; &hellip; &unknown; &lt;b&gt;')).toBe('– 🙏 … &unknown; <b>');
  });
});

describe('stripQuotedReply', () => {
  it.each([
    ['English Gmail', 'Thanks, fixed now.\n\nOn Wed, Jun 12, 2024 at 10:16 AM Pengaduan <p@jakarta.go.id> wrote:\n> old text'],
    ['Outlook', 'Thanks, fixed now.\n\n________________________________\nFrom: Pengaduan <p@jakarta.go.id>\nSent: Wednesday, June 12, 2024 10:16\nTo: Budi\nSubject: Laporan'],
    ['Outlook Indonesian', 'Thanks, fixed now.\r\n\r\nDari: Pengaduan <p@jakarta.go.id>\r\nDikirim: Rabu, 12 Juni 2024 10.16\r\nKepada: Budi'],
    ['original message', 'Thanks, fixed now.\n-----Original Message-----\nold'],
    ['pesan asli', 'Thanks, fixed now.\n----- Pesan Asli -----\nold'],
    ['our marker', 'Thanks, fixed now.\n##- Mohon tulis balasan di atas baris ini / Please reply above this line -##\nold'],
    ['bottom quote', 'Thanks, fixed now.\n\n> old\n> older\n'],
    ['signature', 'Thanks, fixed now.\n-- \nBudi Santoso\n0812…'],
    ['mobile footer', 'Thanks, fixed now.\n\nSent from my iPhone'],
  ])('cuts the quote: %s', (_name, text) => {
    expect(stripQuotedReply(text)).toBe('Thanks, fixed now.');
  });
  it('keeps interleaved answers and never returns nothing', () => {
    const interleaved = '> Apakah masih rusak?\nYa, masih.\n> Di mana?\nDepan halte.';
    expect(stripQuotedReply(interleaved)).toBe(interleaved);
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
    expect(stripQuotedReply('Pada tanggal itu saya lewat sana dan jalannya rusak parah.')).toBe('Pada tanggal itu saya lewat sana dan jalannya rusak parah.');
  });
});
