import type { AttachmentInput } from '../../domain/intake/normalized-complaint.js';
import { prepareAttachment } from '../attachments/prepare-attachment.js';

/**
 * Photos that providers give as URLs (Facebook's CDN, X's media host, partner file servers) are downloaded
 * before intake, because those URLs expire (Facebook's within days) and an officer must still see the photo
 * weeks later. Each download is bounded: only allowed hosts (redirects re-checked), a size cap read as the
 * bytes arrive, a time limit, and the content checked by the same preparation as uploads. A photo that cannot
 * be fetched never fails the message: the complaint is taken and the URL is kept with the raw message, so the
 * provider is not made to retry a message we can take (see docs/channels.md).
 */
export interface MediaOptions {
  /** Host patterns: `pbs.twimg.com` exact, `*.fbcdn.net` any subdomain; empty list: any host. */
  hosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  maxCount: number;
  headers?: Record<string, string>;
}

export interface MediaResult {
  attachments: AttachmentInput[];
  skipped: { url: string; reason: string }[];
}

export async function fetchMedia(urls: readonly string[], options: MediaOptions): Promise<MediaResult> {
  const result: MediaResult = { attachments: [], skipped: [] };
  const wanted = urls.slice(0, options.maxCount);
  for (const url of urls.slice(options.maxCount)) result.skipped.push({ url, reason: `more than ${options.maxCount} photos` });
  const fetched = await Promise.all(wanted.map((url, i) => fetchOne(url, i, options)));
  for (const f of fetched) {
    if ('attachment' in f) result.attachments.push(f.attachment);
    else result.skipped.push(f);
  }
  return result;
}

type One = { attachment: AttachmentInput } | { url: string; reason: string };

async function fetchOne(url: string, index: number, o: MediaOptions): Promise<One> {
  try {
    const data = await download(url, o);
    const attachment: AttachmentInput = { filename: filenameOf(url, index), data, role: 'evidence' };
    // The same check intake makes; done here so a bad file is dropped instead of refusing the whole message.
    const prepared = await prepareAttachment(attachment, o.maxBytes);
    if (!prepared.contentType.startsWith('image/')) return { url, reason: `not a photo (${prepared.contentType})` };
    return { attachment: { ...attachment, contentType: prepared.contentType } };
  } catch (err) {
    return { url, reason: (err as Error).message.slice(0, 200) };
  }
}

async function download(first: string, o: MediaOptions): Promise<Buffer> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = first;
  for (let hop = 0; hop < 4; hop++) {
    const target = new URL(url);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`scheme ${target.protocol} not allowed`);
    if (!hostAllowed(target.hostname, o.hosts)) throw new Error(`host ${target.hostname} not allowed`);
    const res = await fetch(target, { redirect: 'manual', signal, headers: o.headers });
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      url = new URL(res.headers.get('location')!, target).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel();
      throw new Error(`larger than ${o.maxBytes} bytes`);
    }
    return readCapped(res, o.maxBytes);
  }
  throw new Error('too many redirects');
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`larger than ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return patterns.some((p) => {
    const q = p.toLowerCase();
    return q.startsWith('*.') ? h.endsWith(q.slice(1)) && h.length > q.length - 1 : h === q;
  });
}

function filenameOf(url: string, index: number): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    if (/^[\w.-]{1,80}$/.test(last) && /\.\w{2,5}$/.test(last)) return last;
  } catch {
    // fall through
  }
  return `photo-${index + 1}`;
}
