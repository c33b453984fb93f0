/**
 * The XML side of Open311's "JSON is a mechanical mapping of the XML": objects become elements in key order,
 * arrays become a wrapper element holding one child per item (named by `itemNames`, e.g. `services` →
 * `service`), null becomes an empty element and undefined is left out. Text is escaped, and characters XML 1.0
 * cannot carry at all (control characters, lone surrogates a citizen's message may contain) are dropped so the
 * document always parses.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Everything outside the XML 1.0 Char production; with the `u` flag a lone surrogate is one code point here.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const NEEDS_WORK = /[&<>]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function escapeXmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>, out: string[]): void {
  if (value === undefined) return;
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null) {
    out.push(`<${name}></${name}>`);
    return;
  }
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    out.push(`<${name}>`);
    for (const v of value) element(item, v, itemNames, out);
    out.push(`</${name}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, itemNames, out);
    out.push(`</${name}>`);
    return;
  }
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  out.push(`<${name}>${escapeXmlText(text)}</${name}>`);
}

/** A whole document: the declaration, then `root` holding `value` (an array's items are named by `itemNames[root]`). */
export function toXmlDocument(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  element(root, value, itemNames, out);
  return `${XML_DECLARATION}\n${out.join('')}\n`;
}
