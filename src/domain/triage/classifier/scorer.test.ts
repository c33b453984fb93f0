import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/pipeline.js';
import { decisionValues, rawFeatures } from './linear.js';
import { scoreTerms, scoreText } from './scorer.js';
import { syntheticComplaints } from './synthetic-complaints.fixture.js';
import { vectorize } from './tfidf.js';
import { train } from './train.js';

describe('scoreTerms (prediction fast path)', () => {
  it('gives the decision values of the TF-IDF vector that training builds', () => {
    const model = train(syntheticComplaints(30, 5), { featureBits: 14, calibrationFolds: 0 });
    const texts = [
      ...syntheticComplaints(5, 6).map((e) => e.text),
      'jalan jalan jalan rusak rusak',
      'kata-kata yang belum pernah dilihat model sama sekali',
      '',
    ];
    for (const text of texts) {
      const terms = tokenize(text);
      const { cols, vals } = vectorize(rawFeatures(terms, model.features), model.vocabulary, model.metadata.options.charWeight);
      const expected = decisionValues(model, cols, vals, new Float64Array(model.labels.length));
      // Twice, so the second run reads the per-term cache.
      for (let run = 0; run < 2; run++) {
        const fromTerms = scoreTerms(model, terms, new Float64Array(model.labels.length));
        const fromText = scoreText(model, text, new Float64Array(model.labels.length));
        fromTerms.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 5));
        fromText.forEach((v, k) => expect(v).toBe(fromTerms[k]));
      }
    }
  });
});
