import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaName } from './area.js';
import { buildGazetteer, type Gazetteer } from './gazetteer.js';
import { areaNamesFromIdnAreaData } from './idn-areas.js';

// The name list comes from the installed idn-area-data package, so these tests need no ../shared data.
let gazetteer: Gazetteer;
let names: AreaName[];
beforeAll(async () => {
  const [regencies, districts, villages] = await Promise.all([getRegencies(), getDistricts(), getVillages()]);
  names = areaNamesFromIdnAreaData({ regencies, districts, villages });
  gazetteer = buildGazetteer(names);
});

const codeOf = (level: string, name: string) => names.find((a) => a.level === level && a.name === name)?.code;

describe('gazetteer on complaint texts', () => {
  it.each([
    ['Selamat pagi, jalan di Kel. Cempaka Putih Timur berlubang besar, mohon segera diperbaiki', 'kelurahan', 'Cempaka Putih Timur', 'Kel. Cempaka Putih Timur', 0.9],
    ['kelurahan   cempaka putih timur ,, sampah numpuk udah 3 hari!!!', 'kelurahan', 'Cempaka Putih Timur', 'kelurahan   cempaka putih timur', 0.9],
    ['Lapor min, PKL di trotoar Kec. Tanah Abang bikin macet', 'kecamatan', 'Tanah Abang', 'Kec. Tanah Abang', 0.9],
    ['banjir lagi di jaksel, tolong pompa air dinyalakan', 'kota', 'Kota Administrasi Jakarta Selatan', 'jaksel', 0.85],
    ['Lampu PJU mati sepanjang jalan di Jakarta Pusat', 'kota', 'Kota Administrasi Jakarta Pusat', 'Jakarta Pusat', 0.85],
    ['Parkir liar di depan ruko, Jakbar', 'kota', 'Kota Administrasi Jakarta Barat', 'Jakbar', 0.85],
    ['Jaktim: saluran air mampet sejak kemarin', 'kota', 'Kota Administrasi Jakarta Timur', 'Jaktim', 0.85],
    ['Rob masuk rumah warga di Jakut', 'kota', 'Kota Administrasi Jakarta Utara', 'Jakut', 0.85],
    ['Sampah kiriman menumpuk di pantai Pulau Tidung, Kepulauan Seribu', 'kelurahan', 'Pulau Tidung', 'Pulau Tidung', 0.85],
    ['Kel. Gambir banyak gelandangan tidur di trotoar', 'kelurahan', 'Gambir', 'Kel. Gambir', 0.9],
    ['Kecamatan Gambir, Jakarta Pusat: taman tidak terawat', 'kecamatan', 'Gambir', 'Kecamatan Gambir', 0.9],
    ['Kel. Jatinegara, Kec. Cakung - jalan rusak parah', 'kelurahan', 'Jatinegara', 'Kel. Jatinegara', 0.9],
    ['Got mampet di Cempaka Putih Timor, bau sekali', 'kelurahan', 'Cempaka Putih Timur', 'Cempaka Putih Timor', 0.5],
    ['Macet parah di Tj. Priok arah pelabuhan', 'kecamatan', 'Tanjung Priok', 'Tj. Priok', 0.75],
    ['Pohon tumbang di Kramat Jati menutup jalan', 'kecamatan', 'Kramatjati', 'Kramat Jati', 0.75],
    ['jalan di pal merah rusak', 'kecamatan', 'Pal Merah', 'pal merah', 0.75],
    ['Jl. Pasar Minggu berlubang, wilayah Kel. Pejaten Timur', 'kelurahan', 'Pejaten Timur', 'Kel. Pejaten Timur', 0.9],
    ['Air PAM mati di Menteng Dalam, Tebet, Jaksel', 'kelurahan', 'Menteng Dalam', 'Menteng Dalam', 0.9],
    ['PKL menutup trotoar di kelurahan tengah kramat jati', 'kelurahan', 'Tengah', 'kelurahan tengah', 0.9],
    ['Drainase di Pd. Kelapa, Duren Sawit tersumbat', 'kelurahan', 'Pondok Kelapa', 'Pd. Kelapa', 0.85],
    ['Keb. Baru: trotoar rusak dekat Blok M', 'kecamatan', 'Kebayoran Baru', 'Keb. Baru', 0.75],
    ['Genangan air di Kelapa Gading Barat setiap hujan', 'kelurahan', 'Kelapa Gading Barat', 'Kelapa Gading Barat', 0.75],
    ['Sampah menumpuk di Kali Anyar, Tambora', 'kelurahan', 'Kali Anyar', 'Kali Anyar', 0.85],
  ])('%s', (text, level, name, span, minConfidence) => {
    const { best } = gazetteer.find(text);
    expect(best).toMatchObject({ level, name, code: codeOf(level, name), span: { text: span } });
    expect(best?.confidence).toBeGreaterThanOrEqual(minConfidence);
    expect(text.slice(best?.span.start, best?.span.end)).toBe(span);
  });

  it.each([
    'Pembangunan jalan baru di tengah kota tidak kunjung selesai',
    'Tolong perbaiki lampu rumah saya',
    'Mohon tangki air bersih segera dikirim',
    'Pelayanan di DKI Jakarta lambat',
  ])('finds no place in "%s"', (text) => {
    expect(gazetteer.find(text)).toEqual({ best: null, candidates: [], ambiguous: false });
  });
});

