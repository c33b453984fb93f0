import { verifyChain, type ChainProblem } from '../../domain/audit/verify-chain.js';
import { allEventsByStream, eventHash, GENESIS_HASH, type StoredEvent } from '../../store/event.repository.js';
import type { AppContext } from '../context.js';

export interface AuditReport {
  streams: number;
  events: number;
  broken: { stream: string; caseId: number | null; ticket: string | null; problems: ChainProblem[] }[];
}

/** Walks every hash chain and its recorded head; reports each case whose history was altered or cut. */
export async function verifyAudit(ctx: AppContext): Promise<AuditReport> {
  const db = ctx.database.db;
  const heads = new Map((await db.selectFrom('event_heads').selectAll().execute()).map((h) => [h.stream, h]));
  const report: AuditReport = { streams: 0, events: 0, broken: [] };
  const seen = new Set<string>();
  let current: StoredEvent[] = [];
  const flush = async () => {
    if (!current.length) return;
    const stream = current[0].stream;
    seen.add(stream);
    report.streams++;
    const problems = verifyChain(current, heads.get(stream), GENESIS_HASH, (prev, e) => eventHash(prev, e));
    if (problems.length) report.broken.push(await describe(ctx, stream, problems));
    current = [];
  };
  for await (const e of allEventsByStream(db)) {
    report.events++;
    if (current.length && current[0].stream !== e.stream) await flush();
    current.push(e);
  }
  await flush();
  // A head without any event left: the whole history of that stream was deleted.
  for (const [stream, head] of heads) {
    if (!seen.has(stream)) report.broken.push(await describe(ctx, stream, [{ kind: 'head_mismatch', headSeq: head.seq, lastSeq: 0 }]));
  }
  return report;
}

async function describe(ctx: AppContext, stream: string, problems: ChainProblem[]) {
  const caseId = stream.startsWith('case:') ? Number(stream.slice(5)) : null;
  const row = caseId ? await ctx.database.db.selectFrom('cases').select('ticket').where('id', '=', caseId).executeTakeFirst() : undefined;
  return { stream, caseId, ticket: row?.ticket ?? null, problems };
}
