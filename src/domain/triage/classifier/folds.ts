import { seededRandom, shuffleInPlace } from '../../random.js';

/**
 * Stratified fold assignment: each class's examples are shuffled and dealt round-robin, starting where
 * the previous class stopped, so every fold gets its share of every class and the classes too small to
 * reach every fold (a class with one example) do not all pile into fold 0.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${k}`);
  const random = seededRandom(seed);
  const byClass = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const members = byClass.get(label);
    if (members === undefined) byClass.set(label, [i]);
    else members.push(i);
  });
  const fold = new Int32Array(labels.length);
  let next = 0;
  // Sorted class order: the same data and seed give the same folds whatever order the classes appear in.
  for (const label of [...byClass.keys()].sort()) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    for (const i of members) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/** Indices of the examples in and out of fold `f`. */
export function splitFold(fold: Int32Array, f: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === f ? test : train).push(i);
  return { train, test };
}
