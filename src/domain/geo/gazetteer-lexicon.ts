import type { AreaLevel } from './area.js';

/**
 * How Jakartans write place names, as data (so another city's deployment can pass its own).
 * All entries are normalized words (lower case, no punctuation).
 */

export interface GazetteerLexicon {
  /** Words that introduce an area of a level: "Kel. X", "Kecamatan X", "Kota X". Multi-word entries allowed. */
  levelMarkers: Record<AreaLevel, string[]>;
  /** Leading words stripped from official names to get the name people use ("Kota Administrasi …"). */
  officialPrefixes: string[];
  /** Ways each word of a name is abbreviated or spelled ("tanjung" → "tj", "tg"). */
  wordVariants: Record<string, string[]>;
  /** Whole-name aliases keyed by the normalized common name ("jakarta selatan" → "jaksel"). */
  nameAliases: Record<string, string[]>;
  /**
   * Names that are also everyday words ("baru" = new, "tengah" = middle, "tangki" = tank): they count only
   * after a level marker ("Kel. Tengah"), never bare.
   */
  commonWordNames: string[];
  /** Words that introduce a street: "Jl. Pasar Minggu" names a street, which may lie outside the area. */
  streetMarkers: string[];
}

export const JAKARTA_LEXICON: GazetteerLexicon = {
  levelMarkers: {
    kelurahan: ['kelurahan', 'kel', 'kelur', 'desa', 'lurah'],
    kecamatan: ['kecamatan', 'kec', 'kcm', 'camat'],
    kota: [
      'kota administrasi', 'kota adm', 'kotamadya', 'kodya', 'kota', 'kabupaten administrasi', 'kab adm',
      'kabupaten', 'kab', 'walikota',
    ],
  },
  officialPrefixes: ['kota administrasi', 'kabupaten administrasi', 'kota adm', 'kab adm', 'kota', 'kabupaten', 'kab'],
  wordVariants: {
    jakarta: ['jkt', 'jak'],
    pusat: ['pst'],
    utara: ['utr', 'ut'],
    selatan: ['sel', 'slt', 'sltn'],
    barat: ['brt'],
    timur: ['tim', 'tmr'],
    tengah: ['tgh'],
    tanjung: ['tj', 'tg', 'tanjong'],
    pasar: ['ps', 'psr'],
    kampung: ['kp', 'kpg', 'kamp'],
    pondok: ['pd', 'pdk'],
    kebayoran: ['keb', 'kby'],
    kepulauan: ['kep'],
    pulau: ['p', 'pl'],
    kelapa: ['klapa', 'klp'],
    gunung: ['gn', 'gng'],
    jembatan: ['jemb', 'jbt'],
    kebon: ['kb', 'kebun'],
    kramat: ['keramat'],
    sungai: ['sei'],
    dua: ['2', 'ii'],
    tiga: ['3', 'iii'],
    lima: ['5'],
  },
  nameAliases: {
    'jakarta pusat': ['jakpus'],
    'jakarta utara': ['jakut', 'jakutara'],
    'jakarta barat': ['jakbar'],
    'jakarta selatan': ['jaksel'],
    'jakarta timur': ['jaktim'],
    'kepulauan seribu': ['pulau seribu', 'kepulauan 1000', 'pulau 1000', 'pulau pulau seribu'],
    'halim perdana kusuma': ['halim'],
    'bendungan hilir': ['benhil'],
  },
  commonWordNames: [
    'baru', 'tengah', 'gunung', 'pulo', 'jati', 'karet', 'bangka', 'selong', 'dukuh', 'gedong', 'setu',
    'kenari', 'kramat', 'guntur', 'kartini', 'rambutan', 'susukan', 'tangki', 'bungur', 'joglo', 'kapuk',
    'kayu manis', 'kayu putih', 'harapan mulia', 'wijaya kusuma', 'tanah tinggi', 'galur', 'serdang',
    'kalibaru', 'kamal', 'gelora',
  ],
  streetMarkers: ['jalan', 'jl', 'jln', 'gang', 'gg', 'jalan raya', 'jl raya', 'jln raya'],
};
