import type { MessagingPolicy } from '../facebook/facebook-send.js';
import type { SmsAuthConfig } from '../sms/sms-auth.js';
import type { SmsGatewayConfig } from '../sms/sms-send.js';
import { channelEnvSchema, type ChannelEnv } from './channel-env.js';
import { readPartnersFile, setUpPartners, type PartnerSetup } from './partner-setup.js';
import { readSecretsFile } from './secrets-file.js';

/**
 * Configuration of the Facebook, X, SMS and partner channels, read once from the environment and the
 * optional secrets file (`CEPAT_SECRETS_FILE`; the environment wins where both set a name), validated as a
 * whole (every problem listed at once) and frozen. A channel is on only when configured; a half-configured
 * channel is a problem, not a silently disabled channel.
 */
export interface FacebookChannel {
  appSecret: string;
  verifyToken: string;
  pageToken: string;
  pageId?: string;
  graphUrl: string;
  policy: MessagingPolicy;
  appSecretProof: boolean;
  mediaHosts: string[];
  ratePerSecond: number;
}

export interface TwitterChannel {
  consumerSecret: string;
  accountId: string;
  bearerToken: string;
  apiUrl: string;
  replyMode: 'post' | 'dm';
  mediaHosts: string[];
  ratePerSecond: number;
}

export interface SmsChannel {
  /** Inbound webhook and receipts: on when `CEPAT_SMS_SECRET` is set. */
  secret?: string;
  auth: SmsAuthConfig;
  /** Outgoing SMS: on when `CEPAT_SMS_GATEWAY_URL` is set (walk-in receipts need it even without inbound). */
  gateway?: SmsGatewayConfig;
  concatTimeoutMs: number;
  keywords: string[];
  categoryWords: Record<string, string>;
  naiveTimeOffset: string;
  ratePerSecond: number;
}

export interface ChannelConfig {
  orgName: string;
  conversationWindowMinutes: number;
  media: { timeoutMs: number; maxPerMessage: number };
  httpTimeoutMs: number;
  facebook: FacebookChannel | null;
  twitter: TwitterChannel | null;
  sms: SmsChannel;
  partners: Readonly<Record<string, PartnerSetup>>;
  partnerRatePerSecond: number;
  /** The partner *bukan wewenang* cases are forwarded to, when it is enabled and can take forwards. */
  forwardPartner: string | null;
  /** Environment over secrets file, for partner request builders that read their secrets by name. */
  values: Readonly<Record<string, string | undefined>>;
}

export class ChannelConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid channel configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ChannelConfigError';
  }
}

export function loadChannelConfig(env: Record<string, string | undefined> = process.env): ChannelConfig {
  const problems: string[] = [];
  let fileValues: Record<string, string> = {};
  let filePartners: Record<string, unknown> = {};
  if (env.CEPAT_SECRETS_FILE?.trim()) {
    const read = readSecretsFile(env.CEPAT_SECRETS_FILE.trim());
    problems.push(...read.problems);
    fileValues = read.file?.values ?? {};
    filePartners = read.file?.partners ?? {};
  }
  const values: Record<string, string | undefined> = { ...fileValues };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') values[k] = v;

  const parsed = channelEnvSchema.safeParse(values);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    throw new ChannelConfigError(problems);
  }
  const e = parsed.data;
  const facebook = facebookOf(e, problems);
  const twitter = twitterOf(e, problems);
  const sms = smsOf(e, problems);

  let entries: Record<string, unknown> = { ...filePartners };
  if (e.CEPAT_PARTNERS_FILE) {
    const read = readPartnersFile(e.CEPAT_PARTNERS_FILE);
    problems.push(...read.problems);
    entries = { ...read.entries, ...filePartners };
  }
  const { partners, problems: partnerProblems } = setUpPartners(e.CEPAT_PARTNERS, entries, values);
  problems.push(...partnerProblems);
  const forwardPartner = e.CEPAT_FORWARD_PARTNER !== 'none' && partners[e.CEPAT_FORWARD_PARTNER]?.forward ? e.CEPAT_FORWARD_PARTNER : null;
  if (problems.length) throw new ChannelConfigError(problems);

  return deepFreeze({
    orgName: e.CEPAT_ORG_NAME,
    conversationWindowMinutes: e.CEPAT_CONVERSATION_WINDOW_MINUTES,
    media: { timeoutMs: e.CEPAT_MEDIA_TIMEOUT_MS, maxPerMessage: e.CEPAT_MEDIA_MAX_PER_MESSAGE },
    httpTimeoutMs: e.CEPAT_CHANNEL_HTTP_TIMEOUT_MS,
    facebook,
    twitter,
    sms,
    partners,
    partnerRatePerSecond: e.CEPAT_PARTNER_RATE_PER_SECOND,
    forwardPartner,
    values,
  });
}

