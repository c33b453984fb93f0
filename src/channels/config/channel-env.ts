import { z } from 'zod';

/**
 * The environment variables of the channel adapters (each also accepted from the secrets file), validated as
 * one object so every problem is listed at once. Cross-field rules (a channel half configured) are checked in
 * channel-config.ts. docs/channels.md documents every name.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const httpUrl = optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL');
const onOff = (def: 'on' | 'off') => z.enum(['on', 'off']).default(def);
const positive = (def: number) => z.coerce.number().positive().default(def);
const positiveInt = (def: number) => z.coerce.number().int().positive().default(def);
/** Comma-separated list ("a, b ,c"). */
const list = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const channelEnvSchema = z.object({
  CEPAT_ORG_NAME: z.string().min(1).default('Pemerintah Provinsi DKI Jakarta'),
  /** A further message from the same sender on the same channel within this many minutes joins their open case. */
  CEPAT_CONVERSATION_WINDOW_MINUTES: z.coerce.number().int().min(0).default(60),
  CEPAT_MEDIA_TIMEOUT_MS: positiveInt(5000),
  CEPAT_MEDIA_MAX_PER_MESSAGE: z.coerce.number().int().min(0).max(10).default(4),
  CEPAT_CHANNEL_HTTP_TIMEOUT_MS: positiveInt(10_000),

  CEPAT_FACEBOOK_APP_SECRET: optionalString,
  CEPAT_FACEBOOK_VERIFY_TOKEN: optionalString,
  CEPAT_FACEBOOK_PAGE_TOKEN: optionalString,
  CEPAT_FACEBOOK_PAGE_ID: optionalString.refine((v) => v === undefined || /^\d+$/.test(v), 'must be the numeric page id'),
  CEPAT_FACEBOOK_GRAPH_URL: httpUrl.transform((v) => v ?? 'https://graph.facebook.com/v21.0'),
  CEPAT_FACEBOOK_OUTSIDE_WINDOW_TAG: z.enum(['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'none']).default('ACCOUNT_UPDATE'),
  CEPAT_FACEBOOK_HUMAN_AGENT: onOff('off'),
  CEPAT_FACEBOOK_APPSECRET_PROOF: onOff('on'),
  CEPAT_FACEBOOK_MEDIA_HOSTS: list('*.fbcdn.net,*.fbsbx.com'),
  CEPAT_FACEBOOK_RATE_PER_SECOND: positive(20),

  CEPAT_TWITTER_CONSUMER_SECRET: optionalString,
  CEPAT_TWITTER_ACCOUNT_ID: optionalString.refine((v) => v === undefined || /^\d+$/.test(v), 'must be the numeric user id of the city account'),
  CEPAT_TWITTER_BEARER_TOKEN: optionalString,
  CEPAT_TWITTER_API_URL: httpUrl.transform((v) => v ?? 'https://api.x.com'),
  /** Status updates to a citizen who posted publicly: as a reply post (`post`) or by DM (`dm`). */
  CEPAT_TWITTER_REPLY_MODE: z.enum(['post', 'dm']).default('post'),
  CEPAT_TWITTER_MEDIA_HOSTS: list('pbs.twimg.com,ton.twitter.com'),
  CEPAT_TWITTER_RATE_PER_SECOND: positive(1),

  CEPAT_SMS_SECRET: optionalString,
  CEPAT_SMS_AUTH: z.enum(['hmac', 'shared-secret']).default('hmac'),
  CEPAT_SMS_AUTH_HEADER: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name').default('x-cepat-signature'),
  CEPAT_SMS_GATEWAY_URL: httpUrl,
  CEPAT_SMS_GATEWAY_FORMAT: z.enum(['json', 'form']).default('json'),
  CEPAT_SMS_GATEWAY_API_KEY: optionalString,
  CEPAT_SMS_GATEWAY_API_KEY_HEADER: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name').default('x-api-key'),
  CEPAT_SMS_SENDER_ID: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9 ]{1,11}$|^\d{3,15}$/.test(v), 'must be up to 11 letters/digits or a number'),
  CEPAT_SMS_MAX_SEGMENTS: z.coerce.number().int().min(1).max(10).default(3),
  CEPAT_SMS_CONCAT_TIMEOUT_MINUTES: positive(10),
  CEPAT_SMS_KEYWORDS: list('LAPOR,ADUAN'),
  /** `word=category-code` pairs for the keyword format, e.g. `jalan=jalan-rusak,banjir=genangan-banjir`. */
  CEPAT_SMS_CATEGORY_WORDS: z.string().default(''),
  CEPAT_SMS_TIME_OFFSET: z.string().regex(/^[+-]\d{2}:\d{2}$/, 'must be an offset like +07:00').default('+07:00'),
  CEPAT_SMS_RATE_PER_SECOND: positive(10),

  /** Partner connectors to enable: preset ids (lapor, qlue, jaki) and ids defined in the partners file. */
  CEPAT_PARTNERS: list(''),
  CEPAT_PARTNERS_FILE: optionalString,
  CEPAT_PARTNER_RATE_PER_SECOND: positive(5),
  /** Partner that cases rejected as *bukan wewenang* are forwarded to (`none` to never forward). */
  CEPAT_FORWARD_PARTNER: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$|^none$/, 'must be a partner id or none').default('lapor'),
});

export type ChannelEnv = z.output<typeof channelEnvSchema>;