describe('gazetteer ambiguity', () => {
  it('answers the containing kecamatan for a bare name shared by a kelurahan inside it', () => {
    const finding = gazetteer.find('Banyak pengemis di Gambir');
    expect(finding.best).toMatchObject({ level: 'kecamatan', name: 'Gambir' });
    expect(finding.ambiguous).toBe(false);
    const inner = finding.candidates.find((c) => c.level === 'kelurahan');
    expect(inner?.name).toBe('Gambir');
    expect(inner!.confidence).toBeLessThan(finding.best!.confidence);
  });

  it('marks a name shared by unrelated areas as ambiguous, with lower confidence', () => {
    // Kelurahan Jatinegara lies in kecamatan Cakung, not in kecamatan Jatinegara.
    const finding = gazetteer.find('Jatinegara macet total sore ini');
    expect(finding.ambiguous).toBe(true);
    expect(finding.best!.confidence).toBeLessThanOrEqual(0.5);
    expect(finding.candidates.map((c) => c.code).sort()).toEqual(['31.75.03', '31.75.06.1001']);
  });

  it('uses another mention in the text to settle it', () => {
    const finding = gazetteer.find('Jatinegara, Cakung: jalan berlubang');
    expect(finding.best).toMatchObject({ code: '31.75.06.1001' });
    expect(finding.ambiguous).toBe(false);
  });

  it('settles same-named kelurahan in different kota by the kota mentioned', () => {
    const areas: AreaName[] = [
      { code: '31.91', name: 'Kota Administrasi Bumi Hijau', level: 'kota', parentCode: null },
      { code: '31.92', name: 'Kota Administrasi Laut Biru', level: 'kota', parentCode: null },
      { code: '31.91.01', name: 'Sawah Lebar', level: 'kecamatan', parentCode: '31.91' },
      { code: '31.92.01', name: 'Karang Tinggi', level: 'kecamatan', parentCode: '31.92' },
      { code: '31.91.01.1001', name: 'Sukamaju', level: 'kelurahan', parentCode: '31.91.01' },
      { code: '31.92.01.1001', name: 'Sukamaju', level: 'kelurahan', parentCode: '31.92.01' },
    ];
    const small = buildGazetteer(areas);
    const bare = small.find('Banjir di Sukamaju');
    expect(bare.ambiguous).toBe(true);
    expect(bare.candidates).toHaveLength(2);
    expect(bare.candidates.every((c) => c.confidence <= 0.5)).toBe(true);
    const settled = small.find('Banjir di Kel. Sukamaju, Kota Laut Biru');
    expect(settled).toMatchObject({ ambiguous: false, best: { code: '31.92.01.1001' } });
    expect(settled.best!.confidence).toBeGreaterThan(0.9);
    expect(small.find('Sukamaju (Kec. Sawah Lebar)').best?.code).toBe('31.91.01.1001');
  });

  it('gives a street name less weight than an area mention', () => {
    const finding = gazetteer.find('Jl. Pasar Minggu rusak');
    expect(finding.best?.via).toBe('street');
    expect(finding.best!.confidence).toBeLessThan(0.6);
  });

  it('can turn typo tolerance off', () => {
    const strict = buildGazetteer(names, { fuzzyMinLength: 0 });
    expect(strict.find('Got mampet di Cempaka Putih Timor').best).toMatchObject({ level: 'kecamatan', name: 'Cempaka Putih' });
  });
});
