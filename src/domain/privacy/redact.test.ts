import { describe, expect, it } from 'vitest';
import { REDACTED, redactContacts } from './redact.js';

describe('redactContacts', () => {
  it('masks e-mail addresses, mobile and landline numbers, and NIK/KK numbers', () => {
    const cases: [string, string][] = [
      ['Hubungi saya di 0812-3456-7890 ya', `Hubungi saya di ${REDACTED} ya`],
      ['wa +62 812 3456 7890', `wa ${REDACTED}`],
      ['telp (021) 555 1234 atau 6281234567890', `telp ${REDACTED} atau ${REDACTED}`],
      ['email Budi.S@Example.co.id', `email ${REDACTED}`],
      ['NIK 3174012345678901, KK 3174 0123 4567 8902', `NIK ${REDACTED}, KK ${REDACTED}`],
    ];
    for (const [input, output] of cases) expect(redactContacts(input), input).toBe(output);
  });

  it('keeps what describes the problem: house numbers, RT/RW, dates, times, the 112 line', () => {
    for (const text of ['Jl. Melati No. 12 RT 003 RW 005', 'sejak 12-03-2025 jam 07.30', 'sudah 3 hari, lubang 40 cm', 'hubungi 112 jika darurat', null]) {
      expect(redactContacts(text)).toBe(text);
    }
  });
});
