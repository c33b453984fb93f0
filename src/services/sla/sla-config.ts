import { DomainError } from '../../domain/errors.js';
import { putSetting } from '../../store/settings.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { SLA_LADDER_KEY, SLA_POLICY_SETS_KEY, SlaConfigInvalid, bumpSlaConfigVersion, invalidateSlaRuntime, parseLadder, parsePolicySets } from './sla-runtime.js';

/**
 * Replaces the SLA policy sets and/or the escalation ladder (JSON `{ "policySets": {code: [policy…]},
 * "ladder": [step…] }`, the shapes of src/domain/sla). Validated as a whole — every problem listed at once,
 * and every `sla_policy` code a category names must have a set — then stored and picked up by every process.
 * The caller recomputes open cases, whose due times may move.
 */
export async function importSlaConfig(ctx: AppContext, json: string): Promise<{ policySets: string[]; ladderSteps: number | null }> {
  let doc: { policySets?: unknown; ladder?: unknown };
  try {
    doc = JSON.parse(json) as typeof doc;
  } catch (err) {
    throw new DomainError('validation_failed', `Bukan JSON: ${(err as Error).message}`, `Not JSON: ${(err as Error).message}`);
  }
  if (doc.policySets === undefined && doc.ladder === undefined) throw new DomainError('validation_failed', 'Isi policySets dan/atau ladder', 'Give policySets and/or ladder');
  const problems: string[] = [];
  let sets: string[] = [];
  try {
    if (doc.policySets !== undefined) {
      const parsed = parsePolicySets(JSON.stringify(doc.policySets));
      sets = Object.keys(parsed);
      const codes = await ctx.database.db.selectFrom('categories').select('sla_policy').distinct().execute();
      for (const { sla_policy } of codes) if (!parsed[sla_policy]) problems.push(`categories name the set ${sla_policy}, which is missing`);
    }
  } catch (err) {
    if (!(err instanceof SlaConfigInvalid)) throw err;
    problems.push(err.message);
  }
  try {
    if (doc.ladder !== undefined) parseLadder(JSON.stringify(doc.ladder));
  } catch (err) {
    if (!(err instanceof SlaConfigInvalid)) throw err;
    problems.push(err.message);
  }
  if (problems.length) throw new DomainError('validation_failed', problems.join('\n'), problems.join('\n'));
  await inTransaction(ctx.database, async (trx) => {
    if (doc.policySets !== undefined) await putSetting(trx, SLA_POLICY_SETS_KEY, JSON.stringify(doc.policySets));
    if (doc.ladder !== undefined) await putSetting(trx, SLA_LADDER_KEY, JSON.stringify(doc.ladder));
    await bumpSlaConfigVersion(ctx, trx);
  });
  invalidateSlaRuntime(ctx);
  return { policySets: sets, ladderSteps: Array.isArray(doc.ladder) ? doc.ladder.length : null };
}
