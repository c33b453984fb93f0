import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment once, validated as a whole (every problem listed at once,
 * not the first only), and frozen. Tests build their own with `loadConfig({...})`.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  CEPAT_DATA_DIR: z.string().default('./var'),
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v) || /^(sqlite:|file:)/.test(v),
    'must be a postgres:// URL (or sqlite:PATH)',
  ),
  /** PostgreSQL schema to use (tests isolate runs with a fresh schema). */
  CEPAT_DB_SCHEMA: optionalString,
  CEPAT_ADMIN_PASSWORD: optionalString,
  CEPAT_PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL'),
  CEPAT_TIMEZONE: z.string().default('Asia/Jakarta'),
  CEPAT_JURISDICTION_ID: z.string().default('jakarta.go.id'),
  CEPAT_TICKET_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,5}$/, 'must be 2–5 capital letters')
    .default('JKT'),
  CEPAT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CEPAT_SMTP_URL: optionalString,
  CEPAT_MAIL_FROM: z.string().default('Cepat Jakarta <no-reply@cepat.jakarta.go.id>'),
  CEPAT_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  CEPAT_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  CEPAT_REOPEN_WINDOW_DAYS: z.coerce.number().int().min(0).default(10),
  CEPAT_PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  CEPAT_WORKERS: z.enum(['on', 'off']).default('on'),
  CEPAT_SESSION_HOURS: z.coerce.number().positive().default(12),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };
  readonly adminPassword?: string;
  readonly publicUrl: string;
  readonly timezone: string;
  readonly jurisdictionId: string;
  readonly ticketPrefix: string;
  readonly logLevel: string;
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly maxUploadBytes: number;
  readonly maxBodyBytes: number;
  readonly reopenWindowDays: number;
  /** How long public statistics and map answers are reused (0: computed on every request). */
  readonly publicCacheSeconds: number;
  readonly workers: boolean;
  readonly sessionHours: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CEPAT_DATA_DIR);
  let database: Config['database'];
  if (e.DATABASE_URL && /^postgres/.test(e.DATABASE_URL)) {
    database = { kind: 'postgres', url: e.DATABASE_URL, schema: e.CEPAT_DB_SCHEMA };
  } else if (e.DATABASE_URL) {
    database = { kind: 'sqlite', file: path.resolve(e.DATABASE_URL.replace(/^(sqlite:|file:)/, '')) };
  } else {
    database = { kind: 'sqlite', file: path.join(dataDir, 'cepat.sqlite') };
  }
  const publicUrl = (e.CEPAT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    adminPassword: e.CEPAT_ADMIN_PASSWORD,
    publicUrl,
    timezone: e.CEPAT_TIMEZONE,
    jurisdictionId: e.CEPAT_JURISDICTION_ID,
    ticketPrefix: e.CEPAT_TICKET_PREFIX,
    logLevel: e.CEPAT_LOG_LEVEL,
    smtpUrl: e.CEPAT_SMTP_URL,
    mailFrom: e.CEPAT_MAIL_FROM,
    maxUploadBytes: e.CEPAT_MAX_UPLOAD_BYTES,
    maxBodyBytes: e.CEPAT_MAX_BODY_BYTES,
    reopenWindowDays: e.CEPAT_REOPEN_WINDOW_DAYS,
    publicCacheSeconds: e.CEPAT_PUBLIC_CACHE_SECONDS,
    workers: e.CEPAT_WORKERS === 'on',
    sessionHours: e.CEPAT_SESSION_HOURS,
  });
}
