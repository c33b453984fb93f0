import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The secrets file (`CEPAT_SECRETS_FILE`): a JSON or YAML object holding the same names as the environment
 * (`CEPAT_FACEBOOK_APP_SECRET: …`), so a deployment can mount one file (Docker/Kubernetes secret) instead of
 * exporting every variable. Optionally a `partners:` object with partner connector configurations (see
 * docs/channels.md). Reading it is the only I/O of channel configuration; problems are returned, not thrown,
 * so they are listed together with every other problem.
 */
export interface SecretsFile {
  values: Record<string, string>;
  partners?: Record<string, unknown>;
}

export function readSecretsFile(file: string): { file?: SecretsFile; problems: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [`CEPAT_SECRETS_FILE: cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`] };
  }
  return parseSecretsText(text, file);
}

/** JSON when it looks like JSON, else YAML (a superset of JSON anyway, but JSON errors read better). */
export function parseSecretsText(text: string, name = 'secrets file'): { file?: SecretsFile; problems: string[] } {
  let doc: unknown;
  try {
    doc = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    return { problems: [`CEPAT_SECRETS_FILE: '${name}' is neither valid JSON nor YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (doc === null || doc === undefined) return { file: { values: {} }, problems: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { problems: [`CEPAT_SECRETS_FILE: '${name}' must hold an object of NAME: value`] };
  const values: Record<string, string> = {};
  const problems: string[] = [];
  let partners: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === 'partners') {
      if (value && typeof value === 'object' && !Array.isArray(value)) partners = value as Record<string, unknown>;
      else problems.push(`CEPAT_SECRETS_FILE: 'partners' must be an object of partner id → configuration`);
      continue;
    }
    if (!/^[A-Z][A-Z0-9_]*$/.test(key)) {
      problems.push(`CEPAT_SECRETS_FILE: '${key}' is not an environment variable name`);
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
    else problems.push(`CEPAT_SECRETS_FILE: ${key} must be a string`);
  }
  return { file: { values, partners }, problems };
}
