/**
 * A tiny path syntax for partner field mappings, parsed by hand (no eval, no dependency):
 *   $.laporan.isi        object keys
 *   $.lampiran[0].url    array index (negative counts from the end: [-1] is the last)
 *   $['nama pelapor']    keys with spaces or dots, quoted
 *   $.foto[*].url        every element (get only): yields an array
 * The leading `$` is optional. Anything else is a configuration error, reported when the config is loaded.
 */
export type PathSegment = { key: string } | { index: number } | { all: true };

export class PathSyntaxError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`invalid path '${path}': ${reason}`);
    this.name = 'PathSyntaxError';
  }
}

const cache = new Map<string, PathSegment[]>();

export function parsePath(path: string): PathSegment[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const segments: PathSegment[] = [];
  // `$.a`, `.a` and `a` all mean the same key.
  const body = path.startsWith('$') ? path.slice(1) : /^[.[]/.test(path) ? path : `.${path}`;
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '.') {
      const m = /^[^.[\]'"\s]+/.exec(body.slice(i + 1));
      if (!m) throw new PathSyntaxError(path, `expected a key after '.' at ${i}`);
      segments.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (ch === '[') {
      const rest = body.slice(i);
      const m = /^\[\s*(?:(-?\d+)|(\*)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/.exec(rest);
      if (!m) throw new PathSyntaxError(path, `bad bracket at ${i}`);
      if (m[1] !== undefined) segments.push({ index: Number(m[1]) });
      else if (m[2]) segments.push({ all: true });
      else segments.push({ key: (m[3] ?? m[4]).replace(/\\(.)/g, '$1') });
      i += m[0].length;
    } else {
      throw new PathSyntaxError(path, `unexpected '${ch}' at ${i}`);
    }
  }
  cache.set(path, segments);
  return segments;
}

/** The value at `path`, or undefined when any step is missing. `[*]` steps collect an array. */
export function getPath(root: unknown, path: string): unknown {
  return walk(root, parsePath(path), 0);
}

function walk(value: unknown, segments: PathSegment[], from: number): unknown {
  let cur = value;
  for (let s = from; s < segments.length; s++) {
    const seg = segments[s];
    if (cur === null || cur === undefined) return undefined;
    if ('all' in seg) {
      if (!Array.isArray(cur)) return undefined;
      return cur.map((item) => walk(item, segments, s + 1)).flat().filter((v) => v !== undefined);
    }
    if ('index' in seg) {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg.index < 0 ? cur.length + seg.index : seg.index];
    } else {
      if (typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(cur, seg.key)) return undefined;
      cur = (cur as Record<string, unknown>)[seg.key];
    }
  }
  return cur;
}

/** Sets `value` at `path`, creating objects and arrays on the way (for building partner request bodies). */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parsePath(path);
  if (segments.length === 0) throw new PathSyntaxError(path, 'cannot set the root');
  let cur: Record<string, unknown> | unknown[] = root;
  segments.forEach((seg, n) => {
    if ('all' in seg) throw new PathSyntaxError(path, '[*] cannot be set');
    const last = n === segments.length - 1;
    const key = 'index' in seg ? seg.index : seg.key;
    if ('key' in seg && (seg.key === '__proto__' || seg.key === 'constructor' || seg.key === 'prototype')) {
      throw new PathSyntaxError(path, `key '${seg.key}' is not allowed`);
    }
    const container = cur as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const next = segments[n + 1];
    if (container[key] === undefined || typeof container[key] !== 'object' || container[key] === null) {
      container[key] = 'index' in next ? [] : {};
    }
    cur = container[key] as Record<string, unknown> | unknown[];
  });
}
