import { describe, expect, it } from 'vitest';
import type { Trainer } from './evaluate.js';
import { learningCurve, projectAccuracy } from './learning-curve.js';
import type { Example } from './types.js';

const examples: Example[] = Array.from({ length: 100 }, (_, i) => ({ text: `text ${i}`, label: i % 4 === 0 ? 'b' : 'a' }));
const truth = new Map(examples.map((e) => [e.text, e.label]));

/** A trainer that records what it was given and answers with `answer`. */
function recording(answer: (text: string) => string, seen: string[][]): Trainer {
  return (train) => {
    seen.push(train.map((e) => e.text));
    return { autoRouteThreshold: Infinity, predict: (text) => ({ label: answer(text), confidence: 1, top: [] }) };
  };
}

describe('learningCurve', () => {
  it('trains each method on the same subsample of each training fold, never on its test fold', () => {
    const oracleSeen: string[][] = [];
    const majoritySeen: string[][] = [];
    const curve = learningCurve(
      examples,
      { oracle: recording((t) => truth.get(t)!, oracleSeen), majority: recording(() => 'a', majoritySeen) },
      { fractions: [0.25, 1], folds: 5, foldSeeds: [1, 2] },
    );
    // 2 seeds × 5 folds × 2 fractions fits per method, on identical training sets.
    expect(oracleSeen).toHaveLength(20);
    expect(majoritySeen).toEqual(oracleSeen);
    expect(oracleSeen.map((s) => s.length)).toEqual(Array(10).fill([20, 80]).flat());
    // The smaller subsample is a prefix of the larger one: curves compare nested training sets.
    for (let r = 0; r < 20; r += 2) expect(oracleSeen[r + 1].slice(0, 20)).toEqual(oracleSeen[r]);
    expect(curve.oracle.map((p) => [p.fraction, p.trainSize, p.accuracy])).toEqual([
      [0.25, 20, 1],
      [1, 80, 1],
    ]);
    expect(curve.majority[1].accuracy).toBeCloseTo(0.75, 10);
  });

  it('keeps every test example out of the training set it is scored against', () => {
    const leaks: string[] = [];
    const trainer: Trainer = (train) => {
      const inTrain = new Set(train.map((e) => e.text));
      return {
        autoRouteThreshold: Infinity,
        predict: (text) => {
          if (inTrain.has(text)) leaks.push(text);
          return { label: 'a', confidence: 1, top: [] };
        },
      };
    };
    learningCurve(examples, { t: trainer }, { fractions: [0.5, 1], folds: 4, foldSeeds: [3] });
    expect(leaks).toEqual([]);
  });

  it('rejects fractions outside (0, 1]', () => {
    expect(() => learningCurve(examples, {}, { fractions: [0], folds: 5, foldSeeds: [1] })).toThrow(RangeError);
    expect(() => learningCurve(examples, {}, { fractions: [1.5], folds: 5, foldSeeds: [1] })).toThrow(RangeError);
  });
});

describe('projectAccuracy', () => {
  it('recovers a log-linear curve and reads it at another size', () => {
    const points = [1000, 2000, 4000].map((n, i) => ({ fraction: 0, trainSize: n, accuracy: 0.7 + 0.02 * i }));
    const { accuracy, perDoubling } = projectAccuracy(points, 8000);
    expect(perDoubling).toBeCloseTo(0.02, 10);
    expect(accuracy).toBeCloseTo(0.76, 10);
  });

  it('fits the least-squares line through noisy points', () => {
    const points = [
      { fraction: 0.5, trainSize: 1000, accuracy: 0.8 },
      { fraction: 0.7, trainSize: 2000, accuracy: 0.83 },
      { fraction: 1, trainSize: 4000, accuracy: 0.84 },
    ];
    // By hand: log2 sizes are x̄−1, x̄, x̄+1, so the slope is (0.84 − 0.80)/2 and the line passes (x̄, ȳ).
    const { accuracy, perDoubling } = projectAccuracy(points, 2000);
    expect(perDoubling).toBeCloseTo(0.02, 10);
    expect(accuracy).toBeCloseTo(0.8233333333, 8);
  });

  it('needs two distinct sizes', () => {
    expect(() => projectAccuracy([{ fraction: 1, trainSize: 10, accuracy: 0.5 }], 20)).toThrow(RangeError);
    const same = { fraction: 1, trainSize: 10, accuracy: 0.5 };
    expect(() => projectAccuracy([same, same], 20)).toThrow(RangeError);
  });
});
