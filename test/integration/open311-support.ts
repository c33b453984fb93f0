import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { NormalizedComplaint } from '../../src/domain/intake/normalized-complaint.js';
import { createApiKey } from '../../src/services/auth/api-keys.js';
import type { AppContext } from '../../src/services/context.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';

/**
 * Shared helpers of the Open311 integration tests: the official examples and JSON Schemas from
 * ../shared/data/open311-georeport-v2 (tests that need them skip when the directory is absent), XML parsing
 * that keeps element order, and factories for cases and API keys.
 */
export const SPEC_DIR = new URL('../../../shared/data/open311-georeport-v2/', import.meta.url);
export const SPEC_AVAILABLE = fs.existsSync(new URL('spec-examples/', SPEC_DIR)) && fs.existsSync(new URL('json-schema/', SPEC_DIR));
export const SKIP_MESSAGE = 'Open311 spec examples not found at ../shared/data/open311-georeport-v2: spec comparisons skipped';
if (!SPEC_AVAILABLE) console.warn(SKIP_MESSAGE);

export function specText(name: string): string {
  return fs.readFileSync(new URL(`spec-examples/${name}`, SPEC_DIR), 'utf8');
}

/** The spec's JSON examples, made parseable: the status line dropped, numbers with leading zeros quoted. */
export function specJson(name: string): unknown {
  const text = specText(name);
  const body = text.slice(Math.min(...['[', '{'].map((c) => text.indexOf(c)).filter((i) => i >= 0)));
  return JSON.parse(body.replace(/:\s*(0\d+)\s*([,}\n])/g, ':"$1"$2'));
}

/** The XML body of a spec example (after an optional HTTP status line). */
export function specXml(name: string): string {
  const text = specText(name);
  return text.slice(text.indexOf('<?xml'));
}

const ordered = new XMLParser({ preserveOrder: true, ignoreDeclaration: true, trimValues: true, parseTagValue: false });
export const xmlParser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'attribute', 'value', 'error', 'endpoint', 'format', 'note', 'request_update'].includes(name),
});

type OrderedNode = Record<string, OrderedNode[] | string>;

/** Element names, in document order, of the children of the element at `path` (first match at each step). */
export function childNames(xml: string, path: string[]): string[] {
  let nodes = ordered.parse(xml) as OrderedNode[];
  for (const step of path) {
    const hit = nodes.find((n) => Object.hasOwn(n, step));
    if (!hit) throw new Error(`no <${step}> in ${path.join('/')}`);
    nodes = hit[step] as OrderedNode[];
  }
  return nodes.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
}

/** Validators built from the official schemas; `$ref`s to sibling files are resolved by registering them by name. */
export function schemaValidators(): Record<'services' | 'serviceDefinition' | 'request' | 'requests', ValidateFunction> {
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const load = (name: string) => JSON.parse(fs.readFileSync(new URL(`json-schema/${name}`, SPEC_DIR), 'utf8')) as object;
  for (const name of ['service.json', 'request.json']) ajv.addSchema(load(name), name);
  return {
    services: ajv.compile(load('services.json')),
    serviceDefinition: ajv.compile(load('service-definition.json')),
    request: ajv.getSchema('request.json')!,
    requests: ajv.compile(load('requests.json')),
  };
}

export function expectValid(validate: ValidateFunction, data: unknown): void {
  const ok = validate(data);
  expect(ok, JSON.stringify(validate.errors)).toBe(true);
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

export function form(params: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  return parts.join('&');
}

let keySeq = 0;
export async function newApiKey(ctx: AppContext): Promise<{ id: number; key: string }> {
  return createApiKey(ctx, `partner-${process.pid}-${++keySeq}`);
}

export async function pngPhoto(color = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: color } }).png().toBuffer();
}

/** A case through the one intake (web channel), public unless said otherwise. */
export async function submitCase(ctx: AppContext, over: Partial<NormalizedComplaint> = {}) {
  return submitComplaint(ctx, {
    channel: 'web',
    externalId: `t-${Math.random()}`,
    receivedAt: ctx.clock(),
    rawPayload: {},
    text: 'Jalan berlubang di depan sekolah',
    categoryCode: 'jalan-rusak',
    location: { areaCode: '31.74.01.1001', lat: -6.2615, lng: 106.8106, address: 'Jl. Tebet Raya' },
    reporter: { name: 'Budi Santoso', contactKind: 'email', contactValue: 'budi.santoso@example.id' },
    ...over,
  });
}
