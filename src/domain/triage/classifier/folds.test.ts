import { describe, expect, it } from 'vitest';
import { splitFold, stratifiedFolds } from './folds.js';
import { scorePredictions } from './metrics.js';
import type { Prediction } from './types.js';

describe('stratifiedFolds', () => {
  const labels = [...Array(50).fill('a'), ...Array(20).fill('b'), ...Array(7).fill('c'), 'd'];

  it('spreads every class evenly over the folds', () => {
    const folds = stratifiedFolds(labels, 5, 7);
    for (let f = 0; f < 5; f++) {
      const { test, train } = splitFold(folds, f);
      expect(test.length + train.length).toBe(labels.length);
      expect(test.filter((i) => labels[i] === 'a')).toHaveLength(10);
      expect(test.filter((i) => labels[i] === 'b')).toHaveLength(4);
      const c = test.filter((i) => labels[i] === 'c').length;
      expect(c === 1 || c === 2).toBe(true);
    }
  });

  it('spreads single-example classes over folds instead of piling them into the first', () => {
    const singletons = Array.from({ length: 10 }, (_, i) => `class-${i}`);
    const folds = stratifiedFolds(singletons, 5, 7);
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f)).toHaveLength(2);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    expect(stratifiedFolds(labels, 5, 7)).toEqual(stratifiedFolds(labels, 5, 7));
    expect(stratifiedFolds(labels, 5, 7)).not.toEqual(stratifiedFolds(labels, 5, 8));
  });

  it('rejects fewer than two folds', () => {
    expect(() => stratifiedFolds(labels, 1, 7)).toThrow(RangeError);
  });
});

describe('scorePredictions', () => {
  const p = (label: string, confidence: number): Prediction => ({ label, confidence, top: [{ label, confidence }] });

  it('computes accuracy, per-class scores, macro-F1 and auto-route figures', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predictions = [p('a', 0.9), p('a', 0.8), p('b', 0.4), p('b', 0.95), p('a', 0.3), p('d', 0.2)];
    const e = scorePredictions(gold, predictions, 0.8);
    expect(e.accuracy).toBeCloseTo(3 / 6, 10);
    expect(e.per_class.a).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    expect(e.per_class.b.f1).toBeCloseTo(0.5, 10);
    // c was never predicted, d never true: both count as zero, as scikit-learn does.
    expect(e.per_class.c.f1).toBe(0);
    expect(e.per_class.d.support).toBe(0);
    expect(e.macro_f1).toBeCloseTo((2 / 3 + 0.5) / 4, 10);
    expect(e.auto_route).toEqual({ threshold: 0.8, coverage: 3 / 6, precision: 1, routed: 3 });
    // Bins: 0.9–1 holds 0.9 and 0.95, both right (|1.85 − 2|); 0.8: right (|0.8 − 1|); 0.4: wrong;
    // 0.3: wrong; 0.2: wrong.
    expect(e.calibration_error).toBeCloseTo((0.15 + 0.2 + 0.4 + 0.3 + 0.2) / 6, 10);
  });

  it('reports "never routes" as a null threshold and precision', () => {
    const e = scorePredictions(['a'], [p('a', 0.99)], Infinity);
    expect(e.auto_route).toEqual({ threshold: null, coverage: 0, precision: null, routed: 0 });
  });
});
