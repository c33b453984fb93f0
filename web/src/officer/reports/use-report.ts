import { api } from '../../api/client.js';
import { REPORT_READERS } from '../../api/reports.js';
import { useAsync, type AsyncState } from '../../ui/use-async.js';
import { useSession } from '../session.js';

/** GETs a report path (reloading when it changes); a 401 hands back to the login form. */
export function useReport<T>(path: string | null): AsyncState<T> {
  const session = useSession();
  return useAsync(async () => {
    if (!path) return undefined as T;
    try {
      return await api<T>(path);
    } catch (err) {
      session.check(err);
      throw err;
    }
  }, [path]);
}

export const canReadReports = (role: string) => (REPORT_READERS as readonly string[]).includes(role);
