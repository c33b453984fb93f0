import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainMajorityBaseline } from './baselines.js';
import { parseCsvObjects } from './csv.js';
import { evaluate } from './evaluate.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { train } from './train.js';
import type { Example } from './types.js';

// Real labelled complaints from ../shared/data (never copied into the project). Already stemmed upstream;
// they still go through the pipeline. Full 5-fold figures: scripts/eval-triage.ts.
const dataFile = (dir: string): string =>
  fileURLToPath(new URL(`../../../../../shared/data/${dir}/complaints.csv`, import.meta.url));
const LAPORGUB = dataFile('laporgub-jateng-complaints');
const LAPOR3 = dataFile('lapor-3class-complaints');

function load(path: string, labelColumn: string): Example[] {
  return parseCsvObjects(readFileSync(path, 'utf8')).map((r) => ({ text: r.text, label: r[labelColumn] }));
}

/** One stratified 80/20 split: a fifth of the time of cross-validation, enough to catch a broken model. */
function holdOut(examples: Example[]): { trainSet: Example[]; testSet: Example[] } {
  const { train: tr, test } = splitFold(stratifiedFolds(examples.map((e) => e.label), 5, 42), 0);
  return { trainSet: tr.map((i) => examples[i]), testSet: test.map((i) => examples[i]) };
}

describe.skipIf(!existsSync(LAPORGUB))('LaporGub complaints (17 imbalanced classes)', () => {
  // Generous timeouts: a full training takes seconds, more when the shared machine is busy.
  it('beats the majority baseline by a wide margin', { timeout: 120_000 }, () => {
    const { trainSet, testSet } = holdOut(load(LAPORGUB, 'category'));
    const majority = evaluate(trainMajorityBaseline(trainSet, { calibrationFolds: 0 }), testSet);
    const ours = evaluate(train(trainSet, { calibrationFolds: 0 }), testSet);
    expect(majority.accuracy).toBeLessThan(0.5);
    expect(ours.accuracy).toBeGreaterThan(majority.accuracy + 0.3);
    expect(ours.macro_f1).toBeGreaterThan(0.55);
    expect(ours.per_class.infrastruktur.f1).toBeGreaterThan(0.85);
  });
});

describe.skipIf(!existsSync(LAPOR3))('LAPOR! reports (3 classes)', () => {
  it('separates the classes and auto-routes most reports at the target precision', { timeout: 120_000 }, () => {
    const { trainSet, testSet } = holdOut(load(LAPOR3, 'kategori'));
    const ours = evaluate(train(trainSet, { calibrationFolds: 2 }), testSet);
    expect(ours.accuracy).toBeGreaterThan(0.9);
    expect(ours.auto_route.coverage).toBeGreaterThan(0.7);
    expect(ours.auto_route.precision).toBeGreaterThan(0.94);
  });
});

if (!existsSync(LAPORGUB) || !existsSync(LAPOR3)) {
  console.warn(`real-data classifier tests skipped: ${LAPORGUB} or ${LAPOR3} not found (../shared/data is absent)`);
}
