import { createHash } from 'node:crypto';
import { FACEBOOK_SIGNATURE } from '../../channels/facebook/facebook-verify.js';
import { attributesFor } from '../../channels/open311/attributes.js';
import { parsePartnerConfig } from '../../channels/partners/partner-config.js';
import { PARTNER_PRESETS } from '../../channels/partners/presets.js';
import { setPath } from '../../channels/partners/json-path.js';
import { signatureHeaderValue } from '../../channels/partners/webhook-signature.js';
import { TWITTER_SIGNATURE } from '../../channels/twitter/twitter-verify.js';
import { digits, pick, type Rng, type SimComplaint } from './corpus.js';

/**
 * One request per simulated message, shaped as each channel's real client sends it: the portal's JSON form,
 * an Open311 client's form post, an officer's assisted intake with a client idempotency key, a mail server's
 * SMTP delivery, and provider webhooks signed as the providers sign them (HMAC of the exact body bytes).
 */
export type Delivery =
  | { kind: 'http'; path: string; headers: Record<string, string>; body: string }
  | { kind: 'smtp'; from: string; to: string; subject: string; text: string; messageId: string };

export interface ChannelDriver {
  name: string;
  /** Relative share of the stream (Jakarta's mix: web and social media lead, walk-ins are few). */
  weight: number;
  build(c: SimComplaint, rnd: Rng, id: string): Delivery;
}

export interface SimTargets {
  apiKey?: string;
  /** Bearer token of a staff user allowed to take intake at kelurahan posts. */
  officerToken?: string;
  smtpTo?: string;
  smtp?: boolean;
  facebook?: { secret: string; pageId: string };
  twitter?: { secret: string; accountId: string };
  sms?: { secret: string; mode: 'hmac' | 'shared-secret'; header: string };
  partners?: { id: keyof typeof PARTNER_PRESETS; secret: string }[];
}

const json = (body: unknown) => JSON.stringify(body);
const CITY_HANDLE = 'DKIJakarta';

