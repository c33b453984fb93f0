import { describe, it, expect } from 'vitest';
import { DEFAULT_CATALOGUE, LANGUAGES, TEMPLATE_EVENTS } from './catalogue.js';
import { fill, pickLanguage, renderNotification, styleFor, TemplateValueMissingError, type TemplateValues } from './render.js';
import { weightedLength } from '../twitter/twitter-reply.js';
import { isGsm7 } from '../sms/gsm7.js';
import { splitText } from './text-split.js';

const values: TemplateValues = {
  ticketNumber: 'JKT-2406-000123',
  accessCode: '7Q4K92XB',
  trackingUrl: 'https://cepat.jakarta.go.id/l/JKT-2406-000123',
  reporterName: 'Budi Santoso',
  agencyName: 'Suku Dinas Bina Marga Jakarta Barat',
  note: 'Penambalan dijadwalkan Jumat, 14 Juni 2024.',
  reason: 'Jalan tol adalah kewenangan pemerintah pusat.',
  forwardedTo: 'LAPOR! (Kementerian PUPR)',
  mergedInto: 'JKT-2406-000099',
  splitFrom: 'JKT-2406-000098',
  orgName: 'Pemerintah Provinsi DKI Jakarta',
};

describe('catalogue', () => {
  it('renders every event in every language and style with full values', () => {
    for (const event of TEMPLATE_EVENTS) {
      for (const language of LANGUAGES) {
        for (const style of ['sms', 'chat', 'public_post', 'email'] as const) {
          const r = renderNotification({ event, language, style, values });
          expect(r.text, `${event}/${language}/${style}`).toContain('JKT-2406-000123');
          expect(r.text).not.toMatch(/[{}]|\[\[|\]\]/);
          if (style === 'public_post') {
            expect(r.text).not.toContain(values.accessCode);
            expect(weightedLength(r.text)).toBeLessThanOrEqual(280);
          }
          if (style === 'sms') {
            expect(isGsm7(r.text)).toBe(true);
            expect(r.smsSegments).toBeLessThanOrEqual(2);
          }
          if (style === 'email') expect(r.subject).toBeTruthy();
        }
      }
    }
  });

  it('gives the access code only in private acknowledgements', () => {
    expect(renderNotification({ event: 'acknowledgement', style: 'sms', values }).text).toContain('7Q4K92XB');
    expect(renderNotification({ event: 'acknowledgement', style: 'chat', values }).text).toContain('7Q4K92XB');
    expect(renderNotification({ event: 'acknowledgement', style: 'email', values }).text).toContain('7Q4K92XB');
    const custom = structuredClone(DEFAULT_CATALOGUE);
    custom.acknowledgement.id.public = 'Kode {accessCode}';
    expect(() => renderNotification({ event: 'acknowledgement', style: 'public_post', values, catalogue: custom })).toThrow(/access code/);
  });

  it('tells the reporter of a split report its new ticket, with the access code only in private', () => {
    for (const style of ['sms', 'chat', 'email'] as const) {
      const text = renderNotification({ event: 'split', style, values }).text;
      expect(text).toContain('JKT-2406-000098');
      expect(text).toContain('JKT-2406-000123');
      expect(text).toContain('7Q4K92XB');
    }
    const post = renderNotification({ event: 'split', style: 'public_post', values }).text;
    expect(post).toContain('JKT-2406-000123');
    expect(post).not.toContain('7Q4K92XB');
  });
});

