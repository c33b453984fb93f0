import { z } from 'zod';
import { parsePath, PathSyntaxError } from './json-path.js';

/**
 * Declarative configuration of one partner connector (LAPOR!, Qlue, JAKI, a DPRD faction's complaint post, an
 * NGO …). Everything that differs between partners is here as data: where each field sits in their JSON,
 * how their categories and statuses translate, how to authenticate, where to push status updates. Secrets are
 * never in the config: it names the environment variables that hold them (`secretEnv`, `tokenEnv`).
 */
const path = z.string().min(1).superRefine((p, ctx) => {
  try {
    parsePath(p);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof PathSyntaxError ? e.message : String(e) });
  }
});
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an environment variable name');

const hmacSchema = z.object({
  header: z.string().min(1),
  algorithm: z.enum(['sha256', 'sha1', 'sha512']).default('sha256'),
  encoding: z.enum(['hex', 'base64']).default('hex'),
  prefix: z.string().default(''),
  secretEnv: envName,
});

const authSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), tokenEnv: envName }),
  z.object({ kind: z.literal('header'), header: z.string().min(1), valueEnv: envName }),
  hmacSchema.extend({ kind: z.literal('hmac') }),
]);

/**
 * An outgoing call: URL and body are templates over named values (`{externalId}`, `{status}`, `{note}` …, see
 * partner-outbound.ts). `body` maps a path in their JSON to a template; a template that is exactly one
 * `{name}` keeps the value's type (numbers stay numbers).
 */
const requestSchema = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  url: z.string().min(1),
  format: z.enum(['json', 'form']).default('json'),
  body: z.record(path, z.string()),
  auth: authSchema.optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Where their answer holds the id they gave the forwarded report (recorded in the case's audit trail). */
  responseIdPath: path.optional(),
});

/**
 * Polling their API for new reports, for partners that cannot call a webhook. `url` is a template over
 * `{baseUrl}`, `{since}` (ISO time of the last successful poll, minus `overlapSeconds`: reports are idempotent
 * by id, so overlap costs nothing and covers clock skew) and `{cursor}` (their next-page token).
 */
const pollSchema = z.object({
  url: z.string().min(1),
  intervalSeconds: z.number().int().min(10).default(300),
  /** Where the reports are in their answer; default: `inbound.itemsPath`, else the answer is the array. */
  itemsPath: path.optional(),
  /** Where their answer says the token for the next page; absent or empty: last page. */
  nextCursorPath: path.optional(),
  maxPages: z.number().int().min(1).max(100).default(10),
  overlapSeconds: z.number().int().min(0).default(300),
  /** Where to start on the very first poll, as a look-back from now. */
  initialLookbackHours: z.number().min(0).default(24),
  auth: authSchema.optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export const REPORT_TYPES = ['pengaduan', 'aspirasi', 'permintaan_informasi', 'wbs'] as const;

const fieldsSchema = z.object({
  externalId: path,
  text: path,
  title: path.optional(),
  receivedAt: path.optional(),
  lat: path.optional(),
  lng: path.optional(),
  address: path.optional(),
  areaCode: path.optional(),
  category: path.optional(),
  reportType: path.optional(),
  reporterName: path.optional(),
  reporterPhone: path.optional(),
  reporterEmail: path.optional(),
  reporterUserId: path.optional(),
  anonymous: path.optional(),
  confidential: path.optional(),
  /** A list of photo URLs (`$.foto[*].url`) the caller downloads as evidence. */
  photoUrls: path.optional(),
});

export const partnerConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  channel: z.enum(['lapor', 'qlue', 'jaki', 'partner']),
  /** Documented assumption (presets) or the partner's own documentation reference. */
  note: z.string().optional(),
  inbound: z
    .object({
      signature: hmacSchema.optional(),
      /** When one body carries several reports: where their array is. */
      itemsPath: path.optional(),
      /** UTC offset of zone-less times in their payloads. */
      naiveTimeOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/).default('+07:00'),
    })
    .default({ naiveTimeOffset: '+07:00' }),
  fields: fieldsSchema,
  /** Extra values kept as complaint attributes: attribute name → path. */
  extraFields: z.record(z.string(), path).default({}),
  /** Their category value → our catalogue code. */
  categoryMap: z.record(z.string(), z.string()).default({}),
  /** Their report type value → ours. */
  reportTypeMap: z.record(z.string(), z.enum(REPORT_TYPES)).default({}),
  /** Our status → their status; statuses not listed are not pushed to them. */
  statusMap: z.record(z.string(), z.string()).default({}),
  /** Base URL of their API (`{baseUrl}` in templates); overridable by `baseUrlEnv` so tests point it at a stand-in. */
  baseUrl: z.string().optional(),
  baseUrlEnv: envName.optional(),
  statusUpdate: requestSchema.optional(),
  /** Forwarding a case to them (LAPOR!: cases rejected as *bukan wewenang*). */
  forward: requestSchema.optional(),
  poll: pollSchema.optional(),
  /**
   * Hosts their photo URLs may be downloaded from (`*.example.id` matches subdomains). Empty: any host, since
   * their payloads are signed; set it to narrow what a compromised partner could make us fetch.
   */
  mediaHosts: z.array(z.string().min(1)).default([]),
});

export type PartnerConfig = z.infer<typeof partnerConfigSchema>;
export type PartnerRequestSpec = z.infer<typeof requestSchema>;
export type PartnerPollSpec = z.infer<typeof pollSchema>;
export type PartnerAuth = z.infer<typeof authSchema>;
export type PartnerHmac = z.infer<typeof hmacSchema>;
export type PartnerConfigInput = z.input<typeof partnerConfigSchema>;

export class PartnerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid partner configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PartnerConfigError';
  }
}

/** Validates a partner config (e.g. read from YAML), listing every problem at once; the result is frozen. */
export function parsePartnerConfig(input: unknown): PartnerConfig {
  const parsed = partnerConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new PartnerConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
