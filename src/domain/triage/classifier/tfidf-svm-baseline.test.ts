import { describe, expect, it } from 'vitest';
import { trainMajorityBaseline } from './baselines.js';
import { evaluate } from './evaluate.js';
import { SYNTHETIC_LABELS, syntheticComplaints } from './synthetic-complaints.fixture.js';
import { trainTfidfSvmBaseline } from './tfidf-svm-baseline.js';

describe('trainTfidfSvmBaseline', () => {
  const skewed = syntheticComplaints({ jalan: 120, sampah: 40, banjir: 30, lampu: 20 }, 3);
  const test = syntheticComplaints(25, 99);

  it('learns the topic words far above the majority answer', () => {
    const majority = evaluate(trainMajorityBaseline(skewed), test).accuracy;
    const svm = evaluate(trainTfidfSvmBaseline(skewed, { calibrationFolds: 0 }), test);
    expect(svm.accuracy).toBeGreaterThan(majority + 0.4);
    expect(svm.macro_f1).toBeGreaterThan(0.8);
  });

  it('returns probabilities over the training labels, best first', () => {
    const p = trainTfidfSvmBaseline(skewed, { calibrationFolds: 0 }).predict('lampu jalan mati pju padam');
    expect(p.label).toBe('lampu');
    expect(SYNTHETIC_LABELS).toContain(p.top[1].label);
    expect(p.top[0].confidence).toBeGreaterThanOrEqual(p.top[1].confidence);
    expect(p.top.reduce((s, t) => s + t.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('chooses an auto-route threshold on inner folds only when asked', () => {
    expect(trainTfidfSvmBaseline(skewed, { calibrationFolds: 0 }).autoRouteThreshold).toBe(Infinity);
    expect(trainTfidfSvmBaseline(skewed).autoRouteThreshold).toBeLessThan(1);
  });
});
