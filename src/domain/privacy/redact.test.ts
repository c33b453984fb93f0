import { describe, expect, it } from 'vitest';
import { REDACTED, redactContacts } from './redact.js';

describe('redactContacts', () => {
  it('masks e-mail addresses, mobile and landline numbers, and NIK/KK numbers', () => {
    const cases: [string, string][] = [
      ['Hubungi saya di 0812-3456-7890 ya', `Hubungi saya di ${REDACTED} ya`],
      ['wa +62 812 3456 7890', `wa ${REDACTED}`],
      ['wa 0812 3456 7890 atau +62-812-3456-7891', `wa ${REDACTED} atau ${REDACTED}`],
      ['hp +62 (812) 3456 7890', `hp ${REDACTED}`],
      ['hp 0812–3456–7890', `hp ${REDACTED}`],
      ['hp +62 0812 3456 7890', `hp ${REDACTED}`],
      ['telp (021) 555 1234 atau 6281234567890', `telp ${REDACTED} atau ${REDACTED}`],
      ['kantor +62 21 5551234, rumah 0274-123456', `kantor ${REDACTED}, rumah ${REDACTED}`],
      ['email Budi.S@Example.co.id', `email ${REDACTED}`],
      ['NIK 3174012345678901, KK 3174 0123 4567 8902', `NIK ${REDACTED}, KK ${REDACTED}`],
      ['chat wa.me/6281234567890', `chat wa.me/${REDACTED}`],
    ];
    for (const [input, output] of cases) expect(redactContacts(input), input).toBe(output);
  });

  it('keeps what describes the problem: house and letter numbers, RT/RW, dates, times, amounts, plates, the 112 line', () => {
    for (const text of [
      'Jl. Melati No. 12 RT 003 RW 005',
      'sejak 12-03-2025 jam 07.30',
      'sudah 3 hari, lubang 40 cm',
      'hubungi 112 jika darurat',
      'No. 01-2024-123 dan Surat 05.2024.1234',
      'pada 07-2024-3100 orang',
      'jadwal 07.00 1200 1500',
      'periode 01.07.2024-31.07.2024',
      'denda Rp 1.500.000 dan Rp 15.000.000,00',
      'mobil B 1234 XYZ parkir',
      'rekening 0123 4567 8901',
      null,
    ]) {
      expect(redactContacts(text)).toBe(text);
    }
  });
});