export function buildDrivers(t: SimTargets): { drivers: ChannelDriver[]; skipped: { channel: string; reason: string }[] } {
  const drivers: ChannelDriver[] = [];
  const skipped: { channel: string; reason: string }[] = [];
  const skip = (channel: string, reason: string) => skipped.push({ channel, reason });

  drivers.push({
    name: 'web',
    weight: 25,
    build: (c, rnd, id) => {
      const reporter = rnd() < 0.5 ? { name: c.reporter.name, email: c.reporter.email } : { name: c.reporter.name, phone: c.reporter.phone };
      const form = { text: c.text, title: c.title, ...(rnd() < 0.7 ? { category: c.category } : {}), location: { area_code: c.kelurahan.code, address: `${c.street}, Kel. ${c.kelurahan.name}` }, reporter };
      return { kind: 'http', path: '/api/complaints', headers: { 'content-type': 'application/json', 'idempotency-key': id }, body: json(form) };
    },
  });

  if (t.apiKey) {
    drivers.push({
      name: 'open311',
      weight: 10,
      build: (c, rnd, id) => {
        const [first, ...rest] = c.reporter.name.split(' ');
        const form = new URLSearchParams({ api_key: t.apiKey!, service_code: c.category, description: c.text, address_string: `${c.street}, ${c.kelurahan.name}`, address_id: c.kelurahan.code, email: c.reporter.email, first_name: first, last_name: rest.join(' ') });
        // A client fills the service's required attributes, as its form (from GET services/{code}) asks.
        for (const a of attributesFor(c.category)) {
          if (!a.required || !a.variable) continue;
          const value = a.values?.length ? pick(rnd, a.values).key : a.datatype === 'number' ? String(5 + Math.floor(rnd() * 60)) : a.datatype === 'datetime' ? new Date().toISOString() : 'tidak tahu';
          form.append(a.datatype === 'multivaluelist' ? `attribute[${a.code}][]` : `attribute[${a.code}]`, value);
        }
        return { kind: 'http', path: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': id }, body: form.toString() };
      },
    });
  } else skip('open311', 'no --api-key');

  if (t.officerToken) {
    drivers.push({
      name: 'walkin',
      weight: 8,
      build: (c, rnd, id) => {
        const form = { text: c.text, category: c.category, channel: rnd() < 0.2 ? 'phone' : 'walkin', location: { area_code: c.kelurahan.code, address: c.street }, reporter: { name: c.reporter.name, phone: c.reporter.phone } };
        return { kind: 'http', path: `/api/walkin/posts/kel-${c.kelurahan.code}/intake`, headers: { 'content-type': 'application/json', authorization: `Bearer ${t.officerToken}`, 'idempotency-key': id }, body: json(form) };
      },
    });
  } else skip('walkin', 'no --officer user:password');

  if (t.smtp) {
    drivers.push({
      name: 'email',
      weight: 10,
      build: (c, _rnd, id) => ({ kind: 'smtp', from: `"${c.reporter.name}" <${c.reporter.email}>`, to: t.smtpTo ?? 'pengaduan@jakarta.go.id', subject: c.title, text: c.text, messageId: `<${id}@sim.cepat.test>` }),
    });
  } else skip('email', 'no --smtp host:port');

  if (t.facebook) {
    const { secret, pageId } = t.facebook;
    drivers.push({
      name: 'facebook',
      weight: 12,
      build: (c, rnd, id) => {
        const now = Date.now();
        const body = json({ object: 'page', entry: [{ id: pageId, time: now, messaging: [{ sender: { id: `65${digits(rnd, 14)}` }, recipient: { id: pageId }, timestamp: now, message: { mid: `m_${id}`, text: c.text } }] }] });
        return { kind: 'http', path: '/webhooks/facebook', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeaderValue(FACEBOOK_SIGNATURE, secret, body) }, body };
      },
    });
  } else skip('facebook', 'no --facebook-secret (or CEPAT_FACEBOOK_APP_SECRET)');

  if (t.twitter) {
    const { secret, accountId } = t.twitter;
    drivers.push({
      name: 'twitter',
      weight: 12,
      build: (c, rnd, id) => {
        const userId = `14${digits(rnd, 17)}`;
        const screen = c.reporter.name.split(' ')[0].toLowerCase() + digits(rnd, 3);
        const user = { id: userId, id_str: userId, name: c.reporter.name, screen_name: screen };
        const now = Date.now();
        // X's ids are numeric; derived from the run's message id so another run never replays this one.
        const numericId = BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 15)}`).toString();
        const body =
          rnd() < 0.6
            ? json({ for_user_id: accountId, direct_message_events: [{ type: 'message_create', id: numericId, created_timestamp: String(now), message_create: { target: { recipient_id: accountId }, sender_id: userId, message_data: { text: c.text.slice(0, 1000) } } }], users: { [userId]: user } })
            : json({ for_user_id: accountId, tweet_create_events: [{ id_str: numericId, created_at: new Date(now).toUTCString(), timestamp_ms: String(now), text: `@${CITY_HANDLE} ${c.text}`.slice(0, 280), user, entities: { user_mentions: [{ id_str: accountId, screen_name: CITY_HANDLE, indices: [0, CITY_HANDLE.length + 1] }] } }] });
        return { kind: 'http', path: '/webhooks/twitter', headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signatureHeaderValue(TWITTER_SIGNATURE, secret, body) }, body };
      },
    });
  } else skip('twitter', 'no --twitter-secret (or CEPAT_TWITTER_CONSUMER_SECRET)');

  if (t.sms) {
    const sms = t.sms;
    drivers.push({
      name: 'sms',
      weight: 13,
      build: (c, rnd, id) => {
        const short = c.text.length > 300 ? `${c.text.slice(0, 297)}...` : c.text;
        const text = rnd() < 0.25 ? `LAPOR ${c.category.replace(/-/g, ' ')}#${c.street} Kel. ${c.kelurahan.name}#${short}` : short;
        const body = json({ from: rnd() < 0.5 ? c.reporter.phone : `+62${c.reporter.phone.slice(1)}`, text, id, time: new Date().toISOString() });
        const auth = sms.mode === 'hmac' ? signatureHeaderValue({ algorithm: 'sha256', encoding: 'hex', prefix: '' }, sms.secret, body) : sms.secret;
        return { kind: 'http', path: '/webhooks/sms', headers: { 'content-type': 'application/json', [sms.header]: auth }, body };
      },
    });
  } else skip('sms', 'no --sms-secret (or CEPAT_SMS_SECRET)');

  for (const p of t.partners ?? []) {
    const config = parsePartnerConfig(PARTNER_PRESETS[p.id]);
    const sig = config.inbound.signature;
    if (!sig) {
      skip(p.id, 'preset has no inbound signature');
      continue;
    }
    drivers.push({
      name: p.id,
      weight: 10 / (t.partners!.length || 1),
      build: (c, _rnd, id) => {
        const report: Record<string, unknown> = {};
        const f = config.fields;
        const set = (path: string | undefined, value: unknown) => path && setPath(report, path, value);
        set(f.externalId, id);
        set(f.text, c.text);
        set(f.title, c.title);
        set(f.receivedAt, new Date().toISOString());
        set(f.category, c.category);
        set(f.address, `${c.street}, Kel. ${c.kelurahan.name}`);
        set(f.areaCode, c.kelurahan.code);
        set(f.reporterName, c.reporter.name);
        set(f.reporterPhone, c.reporter.phone);
        set(f.reporterUserId, `u-${c.reporter.phone.slice(-6)}`);
        const body = json(report);
        return { kind: 'http', path: `/webhooks/partners/${p.id}`, headers: { 'content-type': 'application/json', [sig.header]: signatureHeaderValue(sig, p.secret, body) }, body };
      },
    });
  }
  if (!(t.partners ?? []).length) skip('partners', 'no --partner ID=SECRET (or CEPAT_PARTNERS with CEPAT_<ID>_SECRET)');
  return { drivers, skipped };
}

/** Picks a driver by weight. */
export function chooseDriver(rnd: Rng, drivers: readonly ChannelDriver[]): ChannelDriver {
  const total = drivers.reduce((s, d) => s + d.weight, 0);
  let x = rnd() * total;
  for (const d of drivers) {
    x -= d.weight;
    if (x < 0) return d;
  }
  return pick(rnd, drivers);
}
