import { appendEvent } from '../../store/event.repository.js';
import { getSetting, putSetting } from '../../store/settings.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext, RequestMeta } from '../context.js';
import { DEFAULT_TKD_CONFIG, TKD_CONFIG_KEY, type TkdConfig, parseTkdConfig, tkdConfigJson } from './tkd-config.js';

/**
 * A city admin changes the TKD scoring configuration (tkd-config.ts). The document is validated first, every
 * problem listed, and nothing is written when any is found; then the full effective configuration (the rule
 * merged over the defaults, and the echelon scope) replaces the stored one, with a `settings.tkd_config` audit
 * event holding the previous and the new configuration, in one transaction.
 *
 * Finalized months keep the rule they were sealed with (the snapshot stores its own config, tkd-snapshot.ts):
 * the new rule applies to live months and to every report computed from now on, never to a sealed month.
 */
export async function saveTkdConfig(ctx: AppContext, json: string, actor: string, meta: RequestMeta = {}): Promise<TkdConfig> {
  const config = parseTkdConfig(json);
  const after = tkdConfigJson(config);
  await inTransaction(ctx.database, async (trx) => {
    const stored = await getSetting(trx, TKD_CONFIG_KEY);
    await putSetting(trx, TKD_CONFIG_KEY, JSON.stringify(after));
    await appendEvent(trx, { caseId: null, action: 'settings.tkd_config', actor, before: previousConfig(stored), after, at: ctx.clock(), requestId: meta.requestId });
  });
  return config;
}

/**
 * What was in force before. A stored value that no longer parses (edited by hand in the database) is kept
 * verbatim in the audit event rather than blocking the admin from replacing it.
 */
function previousConfig(stored: string | undefined): unknown {
  if (stored === undefined) return tkdConfigJson(DEFAULT_TKD_CONFIG);
  try {
    return tkdConfigJson(parseTkdConfig(stored));
  } catch {
    return { invalid: stored };
  }
}
