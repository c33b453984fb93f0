/**
 * Times as gateways and partner systems write them: epoch seconds, epoch milliseconds, ISO 8601, or a zone-less
 * "YYYY-MM-DD HH:mm[:ss]" that is in the sender's local zone (WIB for Indonesian systems, hence the offset
 * argument). Unparseable text gives undefined, never an Invalid Date.
 */
export function parseLooseTime(value: unknown, naiveOffset = '+07:00'): Date | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return new Date(value < 1e11 ? value * 1000 : value);
  }
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (/^\d{10}$/.test(t)) return new Date(Number(t) * 1000);
  if (/^\d{13}$/.test(t)) return new Date(Number(t));
  const naive = t.match(/^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/);
  const d = naive
    ? new Date(`${naive[1]}-${naive[2]}-${naive[3]}T${naive[4]}:${naive[5]}:${naive[6] ?? '00'}${naiveOffset}`)
    : /^\d{4}-\d{2}-\d{2}/.test(t) || /[a-z]{3},? /i.test(t)
      ? new Date(t)
      : new Date(NaN);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
