import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlText, toXmlDocument } from './xml.js';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'value', 'error'].includes(name) });
const items = { services: 'service', values: 'value', errors: 'error' };

describe('Open311 XML serializer', () => {
  it('writes the declaration, the root, list wrappers with named items, and keeps key order', () => {
    const xml = toXmlDocument('services', [{ service_code: '001', metadata: true, order: 1, group: null, skipped: undefined }], items);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(xml).toContain('<service_code>001</service_code><metadata>true</metadata><order>1</order><group></group></service>');
    expect(xml).not.toContain('skipped');
    expect(parser.parse(xml).services.service[0]).toEqual({ service_code: '001', metadata: 'true', order: '1', group: '' });
  });

  it('nests lists inside objects', () => {
    const xml = toXmlDocument('service_definition', { service_code: 'x', attributes: [{ code: 'a', values: [{ key: '1', name: 'One' }] }] }, { ...items, attributes: 'attribute' });
    const doc = parser.parse(xml);
    expect(doc.service_definition.attributes.attribute.values.value).toEqual([{ key: '1', name: 'One' }]);
  });

  it('escapes markup and drops characters XML cannot carry, so any citizen text parses back', () => {
    const nasty = 'a < b && c > d </description><x> "q" \u0000\u0007\u000b\ud800 ok \u{1F600}';
    const xml = toXmlDocument('errors', [{ code: 400, description: nasty }], items);
    const back = parser.parse(xml).errors.error[0].description as string;
    expect(back).toBe('a < b && c > d </description><x> "q"  ok \u{1F600}');
    expect(escapeXmlText('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('refuses element names that are not XML names', () => {
    expect(() => toXmlDocument('r', { 'bad name': 1 }, items)).toThrow(/element name/);
  });
});
