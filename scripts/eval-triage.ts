/**
 * Cross-validated scores of the complaint classifier beside its baselines, all computed in this run on
 * the same stratified folds:
 *
 *   npx tsx scripts/eval-triage.ts [--data-dir ../shared/data] [--folds 5] [--fold-seed 42] [--json] [--per-class]
 *                                  [--dataset laporgub|lapor]
 *
 * --dataset keeps only the data sets whose file path contains that text (e.g. `laporgub`), for quicker
 * runs while comparing variants on one of them.
 *
 * Data sets (from ../shared/data, never copied into the project): the LaporGub Central Java complaints
 * (17 imbalanced categories) and the LAPOR! 3-class reports. Both are already stemmed upstream; they
 * still go through the product's text pipeline, as raw complaints will.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  asClassifier,
  crossValidate,
  parseCsvObjects,
  train,
  trainKeywordBaseline,
  trainMajorityBaseline,
  trainNaiveBayesBaseline,
  trainTfidfSvmBaseline,
  type CrossValidation,
  type Example,
  type Trainer,
} from '../src/domain/triage/classifier/index.js';

interface DataSet {
  name: string;
  file: string;
  textColumn: string;
  labelColumn: string;
  /** A published reference figure to print beside ours. */
  reference?: string;
}

const DATA_SETS: DataSet[] = [
  {
    name: 'LaporGub Jawa Tengah (17 classes)',
    file: 'laporgub-jateng-complaints/complaints.csv',
    textColumn: 'text',
    labelColumn: 'category',
    reference: 'bar as quoted (scikit-learn, its own folds): TF-IDF (word 1-2 + char 2-5) + LinearSVC: accuracy 0.826, macro-F1 0.628',
  },
  {
    name: 'LAPOR! (3 classes)',
    file: 'lapor-3class-complaints/complaints.csv',
    textColumn: 'text',
    labelColumn: 'kategori',
  },
];

const METHODS: { name: string; trainer: Trainer }[] = [
  { name: 'majority baseline', trainer: (ex) => trainMajorityBaseline(ex) },
  { name: 'keyword baseline', trainer: (ex) => trainKeywordBaseline(ex) },
  { name: 'naive Bayes baseline', trainer: (ex) => trainNaiveBayesBaseline(ex) },
  // The bar, reproduced here on the same folds (auto-route not computed: 3 more fits per fold of its
  // 2^21-bucket char 2–5 model would triple the run for a figure nobody compares).
  { name: 'TF-IDF+LinearSVC bar', trainer: (ex) => trainTfidfSvmBaseline(ex, { calibrationFolds: 0 }) },
  { name: 'cepat linear model', trainer: (ex) => asClassifier(train(ex)) },
];

function loadExamples(path: string, set: DataSet): Example[] {
  const rows = parseCsvObjects(readFileSync(path, 'utf8'));
  return rows.map((row, i) => {
    const text = row[set.textColumn];
    const label = row[set.labelColumn];
    if (text === undefined || label === undefined) {
      throw new Error(`${path}: row ${i + 2} lacks column ${set.textColumn} or ${set.labelColumn}`);
    }
    return { text, label };
  });
}

const fmt = (x: number | null): string => (x === null ? '   -  ' : x.toFixed(4));

function printTable(set: DataSet, examples: number, results: { name: string; cv: CrossValidation; seconds: number }[]): void {
  console.log(`\n${set.name}: ${examples} examples, ${results[0].cv.folds.length}-fold stratified CV (mean over folds)`);
  if (set.reference) console.log(`  ${set.reference}`);
  console.log('  method                  accuracy  macro-F1  auto-route coverage  routed precision  ECE     seconds/fold');
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(22)}  ${fmt(r.cv.mean.accuracy)}    ${fmt(r.cv.mean.macro_f1)}    ${fmt(routes(r.cv) ? r.cv.mean.coverage : null)}` +
        `               ${fmt(r.cv.mean.precision)}            ${fmt(r.cv.pooled.calibration_error)}  ` +
        `${(r.seconds / r.cv.folds.length).toFixed(2)}`,
    );
  }
}

/** False for a method evaluated without an auto-route threshold (its coverage would read as a failure). */
const routes = (cv: CrossValidation): boolean => cv.pooled.auto_route.threshold !== null;

function printPerClass(cv: CrossValidation): void {
  console.log('  per class (pooled out-of-fold): label, support, precision, recall, F1');
  for (const [label, s] of Object.entries(cv.pooled.per_class)) {
    console.log(`    ${label.padEnd(28)} ${String(s.support).padStart(5)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.f1)}`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: '../shared/data' },
      folds: { type: 'string', default: '5' },
      'fold-seed': { type: 'string', default: '42' },
      json: { type: 'boolean', default: false },
      'per-class': { type: 'boolean', default: false },
      dataset: { type: 'string' },
    },
  });
  const dataDir = resolve(values['data-dir']!);
  const folds = Number(values.folds);
  const wanted = values.dataset?.toLowerCase();
  const sets = wanted === undefined ? DATA_SETS : DATA_SETS.filter((s) => s.file.toLowerCase().includes(wanted));
  if (sets.length === 0) {
    console.error(`eval-triage: no data set matches --dataset ${values.dataset}; known: ${DATA_SETS.map((s) => s.file).join(', ')}`);
    process.exit(2);
  }
  const missing = sets.map((s) => resolve(dataDir, s.file)).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`eval-triage: data not found:\n  ${missing.join('\n  ')}`);
    console.error('Pass --data-dir pointing at the shared data folder (default ../shared/data, relative to the project root).');
    process.exit(2);
  }
  type Row = CrossValidation['mean'] & { calibration_error: number; seconds_per_fold: number };
  const report: Record<string, Record<string, Row>> = {};
  for (const set of sets) {
    const examples = loadExamples(resolve(dataDir, set.file), set);
    const results = METHODS.map(({ name, trainer }) => {
      const started = performance.now();
      const cv = crossValidate(examples, folds, { trainer, foldSeed: Number(values['fold-seed']) });
      return { name, cv, seconds: (performance.now() - started) / 1000 };
    });
    report[set.name] = Object.fromEntries(
      results.map((r) => [
        r.name,
        { ...r.cv.mean, calibration_error: r.cv.pooled.calibration_error, seconds_per_fold: r.seconds / folds },
      ]),
    );
    if (!values.json) {
      printTable(set, examples.length, results);
      if (values['per-class']) printPerClass(results[results.length - 1].cv);
    }
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      '\nauto-route: share of complaints whose confidence reaches the threshold chosen, inside each training fold,' +
        ' on inner folds for precision 0.95; routed precision is measured on the test folds. ECE: expected' +
        ' calibration error of the confidences over all test folds.',
    );
  }
}

main();
