import type { Trx } from '../../store/transaction.js';
import type { AppContext } from '../context.js';

/**
 * Recomputes a case's due times from its event log and the SLA policy, inside the transaction that changed
 * the case, so stored due times always match the rules. (Being implemented with the SLA clock.)
 */
export async function recomputeCaseSla(_trx: Trx, _ctx: AppContext, _caseId: number, _now: Date): Promise<void> {}
