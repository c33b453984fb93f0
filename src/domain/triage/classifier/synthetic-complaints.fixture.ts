import { seededRandom } from '../../random.js';
import type { Example } from './types.js';

/**
 * Small synthetic Indonesian complaints for classifier tests: each category has its own problem words,
 * written informally and mixed with words every category shares (places, greetings, requests), so a
 * model has to learn which words matter. Deterministic for a seed.
 */
const TOPICS: Record<string, string[]> = {
  jalan: ['jalan berlubang', 'aspal rusak parah', 'jln retak', 'lubang besar di jalan', 'jalan ambles', 'tambal jalan'],
  sampah: ['sampah menumpuk', 'tumpukan sampah bau', 'tong sampah penuh', 'sampah tdk diangkut', 'truk sampah gak datang'],
  banjir: ['banjir setinggi lutut', 'air meluap ke rumah', 'got mampet banjir', 'genangan air tiap hujan', 'tanggul jebol'],
  lampu: ['lampu jalan mati', 'pju padam', 'penerangan jalan gelap', 'lampu kedip kedip', 'tiang lampu roboh'],
};

const SHARED = [
  'tolong', 'mohon segera', 'pak', 'min', 'di rt 05 rw 03', 'kel. cempaka putih', 'kec. menteng', 'sudah lama',
  'warga resah', 'terima kasih', 'dekat sekolah', 'depan masjid', 'sejak minggu lalu', 'bgt',
];

export const SYNTHETIC_LABELS = Object.keys(TOPICS);

/** `perLabel` complaints for each label (or the counts given per label). */
export function syntheticComplaints(perLabel: number | Record<string, number>, seed: number): Example[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const examples: Example[] = [];
  for (const label of SYNTHETIC_LABELS) {
    const count = typeof perLabel === 'number' ? perLabel : (perLabel[label] ?? 0);
    for (let i = 0; i < count; i++) {
      const parts = [pick(SHARED), pick(TOPICS[label]), pick(SHARED)];
      // One complaint in ten also mentions another category's words: the classes overlap a little.
      if (random() < 0.1) parts.push(pick(TOPICS[pick(SYNTHETIC_LABELS)]));
      if (random() < 0.5) parts.push(pick(SHARED));
      examples.push({ text: parts.join(' '), label });
    }
  }
  return examples;
}
