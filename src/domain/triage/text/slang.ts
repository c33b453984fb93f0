/**
 * Informal spellings, chat abbreviations and administrative short forms seen in Indonesian complaints
 * (SMS, Twitter/X, WhatsApp, app reports), mapped to their standard form. Keys are single lower-case
 * tokens as the tokenizer produces them (punctuation already split off, so "kel." arrives as "kel");
 * a value may hold several words ("ortu" → "orang tua"). Values are plain words that then go through
 * stopword removal and stemming like any other word.
 *
 * Ambiguous short forms are left out on purpose when the wrong reading would hurt routing more than
 * the right one helps: "sd" (sekolah dasar / sampai dengan), "smp", "kk" (kartu keluarga / kakak),
 * "pu", "hp" and agency acronyms (pln, pdam, bpjs, ktp) are kept as they are because they carry meaning.
 */
const NEGATION: Record<string, string> = {
  gak: 'tidak', ga: 'tidak', gk: 'tidak', ngga: 'tidak', nggak: 'tidak', nggk: 'tidak', ngak: 'tidak',
  ngk: 'tidak', enggak: 'tidak', engga: 'tidak', egak: 'tidak', kagak: 'tidak', gag: 'tidak', tdk: 'tidak',
  tak: 'tidak', ndak: 'tidak', nda: 'tidak', gaada: 'tidak ada', gada: 'tidak ada', kaga: 'tidak',
  blm: 'belum', blom: 'belum', belom: 'belum', blum: 'belum', bkn: 'bukan', jgn: 'jangan', jngn: 'jangan',
};

const FUNCTION_WORDS: Record<string, string> = {
  yg: 'yang', yng: 'yang', dgn: 'dengan', dg: 'dengan', dng: 'dengan', utk: 'untuk', untk: 'untuk',
  krn: 'karena', karna: 'karena', krna: 'karena', tp: 'tapi', tpi: 'tapi', jg: 'juga', jga: 'juga',
  sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah', sudh: 'sudah', sm: 'sama', ama: 'sama',
  dr: 'dari', dri: 'dari', pd: 'pada', kpd: 'kepada', dlm: 'dalam', ttg: 'tentang', spt: 'seperti',
  kyk: 'seperti', kayak: 'seperti', kaya: 'seperti', sbg: 'sebagai', sbgai: 'sebagai', tsb: 'tersebut',
  jd: 'jadi', jdi: 'jadi', lg: 'lagi', lgi: 'lagi', aja: 'saja', aj: 'saja', sj: 'saja', msh: 'masih',
  masi: 'masih', bs: 'bisa', bsa: 'bisa', gmn: 'bagaimana', gimana: 'bagaimana', bgmn: 'bagaimana',
  gmana: 'bagaimana', knp: 'kenapa', napa: 'kenapa', kpn: 'kapan', dmn: 'dimana', dmana: 'dimana',
  trs: 'terus', trus: 'terus', klo: 'kalau', kalo: 'kalau', kl: 'kalau', klw: 'kalau', sampe: 'sampai',
  ampe: 'sampai', smpai: 'sampai', hrs: 'harus', hrus: 'harus', cuma: 'hanya', cuman: 'hanya',
  gitu: 'begitu', gini: 'begini', emang: 'memang', emg: 'memang', mmg: 'memang', sblm: 'sebelum',
  stlh: 'setelah', sdgkan: 'sedangkan', bbrp: 'beberapa', brp: 'berapa', bnyk: 'banyak', byk: 'banyak',
  bgt: 'sangat', banget: 'sangat', bngt: 'sangat', sgt: 'sangat', skrg: 'sekarang', skrang: 'sekarang',
  skg: 'sekarang', dll: 'dan lain lain', dsb: 'dan sebagainya', dst: 'dan seterusnya', sy: 'saya',
  sya: 'saya', aku: 'saya', ak: 'saya', gw: 'saya', gue: 'saya', gua: 'saya', kmi: 'kami',
  lu: 'kamu', lo: 'kamu', elo: 'kamu', mrk: 'mereka', mrka: 'mereka', sdr: 'saudara',
};