/** Names given, missing ones: a channel is all or nothing. */
function allOrNothing(e: ChannelEnv, names: (keyof ChannelEnv)[], channel: string, problems: string[]): boolean {
  const given = names.filter((n) => e[n] !== undefined);
  if (given.length === 0) return false;
  const missing = names.filter((n) => e[n] === undefined);
  for (const n of missing) problems.push(`${n}: required when ${channel} is configured (${given.join(', ')} set)`);
  return missing.length === 0;
}

function facebookOf(e: ChannelEnv, problems: string[]): FacebookChannel | null {
  if (!allOrNothing(e, ['CEPAT_FACEBOOK_APP_SECRET', 'CEPAT_FACEBOOK_VERIFY_TOKEN', 'CEPAT_FACEBOOK_PAGE_TOKEN'], 'Facebook', problems)) return null;
  return {
    appSecret: e.CEPAT_FACEBOOK_APP_SECRET!,
    verifyToken: e.CEPAT_FACEBOOK_VERIFY_TOKEN!,
    pageToken: e.CEPAT_FACEBOOK_PAGE_TOKEN!,
    pageId: e.CEPAT_FACEBOOK_PAGE_ID,
    graphUrl: e.CEPAT_FACEBOOK_GRAPH_URL,
    policy: { humanAgent: e.CEPAT_FACEBOOK_HUMAN_AGENT === 'on', outsideWindowTag: e.CEPAT_FACEBOOK_OUTSIDE_WINDOW_TAG === 'none' ? null : e.CEPAT_FACEBOOK_OUTSIDE_WINDOW_TAG },
    appSecretProof: e.CEPAT_FACEBOOK_APPSECRET_PROOF === 'on',
    mediaHosts: e.CEPAT_FACEBOOK_MEDIA_HOSTS,
    ratePerSecond: e.CEPAT_FACEBOOK_RATE_PER_SECOND,
  };
}

function twitterOf(e: ChannelEnv, problems: string[]): TwitterChannel | null {
  if (!allOrNothing(e, ['CEPAT_TWITTER_CONSUMER_SECRET', 'CEPAT_TWITTER_ACCOUNT_ID', 'CEPAT_TWITTER_BEARER_TOKEN'], 'X/Twitter', problems)) return null;
  return {
    consumerSecret: e.CEPAT_TWITTER_CONSUMER_SECRET!,
    accountId: e.CEPAT_TWITTER_ACCOUNT_ID!,
    bearerToken: e.CEPAT_TWITTER_BEARER_TOKEN!,
    apiUrl: e.CEPAT_TWITTER_API_URL,
    replyMode: e.CEPAT_TWITTER_REPLY_MODE,
    mediaHosts: e.CEPAT_TWITTER_MEDIA_HOSTS,
    ratePerSecond: e.CEPAT_TWITTER_RATE_PER_SECOND,
  };
}

function smsOf(e: ChannelEnv, problems: string[]): SmsChannel {
  const auth: SmsAuthConfig =
    e.CEPAT_SMS_AUTH === 'shared-secret'
      ? { mode: 'shared-secret', header: e.CEPAT_SMS_AUTH_HEADER }
      : { mode: 'hmac', header: e.CEPAT_SMS_AUTH_HEADER, spec: { algorithm: 'sha256', encoding: 'hex', prefix: '' } };
  const categoryWords: Record<string, string> = {};
  for (const pair of e.CEPAT_SMS_CATEGORY_WORDS.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = pair.match(/^([^=]+)=([a-z0-9-]+)$/);
    if (m) categoryWords[m[1].trim().toLowerCase()] = m[2];
    else problems.push(`CEPAT_SMS_CATEGORY_WORDS: '${pair}' is not word=category-code`);
  }
  const gateway: SmsGatewayConfig | undefined = e.CEPAT_SMS_GATEWAY_URL
    ? {
        url: e.CEPAT_SMS_GATEWAY_URL,
        format: e.CEPAT_SMS_GATEWAY_FORMAT,
        senderId: e.CEPAT_SMS_SENDER_ID,
        auth: e.CEPAT_SMS_SECRET ? auth : undefined,
        headers: e.CEPAT_SMS_GATEWAY_API_KEY ? { [e.CEPAT_SMS_GATEWAY_API_KEY_HEADER.toLowerCase()]: e.CEPAT_SMS_GATEWAY_API_KEY } : undefined,
        maxSegments: e.CEPAT_SMS_MAX_SEGMENTS,
      }
    : undefined;
  return {
    secret: e.CEPAT_SMS_SECRET,
    auth,
    gateway,
    concatTimeoutMs: e.CEPAT_SMS_CONCAT_TIMEOUT_MINUTES * 60_000,
    keywords: e.CEPAT_SMS_KEYWORDS,
    categoryWords,
    naiveTimeOffset: e.CEPAT_SMS_TIME_OFFSET,
    ratePerSecond: e.CEPAT_SMS_RATE_PER_SECOND,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
