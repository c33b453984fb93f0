import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, normalizeText } from './normalize.js';
import { tokenize, toSearchText } from './pipeline.js';
import { stem, stemCacheSize } from './stemmer.js';
import { isStopword } from './stopwords.js';

describe('normalizeText', () => {
  it('replaces links, e-mail addresses, mentions, phone numbers and numbers by placeholders', () => {
    const out = normalizeText(
      'Cek https://bit.ly/Ab12 dan www.jakarta.go.id/lapor, email warga.rt05@gmail.com, @DKIJakarta, ' +
        'hubungi 0812-3456-7890 atau +62 813 1111 2222 atau (021) 555-1234, biaya Rp1.500.000 tgl 12/05',
    );
    expect(out).not.toMatch(/\d/);
    expect(out).not.toMatch(/bit\.ly|gmail|dkijakarta/);
    expect(out.match(new RegExp(PLACEHOLDERS.url, 'g'))).toHaveLength(2);
    expect(out.match(new RegExp(PLACEHOLDERS.email, 'g'))).toHaveLength(1);
    expect(out.match(new RegExp(PLACEHOLDERS.mention, 'g'))).toHaveLength(1);
    expect(out.match(new RegExp(PLACEHOLDERS.phone, 'g'))).toHaveLength(3);
    expect(out.match(new RegExp(PLACEHOLDERS.number, 'g'))).toHaveLength(2);
  });

  it('folds decorative Unicode letters', () => {
    expect(normalizeText('𝐉𝐚𝐥𝐚𝐧 TOLONG')).toBe('jalan tolong');
  });
});

describe('tokenize', () => {
  it('normalizes informal negations to tidak and keeps them', () => {
    for (const neg of ['gak', 'nggak', 'ga', 'tdk', 'enggak', 'ndak']) {
      expect(tokenize(`lampu ${neg} nyala`)).toEqual(['lampu', 'tidak', 'nyala']);
    }
    expect(tokenize('blm diperbaiki')).toEqual(['belum', 'baik']);
  });

  it('keeps negations so opposite complaints stay apart', () => {
    expect(tokenize('jalan belum diperbaiki')).toContain('belum');
    expect(toSearchText('jalan belum diperbaiki')).not.toBe(toSearchText('jalan sudah diperbaiki'));
    expect(tokenize('jalan tidak rata', { keepNegations: false })).toEqual(['jalan', 'rata']);
  });

  it('expands administrative and chat abbreviations', () => {
    expect(tokenize('Jln. Sudirman')).toEqual(tokenize('jalan sudirman'));
    expect(tokenize('jl sudirman')).toEqual(['jalan', 'sudirman']);
    expect(tokenize('Kel. Cempaka Putih Timur, Kec. Cempaka Putih')).toEqual(
      tokenize('kelurahan cempaka putih timur kecamatan cempaka putih'),
    );
    expect(tokenize('tlg dgn sgr, sdh lama bgt')).toEqual(tokenize('tolong dengan sgr sudah lama banget'));
    expect(tokenize('makasih min')).toEqual(['terima', 'kasih', 'admin']);
  });

  it('drops function words but not requests', () => {
    expect(tokenize('yang di dan ini itu dari')).toEqual([]);
    expect(tokenize('yg tolong mohon segera')).toEqual(['tolong', 'mohon', 'segera']);
    expect(tokenize('yang rusak', { stopwords: false })).toEqual(['yang', 'rusak']);
    expect(isStopword('tidak')).toBe(false);
  });

  it('stems with Sastrawi so derived forms meet their root', () => {
    expect(tokenize('berlubang')).toEqual(['lubang']);
    expect(toSearchText('Jalan BERLUBANG-lubang')).toBe('jalan lubang');
    expect(toSearchText('lubang')).toBe(toSearchText('berlubang'));
    expect(tokenize('pelayanan perbaikan saluran')).toEqual(['layan', 'baik', 'salur']);
    expect(tokenize('kerusakan')).toEqual(['rusak']);
    expect(tokenize('perbaikan', { stem: false })).toEqual(['perbaikan']);
  });

  it('squashes elongated letters', () => {
    expect(tokenize('TOLOOONG jalannya rusakkk parahhh')).toEqual(['tolong', 'jalan', 'rusak', 'parah']);
  });

  it('collapses reduplication written with a 2 or a hyphen', () => {
    expect(tokenize('anak2')).toEqual(['anak']);
    expect(tokenize('anak-anak')).toEqual(['anak']);
    expect(tokenize('e-KTP')).toEqual(['ktp']);
  });

  it('turns the identifying parts of a message into placeholder terms', () => {
    expect(tokenize('@pemprovdki cek https://x.co/a rt03/rw05 hub 081234567890')).toEqual([
      'xmention', 'cek', 'xurl', 'rt', 'xnum', 'rw', 'xnum', 'hub', 'xphone',
    ]);
  });

  it('only emits single search tokens of letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        for (const term of tokenize(text)) expect(term).toMatch(/^[\p{L}\p{M}\p{N}]{2,}$/u);
      }),
    );
  });

  it('caches stems per word', () => {
    stem('penanggulangan');
    const size = stemCacheSize();
    expect(stem('penanggulangan')).toBe('tanggulang');
    expect(stemCacheSize()).toBe(size);
  });
});