const VERBS_AND_ADJECTIVES: Record<string, string> = {
  tlg: 'tolong', tolg: 'tolong', tlong: 'tolong', mhn: 'mohon', mohn: 'mohon', dpt: 'dapat',
  liat: 'lihat', lht: 'lihat', pake: 'pakai', pk: 'pukul', bener: 'benar', bnr: 'benar', pgn: 'ingin',
  pengen: 'ingin', pingin: 'ingin', pengin: 'ingin', mo: 'mau', ngurus: 'urus',
  ngurusin: 'urus', benerin: 'benar', diberesin: 'beres', dibenerin: 'benar', nambal: 'tambal',
  nutup: 'tutup', mampet: 'mampat', ambrol: 'ambruk', ancur: 'hancur',
  rusk: 'rusak', rsk: 'rusak', nunggu: 'tunggu', nungguin: 'tunggu', dtg: 'datang',
  dateng: 'datang', blg: 'bilang', bilg: 'bilang', ksh: 'kasih', kasi: 'kasih', bayarin: 'bayar',
};

const THANKS_AND_GREETINGS: Record<string, string> = {
  makasih: 'terima kasih', mksh: 'terima kasih', mkasih: 'terima kasih', trims: 'terima kasih',
  trimakasih: 'terima kasih', terimakasih: 'terima kasih', tq: 'terima kasih', thx: 'terima kasih',
  thanks: 'terima kasih', tks: 'terima kasih', trmksh: 'terima kasih', ass: 'assalamualaikum',
  askum: 'assalamualaikum', mimin: 'admin', min: 'admin', pak: 'bapak', bpk: 'bapak', bp: 'bapak',
  bu: 'ibu', ibuk: 'ibu', mba: 'mbak',
};

const TIME: Record<string, string> = {
  kmrn: 'kemarin', kemaren: 'kemarin', kmarin: 'kemarin', bsk: 'besok', besuk: 'besok', hr: 'hari',
  bln: 'bulan', thn: 'tahun', th: 'tahun', mgg: 'minggu', mgu: 'minggu', tgl: 'tanggal', jm: 'jam',
  dtk: 'detik', mlm: 'malam',
};

const PLACES_AND_ADMINISTRATION: Record<string, string> = {
  jl: 'jalan', jln: 'jalan', jaln: 'jalan', kel: 'kelurahan', kelur: 'kelurahan', kec: 'kecamatan',
  kab: 'kabupaten', kabu: 'kabupaten', prov: 'provinsi', propinsi: 'provinsi',
  gg: 'gang', rmh: 'rumah', rumh: 'rumah', sklh: 'sekolah', skolah: 'sekolah', dpn: 'depan',
  blkg: 'belakang', blakang: 'belakang', sblh: 'sebelah', dkt: 'dekat', deket: 'dekat', prapatan: 'perempatan',
  perempatn: 'perempatan', rs: 'rumah sakit', rsud: 'rumah sakit umum daerah', org: 'orang', ortu: 'orang tua',
  no: 'nomor', nmr: 'nomor', nomer: 'nomor', jkt: 'jakarta',
  jaksel: 'jakarta selatan', jakpus: 'jakarta pusat', jakbar: 'jakarta barat', jaktim: 'jakarta timur',
  jakut: 'jakarta utara', jateng: 'jawa tengah', jatim: 'jawa timur', jabar: 'jawa barat',
  pemprov: 'pemerintah provinsi', pemkot: 'pemerintah kota', pemkab: 'pemerintah kabupaten',
  pemda: 'pemerintah daerah', pemdes: 'pemerintah desa', kades: 'kepala desa', kadis: 'kepala dinas',
  dishub: 'dinas perhubungan', dinkes: 'dinas kesehatan', dinsos: 'dinas sosial',
  disdik: 'dinas pendidikan', disdukcapil: 'dinas kependudukan pencatatan sipil', dukcapil: 'kependudukan pencatatan sipil',
  bansos: 'bantuan sosial', sembako: 'sembilan bahan pokok', wa: 'whatsapp', whatsap: 'whatsapp',
  angkot: 'angkutan kota', ojol: 'ojek online', parkiran: 'parkir',
  got: 'selokan', slokan: 'selokan',
};

/** Standard form of each informal token; a value may contain several space-separated words. */
export const SLANG: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...NEGATION,
    ...FUNCTION_WORDS,
    ...VERBS_AND_ADJECTIVES,
    ...THANKS_AND_GREETINGS,
    ...TIME,
    ...PLACES_AND_ADMINISTRATION,
  }).filter(([from, to]) => from !== to),
);

/** The standard form of one lower-case token, or the token itself when it is not in the table. */
export function normalizeSlang(token: string): string {
  return SLANG.get(token) ?? token;
}
