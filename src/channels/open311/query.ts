import { validationFailed, type ErrorDetail } from '../../domain/errors.js';
import { parseDateTime } from './datetime.js';

/**
 * GET /requests and GET /servicerequestupdates filters. The standard: `service_request_id` (a comma list)
 * overrides every other filter; `start_date`/`end_date` span at most 90 days; without dates, the last 90 days;
 * at most 1000 results. Paging (`page`, `page_size`) and `extensions=true` are the common extensions.
 */
export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface DateWindow {
  from: Date;
  /** Inclusive upper bound. */
  to: Date;
}

export interface RequestQuery {
  /** service_request_id list: when present the other filters are ignored. */
  ids?: string[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  window?: DateWindow;
  page: number;
  pageSize: number;
  extensions: boolean;
}

export interface UpdatesQuery {
  /** service_request_id list (an extension): the whole history of those requests, dates ignored. */
  ids?: string[];
  window?: DateWindow;
  page: number;
  pageSize: number;
}

/** A query parameter as one string: repeated parameters are joined as a comma list; empty counts as absent. */
export function text(params: QueryParams, key: string): string | undefined {
  const v = params[key];
  const s = v === undefined ? undefined : typeof v === 'string' ? v : v.join(',');
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function list(params: QueryParams, key: string): string[] | undefined {
  const s = text(params, key);
  if (s === undefined) return undefined;
  const items = [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

function positiveInt(params: QueryParams, key: string, fallback: number, max: number, problems: ErrorDetail[]): number {
  const s = text(params, key);
  if (s === undefined) return fallback;
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1 || Number(s) > max) {
    problems.push({ field: key, message: `must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return Number(s);
}

/** The date window: both bounds, one (the other 90 days away) or none (the last 90 days up to `now`). */
export function readWindow(params: QueryParams, now: Date, timeZone: string, problems: ErrorDetail[]): DateWindow | undefined {
  const startText = text(params, 'start_date');
  const endText = text(params, 'end_date');
  const start = startText === undefined ? undefined : parseDateTime(startText, timeZone);
  const end = endText === undefined ? undefined : parseDateTime(endText, timeZone);
  if (start === null) problems.push({ field: 'start_date', message: 'not an ISO 8601 date or date-time' });
  if (end === null) problems.push({ field: 'end_date', message: 'not an ISO 8601 date or date-time' });
  if (start === null || end === null) return undefined;
  // A bare end date includes that whole day.
  const to = end ? new Date(end.at.getTime() + (end.dateOnly ? DAY_MS - 1 : 0)) : undefined;
  const from = start?.at;
  if (from && to) {
    if (to < from) problems.push({ field: 'end_date', message: 'is before start_date' });
    else if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) problems.push({ field: 'end_date', message: `start_date and end_date may be at most ${MAX_SPAN_DAYS} days apart` });
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + MAX_SPAN_DAYS * DAY_MS) };
  if (to) return { from: new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS), to };
  return { from: new Date(now.getTime() - MAX_SPAN_DAYS * DAY_MS), to: now };
}

function readIds(params: QueryParams, problems: ErrorDetail[]): string[] | undefined {
  const ids = list(params, 'service_request_id');
  if (ids && ids.length > MAX_RESULTS) problems.push({ field: 'service_request_id', message: `at most ${MAX_RESULTS} ids` });
  if (ids?.some((id) => id.length > 40)) problems.push({ field: 'service_request_id', message: 'not a request id' });
  return ids?.map((id) => id.toUpperCase());
}

function readPaging(params: QueryParams, problems: ErrorDetail[]) {
  return { page: positiveInt(params, 'page', 1, 1_000_000, problems), pageSize: positiveInt(params, 'page_size', MAX_RESULTS, MAX_RESULTS, problems) };
}

export function readRequestQuery(params: QueryParams, now: Date, timeZone: string): RequestQuery {
  const problems: ErrorDetail[] = [];
  const ids = readIds(params, problems);
  const paging = readPaging(params, problems);
  const ext = text(params, 'extensions');
  if (ext !== undefined && ext !== 'true' && ext !== 'false') problems.push({ field: 'extensions', message: "must be 'true' or 'false'" });
  const extensions = ext === 'true';
  if (ids) {
    if (problems.length) throw validationFailed(problems);
    return { ids, ...paging, extensions };
  }
  const statuses = list(params, 'status')?.map((s) => s.toLowerCase());
  const badStatus = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
  if (badStatus.length) problems.push({ field: 'status', message: `unknown status ${badStatus.map((s) => `'${s}'`).join(', ')}; use open, closed or both` });
  const serviceCodes = list(params, 'service_code');
  const window = readWindow(params, now, timeZone, problems);
  if (problems.length) throw validationFailed(problems);
  return { serviceCodes, statuses: statuses as RequestQuery['statuses'], window, ...paging, extensions };
}

export function readUpdatesQuery(params: QueryParams, now: Date, timeZone: string): UpdatesQuery {
  const problems: ErrorDetail[] = [];
  const ids = readIds(params, problems);
  const paging = readPaging(params, problems);
  const window = ids ? undefined : readWindow(params, now, timeZone, problems);
  if (problems.length) throw validationFailed(problems);
  return { ids, window, ...paging };
}
