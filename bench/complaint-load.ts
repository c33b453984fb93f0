import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { seededRandom } from '../src/domain/random.js';
import { parseCsvObjects } from '../src/domain/triage/classifier/csv.js';

/**
 * A realistic stream of web-form complaints for the intake benchmark: different citizens, every kelurahan and
 * category of the seeded catalogue, varied texts (real LAPOR! complaint texts from ../shared/data when present,
 * else texts composed from parts), one in five without a category (the triage engine decides), and an
 * occasional near-identical report of the same incident, as happens when neighbours report the same thing.
 * A fixed seed makes runs comparable.
 */
export interface ComplaintLoad {
  next(): string;
}

const PROBLEMS = [
  'jalan berlubang cukup dalam', 'sampah menumpuk tidak diangkut', 'lampu penerangan jalan mati', 'saluran air tersumbat',
  'parkir liar memakan badan jalan', 'pedagang kaki lima di trotoar', 'pohon besar hampir tumbang', 'genangan air setinggi betis',
  'pipa air bocor', 'suara bising dari pabrik', 'bau menyengat dari kali', 'bangunan tanpa izin',
  'antrean puskesmas sangat lama', 'angkot ngetem sembarangan', 'kabel menjuntai rendah', 'trotoar rusak dan licin',
];
const PLACES = ['depan sekolah', 'dekat pasar', 'di gang sebelah masjid', 'di pertigaan', 'samping halte', 'depan kantor kelurahan', 'di bawah jembatan', 'dekat rel kereta', 'di ujung RT 03', 'depan puskesmas'];
const SINCE = ['sejak kemarin', 'sudah tiga hari', 'lebih dari seminggu', 'sejak hujan deras', 'sudah sebulan', 'tiap malam'];
const ASK = ['mohon segera ditindaklanjuti', 'tolong diperbaiki', 'warga sangat terganggu', 'mohon petugas datang mengecek', 'sudah pernah lapor tapi belum ada tindakan'];

function realTexts(dataDir: string): string[] {
  const file = path.join(dataDir, 'lapor-3class-complaints', 'complaints.csv');
  if (!fs.existsSync(file)) return [];
  return parseCsvObjects(fs.readFileSync(file, 'utf8'))
    .map((r) => r.text ?? '')
    .filter((t) => t.length >= 20);
}

/** Reads the kelurahan and category codes the server seeded into its SQLite file. */
export function complaintLoad(sqliteFile: string, dataDir = '../shared/data', seed = 7): ComplaintLoad & { source: string } {
  const db = new SqliteDatabase(sqliteFile, { readonly: true });
  const areas = db.prepare("select code from areas where level = 'kelurahan' order by code").pluck().all() as string[];
  const categories = db.prepare('select code from categories order by code').pluck().all() as string[];
  db.close();
  const real = realTexts(dataDir);
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const recent: string[] = [];
  let n = 0;
  const compose = () => `${pick(PROBLEMS)} ${pick(PLACES)} ${pick(SINCE)}, ${pick(ASK)}`;
  return {
    source: real.length ? `${real.length} LAPOR! texts from ${dataDir}` : 'composed texts (../shared/data absent)',
    next() {
      const i = n++;
      // About 1 in 20 repeats a recent report of the same incident (same place, category, nearly the same words).
      if (recent.length > 10 && random() < 0.05) {
        const again = JSON.parse(pick(recent)) as { text: string; reporter: { email: string } };
        return JSON.stringify({ ...again, text: `${again.text} juga`, reporter: { email: `warga${i}@example.id` } });
      }
      const body = JSON.stringify({
        text: real.length ? `${pick(real)} ${pick(PLACES)}` : `${compose()} (${i})`,
        ...(random() < 0.8 ? { category: pick(categories) } : {}),
        location: { area_code: pick(areas) },
        reporter: { email: `warga${Math.floor(random() * 50_000)}@example.id` },
      });
      recent.push(body);
      if (recent.length > 50) recent.shift();
      return body;
    },
  };
}
