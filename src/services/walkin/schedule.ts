/**
 * When a walk-in post is staffed: weekly hours, dated exceptions (a cancelled Saturday, extra hours before
 * Lebaran) and national holidays. Pure: the caller passes the rows, the date and the holiday of that date.
 * Precedence on a date: an exception for the post, else an exception for every post, else the holiday rule
 * (posts that close on holidays), else the weekly hours.
 */
export interface WeeklyHours {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  opens: string;
  closes: string;
}

export interface ScheduleException {
  id?: number;
  /** null: every post. */
  postId: string | null;
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
  note: string;
}

export interface Session {
  opens: string;
  closes: string;
}

export interface PostDay {
  date: string;
  open: boolean;
  sessions: Session[];
  /** Why the day is as it is. */
  basis: 'weekly' | 'exception' | 'holiday' | 'not_scheduled';
  note?: string;
}

export const WEEKDAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isClockTime(text: string): boolean {
  return TIME.test(text);
}

export function minutesOf(time: string): number {
  const m = time.match(TIME);
  if (!m) throw new RangeError(`not a time of day: '${time}'`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isIsoDate(text: string): boolean {
  const m = text.match(DATE);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export function weekdayOfDate(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: '${date}'`);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Problems with a set of weekly hours (times, order, overlaps on one weekday); empty when valid. */
export function checkWeeklyHours(hours: readonly WeeklyHours[]): string[] {
  const problems: string[] = [];
  hours.forEach((h, i) => {
    if (!Number.isInteger(h.weekday) || h.weekday < 0 || h.weekday > 6) problems.push(`hours[${i}].weekday: 0 (Sunday) to 6 (Saturday)`);
    if (!isClockTime(h.opens) || !isClockTime(h.closes)) problems.push(`hours[${i}]: times are HH:MM`);
    else if (minutesOf(h.opens) >= minutesOf(h.closes)) problems.push(`hours[${i}]: opens before it closes`);
  });
  if (problems.length) return problems;
  for (let d = 0; d < 7; d++) {
    const day = hours.filter((h) => h.weekday === d).sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
    for (let i = 1; i < day.length; i++) {
      if (minutesOf(day[i].opens) < minutesOf(day[i - 1].closes)) problems.push(`${WEEKDAY_NAMES_ID[d]}: sessions overlap`);
    }
  }
  return problems;
}

/** The post's day: open or not, its sessions, and why. `holiday` is the name of a holiday on that date. */
export function postDay(
  post: { id: string; closedOnHolidays: boolean },
  hours: readonly WeeklyHours[],
  exceptions: readonly ScheduleException[],
  date: string,
  holiday?: string,
): PostDay {
  const onDate = exceptions.filter((e) => e.date === date);
  const exception = onDate.find((e) => e.postId === post.id) ?? onDate.find((e) => e.postId === null);
  if (exception) {
    if (exception.closed || !exception.opens || !exception.closes) return { date, open: false, sessions: [], basis: 'exception', note: exception.note };
    return { date, open: true, sessions: [{ opens: exception.opens, closes: exception.closes }], basis: 'exception', note: exception.note };
  }
  if (holiday && post.closedOnHolidays) return { date, open: false, sessions: [], basis: 'holiday', note: holiday };
  const weekday = weekdayOfDate(date);
  const sessions = hours
    .filter((h) => h.weekday === weekday)
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens))
    .map((h) => ({ opens: h.opens, closes: h.closes }));
  return sessions.length ? { date, open: true, sessions, basis: 'weekly' } : { date, open: false, sessions: [], basis: 'not_scheduled' };
}

/** Whether the post is staffed at a local time of day (`HH:MM`) on that day. */
export function openAt(day: PostDay, time: string): boolean {
  const t = minutesOf(time);
  return day.sessions.some((s) => t >= minutesOf(s.opens) && t < minutesOf(s.closes));
}

/** Local date and time of day of an instant in a time zone (`2026-11-28`, `09:15`). */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
