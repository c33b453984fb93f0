import { lockCaseRow } from '../../store/dialect.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { recomputeCaseSla } from './recompute-case-sla.js';

/**
 * Recomputes the SLA state of many cases: after a calendar or policy change (due times of open cases move), or
 * to backfill cases stored before the SLA tables existed. One short transaction per case, each under its lock,
 * so the server keeps running meanwhile.
 */
export async function recomputeCases(ctx: AppContext, opts: { all?: boolean; onProgress?: (done: number) => void } = {}): Promise<number> {
  const { db } = ctx.database;
  let after = 0;
  let done = 0;
  for (;;) {
    let q = db.selectFrom('cases').leftJoin('case_sla', 'case_sla.case_id', 'cases.id').select('cases.id').where('cases.id', '>', after);
    if (!opts.all) q = q.where((eb) => eb.or([eb('case_sla.case_id', 'is', null), eb('case_sla.state', '!=', 'closed')]));
    const ids = (await q.orderBy('cases.id').limit(500).execute()).map((r) => r.id);
    if (ids.length === 0) return done;
    for (const id of ids) {
      await inTransaction(ctx.database, async (trx) => {
        await lockCaseRow(trx, ctx.database.dialect, id);
        await recomputeCaseSla(trx, ctx, id, ctx.clock());
      });
      done++;
    }
    after = ids[ids.length - 1];
    opts.onProgress?.(done);
  }
}
