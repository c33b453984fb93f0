import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parsePartnerConfig, PartnerConfigError, type PartnerConfig, type PartnerRequestSpec } from '../partners/partner-config.js';
import { PARTNER_PRESETS, withOverrides } from '../partners/presets.js';

/**
 * Which partner connectors run, and with what: `CEPAT_PARTNERS=lapor,qlue,fraksi-x` enables them; a preset
 * id starts from its preset, changed field by field by the entry of the same id in the partners file
 * (`CEPAT_PARTNERS_FILE`, or `partners:` in the secrets file); any other id must be fully defined there.
 * Each partner is then checked against the secrets it names, so a missing `CEPAT_LAPOR_SECRET` is reported at
 * start, not at the first webhook.
 */
export interface PartnerSetup {
  config: PartnerConfig;
  /** Their webhook can be verified (a signature is configured and its secret is set). */
  inbound: boolean;
  /** Status updates can be pushed (configured, base URL known). */
  statusUpdates: boolean;
  /** Cases can be forwarded to them. */
  forward: boolean;
  /** Their API is polled. */
  poll: boolean;
}

export function readPartnersFile(file: string): { entries?: Record<string, unknown>; problems: string[] } {
  let doc: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    doc = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    return { problems: [`CEPAT_PARTNERS_FILE: cannot read '${file}': ${(err as Error).message.split('\n')[0]}`] };
  }
  if (doc === null || doc === undefined) return { entries: {}, problems: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { problems: [`CEPAT_PARTNERS_FILE: '${file}' must hold an object of partner id → configuration`] };
  const root = doc as Record<string, unknown>;
  // Accept both `{lapor: …}` and `{partners: {lapor: …}}`.
  const entries = root.partners && typeof root.partners === 'object' && !Array.isArray(root.partners) ? (root.partners as Record<string, unknown>) : root;
  return { entries, problems: [] };
}

export function setUpPartners(ids: string[], entries: Record<string, unknown>, values: Record<string, string | undefined>): { partners: Record<string, PartnerSetup>; problems: string[] } {
  const problems: string[] = [];
  const partners: Record<string, PartnerSetup> = {};
  for (const id of new Set(ids)) {
    const entry = entries[id];
    if (entry !== undefined && (typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
      problems.push(`partners.${id}: must be an object`);
      continue;
    }
    let config: PartnerConfig;
    try {
      const preset = PARTNER_PRESETS[id as keyof typeof PARTNER_PRESETS];
      if (preset) config = withOverrides(preset, (entry as Record<string, unknown>) ?? {});
      else if (entry) config = parsePartnerConfig({ id, ...(entry as Record<string, unknown>) });
      else {
        problems.push(`CEPAT_PARTNERS: '${id}' is neither a preset (${Object.keys(PARTNER_PRESETS).join(', ')}) nor defined in the partners file`);
        continue;
      }
    } catch (err) {
      if (err instanceof PartnerConfigError) problems.push(...err.problems.map((p) => `partners.${id}.${p}`));
      else problems.push(`partners.${id}: ${(err as Error).message}`);
      continue;
    }
    if (config.id !== id) {
      problems.push(`partners.${id}.id: must be '${id}' (the key it is enabled under)`);
      continue;
    }
    partners[id] = checkSecrets(config, values, problems);
  }
  return { partners, problems };
}

function checkSecrets(config: PartnerConfig, values: Record<string, string | undefined>, problems: string[]): PartnerSetup {
  const needs = (name: string, why: string) => {
    if (!values[name]) problems.push(`${name}: not set (needed ${why} for partner '${config.id}')`);
  };
  const sig = config.inbound.signature;
  if (sig) needs(sig.secretEnv, 'to verify webhook signatures');
  const baseUrl = (config.baseUrlEnv && values[config.baseUrlEnv]) || config.baseUrl;
  if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) problems.push(`${config.baseUrlEnv ?? `partners.${config.id}.baseUrl`}: must be an http(s) URL`);
  const usesBase = (url: string) => url.includes('{baseUrl}');
  const usable = (spec: PartnerRequestSpec | { url: string; auth?: PartnerRequestSpec['auth'] } | undefined, what: string): boolean => {
    if (!spec) return false;
    // Without a base URL the outbound half is simply off (e.g. a partner that only sends to us).
    if (usesBase(spec.url) && !baseUrl) return false;
    if (spec.auth?.kind === 'bearer') needs(spec.auth.tokenEnv, what);
    else if (spec.auth?.kind === 'header') needs(spec.auth.valueEnv, what);
    else if (spec.auth?.kind === 'hmac') needs(spec.auth.secretEnv, what);
    return true;
  };
  const statusUpdates = usable(config.statusUpdate, 'to push status updates');
  const forward = usable(config.forward, 'to forward cases');
  const poll = usable(config.poll, 'to poll reports');
  if (!sig && !poll) problems.push(`partners.${config.id}: neither inbound.signature nor poll is configured: no report could ever arrive`);
  return { config, inbound: Boolean(sig && values[sig.secretEnv]), statusUpdates, forward, poll };
}
