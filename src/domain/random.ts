/**
 * A small seeded generator (mulberry32, public domain). Everything random in the domain is seeded so it can be
 * reproduced: classifier folds and solver orders (the same data and seed give the same model), generated test
 * complaints, the simulator's stream.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of the first `length` entries, in place. */
export function shuffleInPlace(values: Int32Array | number[], random: () => number, length = values.length): void {
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
}
