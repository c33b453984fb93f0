import { CLOSINGS, COMPLAINT_TEMPLATES, DURATIONS, JAKARTA_STREET_NAMES, LANDMARKS, OPENINGS, type CategoryTemplate } from '../../domain/triage/duplicates/complaint-templates.js';
import { seededRandom } from '../../domain/random.js';

/**
 * What the simulator says: realistic Jakarta complaints (the wording of the duplicate finder's corpus plus a
 * few service categories), in real kelurahan (Kemendagri codes and names from idn-area-data), from citizens
 * with Indonesian names, phone numbers and addresses. Everything comes from one seeded generator: the same
 * seed gives the same stream.
 */
export interface Kelurahan {
  code: string;
  name: string;
}

export interface SimComplaint {
  seq: number;
  /** The catalogue category the complaint is about; structured channels pass it on, free text does not. */
  category: string;
  text: string;
  title: string;
  kelurahan: Kelurahan;
  street: string;
  reporter: { name: string; phone: string; email: string };
}

/** The duplicate corpus names categories by theme; these are the catalogue codes they stand for. */
const CATALOGUE_CODE: Record<string, string> = {
  banjir: 'genangan-banjir',
  pju: 'pju-mati',
  pohon: 'pohon-tumbang',
  'saluran-air': 'saluran-tersumbat',
};

/** Service complaints the physical corpus lacks; {jalan} {patokan} {durasi} as there. */
const SERVICE_TEMPLATES: { category: string; texts: string[] }[] = [
  { category: 'pkl', texts: ['PKL berjualan di trotoar {jalan} {patokan}, pejalan kaki terpaksa turun ke jalan.', 'Lapak pedagang makin banyak di {jalan} {patokan} {durasi}, bikin macet.'] },
  { category: 'kebisingan', texts: ['Suara musik keras dari kafe di {jalan} {patokan} sampai jam 2 pagi {durasi}.', 'Knalpot brong balapan tiap malam di {jalan} {patokan}, warga tidak bisa tidur.'] },
  { category: 'adminduk', texts: ['Sudah 3 minggu e-KTP saya belum jadi di kelurahan, petugas bilang blangko habis.', 'Mau urus pindah domisili tapi antrean online penuh terus {durasi}.'] },
  { category: 'layanan-kesehatan', texts: ['Antrean puskesmas {patokan} {jalan} sangat panjang, pasien lansia menunggu sampai 4 jam.', 'Obat di puskesmas kosong {durasi}, pasien disuruh beli sendiri.'] },
  { category: 'angkutan-umum', texts: ['Bus TransJakarta koridor {jalan} sering telat lebih dari 30 menit {durasi}.', 'Mikrotrans di {jalan} ngetem lama {patokan}, penumpang terlantar.'] },
  { category: 'demam-berdarah', texts: ['Sudah 3 warga RT 04 kena DBD {durasi}, mohon fogging di sekitar {jalan} {patokan}.', 'Banyak jentik nyamuk di genangan {patokan} {jalan}, takut DBD.'] },
  { category: 'pmks', texts: ['Ada ODGJ terlantar tidur di halte {patokan} {jalan} {durasi}, mohon dibantu dinsos.', 'Manusia gerobak dengan anak kecil tinggal di kolong jembatan {jalan}.'] },
];

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rudi', 'Sri', 'Andi', 'Rina', 'Joko', 'Lestari', 'Hendra', 'Nur', 'Bambang', 'Yuni', 'Fajar', 'Ratna', 'Dian', 'Eko', 'Wulan', 'Taufik', 'Maya', 'Rizky', 'Indah', 'Slamet', 'Putri', 'Ahmad', 'Sumarni', 'Hasan', 'Fitri', 'Yusuf'];
const LAST = ['Santoso', 'Rahayu', 'Hidayat', 'Lestari', 'Hartono', 'Wijaya', 'Saputra', 'Siregar', 'Nasution', 'Simanjuntak', 'Kusuma', 'Setiawan', 'Pratama', 'Wibowo', 'Susanti', 'Gunawan', 'Purba', 'Harahap', 'Sitompul', 'Halim', ''];
const MAIL_DOMAINS = ['gmail.com', 'yahoo.co.id', 'gmail.com', 'outlook.com', 'ymail.com'];
const PHONE_PREFIXES = ['0812', '0813', '0821', '0852', '0857', '0878', '0896', '0838'];

export type Rng = () => number;

export function seededRng(seed: number): Rng {
  return seededRandom(seed);
}

export function pick<T>(rnd: Rng, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

export function digits(rnd: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
  return s;
}

interface Template {
  category: string;
  text(rnd: Rng, street: string): string;
}

const TEMPLATES: Template[] = [
  ...COMPLAINT_TEMPLATES.map((c: CategoryTemplate) => ({
    category: CATALOGUE_CODE[c.category] ?? c.category,
    text: (rnd: Rng, street: string) => {
      const problem = pick(rnd, c.problems);
      return fillSlots(pick(rnd, problem.paraphrases), rnd, street).replace('{dampak}', pick(rnd, problem.dampak));
    },
  })),
  ...SERVICE_TEMPLATES.map((s) => ({ category: s.category, text: (rnd: Rng, street: string) => fillSlots(pick(rnd, s.texts), rnd, street) })),
];

function fillSlots(template: string, rnd: Rng, street: string): string {
  return template.replace('{jalan}', street).replace('{patokan}', pick(rnd, LANDMARKS)).replace('{durasi}', pick(rnd, DURATIONS));
}

/** One citizen's complaint; `seq` numbers the stream. */
export function makeComplaint(rnd: Rng, seq: number, kelurahan: readonly Kelurahan[]): SimComplaint {
  const t = pick(rnd, TEMPLATES);
  const kel = pick(rnd, kelurahan);
  const street = `Jl. ${pick(rnd, JAKARTA_STREET_NAMES)}`;
  const body = t.text(rnd, street).replace(/\s+([.,])/g, '$1').replace(/\s+/g, ' ').trim();
  const place = rnd() < 0.6 ? ` Lokasi: Kel. ${kel.name}.` : ` (Kelurahan ${kel.name})`;
  const text = [pick(rnd, OPENINGS), body + place, pick(rnd, CLOSINGS)].filter(Boolean).join(' ');
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const name = last ? `${first} ${last}` : first;
  const handle = `${first}.${last || digits(rnd, 3)}`.toLowerCase();
  return {
    seq,
    category: t.category,
    text,
    title: body.split(/[.,!]/)[0].slice(0, 80),
    kelurahan: kel,
    street,
    reporter: { name, phone: `${pick(rnd, PHONE_PREFIXES)}${digits(rnd, 8)}`, email: `${handle}${Math.floor(rnd() * 100)}@${pick(rnd, MAIL_DOMAINS)}` },
  };
}
