import { bucketCount } from './features.js';
import { makeVocabulary } from './tfidf.js';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './train.js';
import type { Model, ModelMetadata } from './types.js';

/**
 * A model as one JSON document: metadata (format, version, training options and counts, held-out
 * figures) readable as text, and the numeric arrays as base64 of their little-endian bytes (float32
 * exactly as trained, so a reloaded model predicts bit for bit the same).
 */
export class ModelFormatError extends Error {
  readonly code = 'model_invalid';
}

interface SerializedModel {
  metadata: ModelMetadata;
  labels: string[];
  features: Model['features'];
  temperature: number;
  /** null: never auto-route (JSON has no Infinity). */
  threshold: number | null;
  buckets: string;
  idf: string;
  weights: string;
  bias: string;
}

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64<T extends Int32Array | Float32Array>(text: string, make: (b: ArrayBuffer) => T, name: string): T {
  if (typeof text !== 'string') throw new ModelFormatError(`model field ${name} is missing`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new ModelFormatError(`model field ${name} is corrupt`);
  // Copy into a fresh, aligned buffer (Buffer slices can share a pool at any offset).
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return make(buffer);
}

export function serializeModel(model: Model): string {
  const out: SerializedModel = {
    metadata: model.metadata,
    labels: model.labels,
    features: model.features,
    temperature: model.temperature,
    threshold: Number.isFinite(model.threshold) ? model.threshold : null,
    buckets: toBase64(model.vocabulary.buckets),
    idf: toBase64(model.vocabulary.idf),
    weights: toBase64(model.weights),
    bias: toBase64(model.bias),
  };
  return JSON.stringify(out);
}

export function deserializeModel(json: string): Model {
  let data: SerializedModel;
  try {
    data = JSON.parse(json) as SerializedModel;
  } catch {
    throw new ModelFormatError('model is not valid JSON');
  }
  const meta = data?.metadata;
  if (meta?.format !== MODEL_FORMAT) throw new ModelFormatError(`not a ${MODEL_FORMAT} model`);
  if (meta.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(`model format version ${meta.formatVersion} is not supported (expected ${MODEL_FORMAT_VERSION})`);
  }
  if (!Array.isArray(data.labels) || data.labels.length === 0) throw new ModelFormatError('model has no labels');
  const buckets = fromBase64(data.buckets, (b) => new Int32Array(b), 'buckets');
  const idf = fromBase64(data.idf, (b) => new Float32Array(b), 'idf');
  const weights = fromBase64(data.weights, (b) => new Float32Array(b), 'weights');
  const bias = fromBase64(data.bias, (b) => new Float32Array(b), 'bias');
  const classes = data.labels.length;
  const total = bucketCount(data.features);
  if (
    idf.length !== buckets.length ||
    weights.length !== buckets.length * classes ||
    bias.length !== classes ||
    buckets.some((b) => b < 0 || b >= total)
  ) {
    throw new ModelFormatError('model arrays do not match its labels and features');
  }
  return {
    metadata: meta,
    labels: data.labels,
    features: data.features,
    vocabulary: makeVocabulary(buckets, idf, total),
    weights,
    bias,
    temperature: data.temperature,
    threshold: data.threshold ?? Infinity,
  };
}
