import fs from 'node:fs';
import path from 'node:path';
import type { Example } from '../../src/domain/triage/classifier/index.js';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';

/** Shared by the triage integration tests: the boundary file (absent in some checkouts) and synthetic data. */
export const KELURAHAN_GEOJSON = path.resolve(process.cwd(), '../shared/data/jakarta-admin-boundaries/dki_jakarta_kelurahan.geojson');
export const HAVE_BOUNDARIES = fs.existsSync(KELURAHAN_GEOJSON);
if (!HAVE_BOUNDARIES) console.warn(`triage tests: ${KELURAHAN_GEOJSON} absent, boundary tests skipped`);

let seq = 0;
export function complaint(over: Partial<NormalizedComplaint> = {}): NormalizedComplaint {
  seq++;
  return {
    channel: 'web',
    externalId: `triage-${seq}-${Math.random()}`,
    receivedAt: new Date('2026-11-23T01:59:00Z'),
    rawPayload: {},
    text: 'Jalan berlubang besar di depan sekolah',
    reporter: { name: 'Warga', contactKind: 'email', contactValue: `warga${seq}@example.id` },
    ...over,
  };
}

/** Four categories of the seeded catalogue, each with its own vocabulary, phrased in varied ways. */
const VOCAB: Record<string, { things: string[]; problems: string[] }> = {
  'jalan-rusak': { things: ['jalan', 'aspal', 'jalan raya', 'ruas jalan'], problems: ['berlubang', 'rusak parah', 'retak dan amblas', 'lubangnya dalam'] },
  sampah: { things: ['sampah', 'tumpukan sampah', 'sampah rumah tangga', 'TPS'], problems: ['menumpuk tidak diangkut', 'bau busuk', 'berserakan', 'sudah seminggu tidak diangkut'] },
  'pju-mati': { things: ['lampu jalan', 'lampu PJU', 'penerangan jalan', 'tiang lampu'], problems: ['mati total', 'padam gelap gulita', 'tidak menyala', 'berkedip lalu mati'] },
  'parkir-liar': { things: ['parkir liar', 'mobil parkir', 'motor parkir', 'juru parkir liar'], problems: ['di bahu jalan', 'menghalangi trotoar', 'bikin macet', 'memakan badan jalan'] },
};
const PLACES = ['depan pasar', 'dekat masjid', 'di gang tiga', 'samping sekolah', 'di perempatan', 'dekat halte'];
const OPENINGS = ['Lapor,', 'Pak/Bu,', 'Mohon dicek,', '', 'Tolong,'];

export function syntheticExamples(perLabel: number, seed = 7): Example[] {
  let s = seed;
  const rnd = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Example[] = [];
  for (const [label, v] of Object.entries(VOCAB)) {
    for (let i = 0; i < perLabel; i++) out.push({ label, text: `${pick(OPENINGS)} ${pick(v.things)} ${pick(v.problems)} ${pick(PLACES)}`.trim() });
  }
  return out;
}
