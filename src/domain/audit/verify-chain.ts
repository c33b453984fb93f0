/**
 * Pure verification of one hash chain: sequence numbers contiguous from 1, each `prev_hash` equal to the
 * previous event's hash, each hash recomputed from the content, and the end matching the recorded head
 * (which catches removal of the newest event). `hashOf` is injected so the rule stays free of crypto I/O.
 */
export interface ChainEvent {
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export type ChainProblem =
  | { kind: 'gap'; expectedSeq: number; foundSeq: number }
  | { kind: 'altered'; seq: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'head_mismatch'; headSeq: number; lastSeq: number }
  | { kind: 'missing_head' };

export function verifyChain<E extends ChainEvent>(events: readonly E[], head: ChainHead | undefined, genesis: string, hashOf: (prev: string, e: E) => string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = genesis;
  let expected = 1;
  for (const e of events) {
    if (e.seq !== expected) problems.push({ kind: 'gap', expectedSeq: expected, foundSeq: e.seq });
    if (e.prev_hash !== prev) problems.push({ kind: 'broken_link', seq: e.seq });
    if (hashOf(e.prev_hash, e) !== e.hash) problems.push({ kind: 'altered', seq: e.seq });
    prev = e.hash;
    expected = e.seq + 1;
  }
  const lastSeq = events.length ? events[events.length - 1].seq : 0;
  if (!head) {
    if (events.length) problems.push({ kind: 'missing_head' });
  } else if (head.seq !== lastSeq || head.hash !== prev) {
    problems.push({ kind: 'head_mismatch', headSeq: head.seq, lastSeq });
  }
  return problems;
}