describe('renderNotification', () => {
  it('frames e-mails with greeting, closing and subject, in both languages', () => {
    const id = renderNotification({ event: 'selesai', style: 'email', values });
    expect(id.subject).toBe('Laporan Anda telah selesai ditindaklanjuti');
    expect(id.text.startsWith('Yth. Budi Santoso,\n\nLaporan JKT-2406-000123 telah selesai ditindaklanjuti oleh Suku Dinas Bina Marga Jakarta Barat.')).toBe(true);
    expect(id.text.endsWith('Hormat kami,\nPemerintah Provinsi DKI Jakarta')).toBe(true);
    const en = renderNotification({ event: 'selesai', style: 'email', language: 'en', values: { ...values, reporterName: undefined } });
    expect(en.text.startsWith('Dear Sir or Madam,')).toBe(true);
  });

  it('drops optional sections whose values are absent', () => {
    const r = renderNotification({ event: 'proses', style: 'sms', values: { ...values, agencyName: undefined, note: '' } });
    expect(r.text).toBe('Laporan JKT-2406-000123 sedang ditangani. Pantau: https://cepat.jakarta.go.id/l/JKT-2406-000123');
    const rejected = renderNotification({ event: 'ditolak', style: 'chat', values: { ...values, forwardedTo: undefined } });
    expect(rejected.text).not.toContain('teruskan');
    expect(rejected.text).toContain('Alasan: Jalan tol adalah kewenangan pemerintah pusat.');
  });

  it('requires the reason of a rejection and the ticket it was merged into', () => {
    expect(() => renderNotification({ event: 'ditolak', style: 'sms', values: { ...values, reason: undefined } })).toThrow(TemplateValueMissingError);
    expect(() => renderNotification({ event: 'digabung', style: 'chat', values: { ...values, mergedInto: '' } })).toThrow(/mergedInto/);
  });

  it('shortens a long officer note to fit two SMS, keeping ticket and link', () => {
    const note = 'Tim sudah meninjau lokasi dan menemukan bahwa kerusakan disebabkan oleh pipa air yang bocor di bawah badan jalan, sehingga perbaikan harus dikoordinasikan dengan PAM Jaya terlebih dahulu sebelum penambalan aspal dapat dilakukan oleh tim kami minggu depan.';
    const r = renderNotification({ event: 'proses', style: 'sms', values: { ...values, note } });
    expect(r.smsSegments).toBe(2);
    expect(r.text).toContain('JKT-2406-000123');
    expect(r.text).toContain(values.trackingUrl);
    expect(r.text).toMatch(/\.\.\. Pantau:/);
    expect(renderNotification({ event: 'proses', style: 'sms', values: { ...values, note }, maxSmsSegments: 1 }).smsSegments).toBe(1);
  });

  it('keeps SMS in GSM-7 when values carry typographic characters', () => {
    const r = renderNotification({ event: 'ditolak', style: 'sms', values: { ...values, reason: 'Jalan “tol” – kewenangan pusat…' } });
    expect(isGsm7(r.text)).toBe(true);
    expect(r.text).toContain('Jalan "tol" - kewenangan pusat...');
  });
});

describe('helpers', () => {
  it('chooses the style from the origin channel', () => {
    expect(styleFor('sms')).toBe('sms');
    expect(styleFor('email')).toBe('email');
    expect(styleFor('twitter', 'tweet')).toBe('public_post');
    expect(styleFor('twitter', 'dm')).toBe('chat');
    expect(styleFor('facebook')).toBe('chat');
    expect(styleFor('lapor')).toBe('chat');
  });
  it('picks English only when asked', () => {
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage('EN')).toBe('en');
    expect(pickLanguage('id')).toBe('id');
    expect(pickLanguage(undefined)).toBe('id');
    expect(pickLanguage('entah')).toBe('id');
  });
  it('fills fallbacks and reports every missing value at once', () => {
    expect(fill('Yth. {name|Bapak/Ibu}', {})).toBe('Yth. Bapak/Ibu');
    try {
      fill('{a} {b}', {});
      expect.unreachable();
    } catch (e) {
      expect((e as TemplateValueMissingError).names).toEqual(['a', 'b']);
    }
  });
  it('splits text at word boundaries with a custom measure', () => {
    expect(splitText('satu dua tiga empat', 9)).toEqual(['satu dua', 'tiga', 'empat']);
    expect(splitText('aaaaaaaaaaaa', 5)).toEqual(['aaaaa', 'aaaaa', 'aa']);
    expect(splitText('', 5)).toEqual([]);
  });
});
