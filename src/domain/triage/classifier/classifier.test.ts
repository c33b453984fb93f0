import { describe, expect, it } from 'vitest';
import { trainKeywordBaseline, trainMajorityBaseline, trainNaiveBayesBaseline } from './baselines.js';
import { chooseThreshold, fitTemperature, softmax, wilsonLowerBound } from './calibration.js';
import { crossValidate, evaluate } from './evaluate.js';
import { predict, shouldAutoRoute } from './predict.js';
import { deserializeModel, ModelFormatError, serializeModel } from './serialize.js';
import { SYNTHETIC_LABELS, syntheticComplaints } from './synthetic-complaints.fixture.js';
import { train } from './train.js';

const training = syntheticComplaints(40, 1);
const heldOut = syntheticComplaints(25, 2);
// Small feature space and few solver passes keep these tests fast; the defaults are for real data.
const FAST = { featureBits: 14 } as const;
const model = train(training, FAST);

describe('train and predict', () => {
  it('learns the synthetic categories', () => {
    const result = evaluate(model, heldOut);
    expect(model.labels).toEqual([...SYNTHETIC_LABELS].sort());
    expect(result.accuracy).toBeGreaterThan(0.9);
    expect(result.macro_f1).toBeGreaterThan(0.9);
    expect(predict(model, 'Jln depan rumah BERLUBANG besar, tlg ditambal').label).toBe('jalan');
    expect(predict(model, 'sampah numpuk gak diangkut 3 hari, bau').label).toBe('sampah');
  });

  it('returns the top three labels with probabilities, best first', () => {
    const p = predict(model, 'rumah kebanjiran, air meluap dari got');
    expect(p.label).toBe('banjir');
    expect(p.top).toHaveLength(3);
    expect(p.top[0]).toEqual({ label: p.label, confidence: p.confidence });
    expect(p.top[0].confidence).toBeGreaterThanOrEqual(p.top[1].confidence);
    expect(p.top[1].confidence).toBeGreaterThanOrEqual(p.top[2].confidence);
    const sum = p.top.reduce((s, t) => s + t.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    expect(p.confidence).toBeGreaterThan(0);
  });

  it('is less sure of text without any category words', () => {
    const vague = predict(model, 'tolong pak, warga resah sudah lama');
    const clear = predict(model, 'lampu jalan mati, pju padam, gelap');
    expect(vague.confidence).toBeLessThan(clear.confidence);
  });

  it('chooses the auto-route threshold on held-out folds and routes accurately above it', () => {
    expect(Number.isFinite(model.threshold)).toBe(true);
    expect(model.metadata.heldOut?.precision).toBeGreaterThanOrEqual(0.95);
    const result = evaluate(model, heldOut);
    expect(result.auto_route.threshold).toBe(model.threshold);
    expect(result.auto_route.coverage).toBeGreaterThan(0.5);
    // 100 held-out texts: the routed precision is measured to a few points, so allow for that.
    expect(result.auto_route.precision).toBeGreaterThanOrEqual(0.9);
    const p = predict(model, 'lampu jalan mati');
    expect(shouldAutoRoute(model, p)).toBe(p.confidence >= model.threshold);
  });

  it('raises the threshold for a stricter target precision', () => {
    const strict = train(training, { ...FAST, targetPrecision: 0.995 });
    const loose = train(training, { ...FAST, targetPrecision: 0.8 });
    expect(strict.threshold).toBeGreaterThan(loose.threshold);
    expect(evaluate(strict, heldOut).auto_route.coverage).toBeLessThan(evaluate(loose, heldOut).auto_route.coverage);
  });

  it('handles a label with a single example', () => {
    const examples = [...training, { text: 'pungutan liar oleh oknum petugas kelurahan', label: 'pungli' }];
    const m = train(examples, FAST);
    expect(m.labels).toContain('pungli');
    expect(m.metadata.classCounts.pungli).toBe(1);
    expect(evaluate(m, heldOut).accuracy).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed', () => {
    const again = train(training, FAST);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
    expect(again.threshold).toBe(model.threshold);
  });

  it('rejects bad input', () => {
    expect(() => train([], FAST)).toThrow(RangeError);
    expect(() => train(training, { ...FAST, targetPrecision: 1.5 })).toThrow(RangeError);
    expect(() => train(training, { ...FAST, charNgrams: [4, 3] })).toThrow(/charNgrams/);
    expect(() => train(training, { ...FAST, calibrationFolds: 1 })).toThrow(/calibrationFolds/);
    expect(() => train(training, { featureBits: 30 })).toThrow(/featureBits/);
  });
});

describe('serialization', () => {
  it('round-trips to the same predictions and metadata', () => {
    const json = serializeModel(model);
    const loaded = deserializeModel(json);
    expect(loaded.metadata).toEqual(model.metadata);
    expect(loaded.threshold).toBe(model.threshold);
    for (const e of heldOut.slice(0, 40)) expect(predict(loaded, e.text)).toEqual(predict(model, e.text));
  });

  it('stores "never auto-route" as null and reads it back', () => {
    const never = train(training, { ...FAST, calibrationFolds: 0 });
    expect(never.threshold).toBe(Infinity);
    expect(JSON.parse(serializeModel(never)).threshold).toBeNull();
    expect(deserializeModel(serializeModel(never)).threshold).toBe(Infinity);
  });

  it('refuses corrupt or foreign documents with a stable code', () => {
    const data = JSON.parse(serializeModel(model));
    expect(() => deserializeModel('{oops')).toThrow(ModelFormatError);
    expect(() => deserializeModel(JSON.stringify({ ...data, metadata: { ...data.metadata, formatVersion: 99 } }))).toThrow(
      /format version 99/,
    );
    expect(() => deserializeModel(JSON.stringify({ ...data, bias: 'AAAA' }))).toThrow(ModelFormatError);
    try {
      deserializeModel('{}');
    } catch (e) {
      expect((e as ModelFormatError).code).toBe('model_invalid');
    }
  });
});

describe('calibration', () => {
  it('chooses the lowest threshold whose routed set is precise enough', () => {
    const conf = [0.99, 0.98, 0.97, 0.96, 0.9, 0.8, 0.7, 0.6];
    const right = [true, true, true, true, true, false, true, false];
    expect(chooseThreshold(conf, right, 0.99, { z: 0, minRouted: 1 })).toBe(0.9);
    expect(chooseThreshold(conf, right, 0.8, { z: 0, minRouted: 1 })).toBe(0.7);
    expect(chooseThreshold(conf, right, 0.99, { z: 0, minRouted: 6 })).toBe(Infinity);
    // With caution, five right out of five is not yet proof of 0.9 precision.
    expect(chooseThreshold(conf, right, 0.9, { z: 1, minRouted: 1 })).toBe(Infinity);
  });

  it('never cuts between equal confidences', () => {
    expect(chooseThreshold([0.9, 0.9, 0.5], [true, false, true], 0.9, { z: 0, minRouted: 1 })).toBe(Infinity);
  });

  it('computes the Wilson lower bound', () => {
    expect(wilsonLowerBound(95, 100, 0)).toBeCloseTo(0.95, 10);
    expect(wilsonLowerBound(95, 100, 1.96)).toBeCloseTo(0.8882, 3);
  });

  it('fits the temperature that matches confidence to accuracy', () => {
    // Every text favours label 0 by 0.1 and 90% of them are label 0: the best fit gives p(0) = 0.9.
    const scores = Array.from({ length: 200 }, () => Float64Array.from([0.1, 0]));
    const gold = Int32Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const t = fitTemperature(scores, gold);
    expect(softmax(scores[0], t, new Float64Array(2))[0]).toBeCloseTo(0.9, 3);
  });
});

describe('baselines and cross-validation', () => {
  const skewed = syntheticComplaints({ jalan: 60, sampah: 20, banjir: 20, lampu: 20 }, 3);

  it('majority baseline always answers the most frequent label and never auto-routes a 50% guess', () => {
    const majority = trainMajorityBaseline(skewed);
    expect(majority.predict('apa saja').label).toBe('jalan');
    expect(majority.autoRouteThreshold).toBe(Infinity);
  });

  it('keyword and naive Bayes baselines learn, the model beats the majority', () => {
    const test = syntheticComplaints(20, 4);
    const majority = evaluate(trainMajorityBaseline(skewed), test).accuracy;
    expect(evaluate(trainKeywordBaseline(skewed), test).accuracy).toBeGreaterThan(majority + 0.3);
    expect(evaluate(trainNaiveBayesBaseline(skewed), test).accuracy).toBeGreaterThan(majority + 0.3);
  });

  it('cross-validates on stratified folds with every example tested once', () => {
    const cv = crossValidate(skewed, 4, { ...FAST, calibrationFolds: 2 });
    expect(cv.folds).toHaveLength(4);
    expect(cv.folds.reduce((n, f) => n + f.examples, 0)).toBe(skewed.length);
    expect(cv.pooled.examples).toBe(skewed.length);
    expect(cv.mean.accuracy).toBeGreaterThan(0.85);
    const baseline = crossValidate(skewed, 4, { trainer: (ex) => trainMajorityBaseline(ex) });
    expect(baseline.mean.accuracy).toBeCloseTo(0.5, 1);
    expect(baseline.mean.coverage).toBe(0);
  });
});
