import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { validationFailed } from '../domain/errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/**
 * Validation for bodies fastify cannot validate itself (multipart fields, webhook payloads): the same JSON
 * schemas, the same error shape.
 */
const ajv = new Ajv({ allErrors: true, coerceTypes: false, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const cache = new WeakMap<object, ReturnType<Ajv['compile']>>();

export function assertValid<T>(schema: object, value: unknown): T {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  if (!validate(value)) throw validationFailed((validate.errors ?? []).map(detail));
  return value as T;
}

function detail(e: ErrorObject): { field?: string; message: string } {
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || (e.params as { missingProperty?: string }).missingProperty;
  return { field: field || undefined, message: e.message ?? 'invalid' };
}
