import { useState } from 'react';
import { failure, type Outcome } from '../../ui/notice.js';
import { useSession } from '../session.js';

/**
 * One report action at a time (filing or deciding an appeal, finalizing a month): `run` ignores a second
 * call while one is busy, and a failure becomes the outcome shown (the API's message); a 401 hands back to
 * the login form.
 */
export function useAction() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function run(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await work();
    } catch (err) {
      session.check(err);
      setOutcome(failure(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, setOutcome, run };
}
