/** Report months are Jakarta calendar months, `YYYY-MM` (the API's pattern). */
export const isMonth = (s: string | null | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** This month in Jakarta, whatever the device's zone. */
export function jakartaMonth(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/** The month before `month` (the default report: the last complete month). */
export function previousMonth(month = jakartaMonth()): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** `?month=` when valid, else the previous month. */
export const monthFromSearch = (search: URLSearchParams): string => {
  const m = search.get('month');
  return isMonth(m) ? m : previousMonth();
};
