import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributesFor } from '../../src/channels/open311/attributes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { childNames, expectValid, schemaValidators, SKIP_MESSAGE, SPEC_AVAILABLE, specJson, specXml, xmlParser } from './open311-support.js';

const XML = 'text/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

describe(`Open311 discovery, services and definitions (${TEST_DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('discovery lists this endpoint with the GeoReport v2 specification and both formats', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe(JSON_TYPE);
    const d = json.json();
    expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://cepat.test/open311/v2', changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
    ]);
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toBe(XML);
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xmlParser.parse(xml.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services are the active categories, the same in XML and JSON', async () => {
    const json = (await get('/open311/v2/services.json')).json() as Record<string, unknown>[];
    const active = await t.ctx.database.db.selectFrom('categories').select(['code', 'name_id', 'group_name']).where('active', '=', 1).execute();
    expect(json.map((s) => s.service_code).sort()).toEqual(active.map((c) => c.code).sort());
    const road = json.find((s) => s.service_code === 'jalan-rusak')!;
    expect(road).toMatchObject({ service_name: active.find((c) => c.code === 'jalan-rusak')!.name_id, metadata: true, type: 'realtime', group: 'Infrastruktur' });
    expect(road.keywords).toMatch(/^[^,]+(, [^,]+)+$/);
    const res = await get('/open311/v2/services.xml');
    expect(res.headers['content-type']).toBe(XML);
    const xmlServices = xmlParser.parse(res.body).services.service as Record<string, string>[];
    expect(xmlServices).toEqual(json.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? '' : String(v)]))));
  });

  it('an inactive category is not a service', async () => {
    await t.ctx.database.db.updateTable('categories').set({ active: 0 }).where('code', '=', 'pohon-rawan').execute();
    const codes = ((await get('/open311/v2/services.json')).json() as { service_code: string }[]).map((s) => s.service_code);
    expect(codes).not.toContain('pohon-rawan');
    expect((await get('/open311/v2/services/pohon-rawan.json')).statusCode).toBe(404);
    await t.ctx.database.db.updateTable('categories').set({ active: 1 }).where('code', '=', 'pohon-rawan').execute();
  });

  it('a service definition lists the attributes in order, with values for lists only', async () => {
    const def = (await get('/open311/v2/services/genangan-banjir.json')).json();
    expect(def.service_code).toBe('genangan-banjir');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(attributesFor('genangan-banjir').map((a) => a.code));
    expect(def.attributes.map((a: { order: number }) => a.order)).toEqual(def.attributes.map((_: unknown, i: number) => i + 1));
    const depth = def.attributes.find((a: { code: string }) => a.code === 'kedalaman_cm');
    expect(depth).toMatchObject({ variable: true, datatype: 'number', required: true });
    expect(depth).not.toHaveProperty('values');
    const type = def.attributes.find((a: { code: string }) => a.code === 'report_type');
    expect(type.values.map((v: { key: string }) => v.key)).toEqual(['pengaduan', 'aspirasi', 'permintaan_informasi']);
    const xml = xmlParser.parse((await get('/open311/v2/services/genangan-banjir.xml')).body).service_definition;
    expect(xml.attributes.attribute.map((a: { code: string }) => a.code)).toEqual(def.attributes.map((a: { code: string }) => a.code));
    expect(xml.attributes.attribute[0].values.value[1]).toEqual({ key: 'aspirasi', name: type.values[1].name });
  });

  it('jurisdiction_id: ours or none is fine, another is a 404 in the asked format', async () => {
    expect((await get('/open311/v2/services.json?jurisdiction_id=jakarta.go.id')).statusCode).toBe(200);
    const json = await get('/open311/v2/services.json?jurisdiction_id=bandung.go.id');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: expect.stringContaining('bandung.go.id') }]);
    const xml = await get('/open311/v2/services/sampah.xml?jurisdiction_id=bandung.go.id');
    expect(xml.statusCode).toBe(404);
    expect(xml.headers['content-type']).toBe(XML);
    expect(xmlParser.parse(xml.body).errors.error[0].code).toBe('404');
  });

  it('unknown resources and formats are Open311 404s; the rest of the API keeps its own errors', async () => {
    for (const url of ['/open311/v2/services/nope.json', '/open311/v2/services.html', '/open311/v2/nothing.xml', '/open311/v2/a/b/c.json', '/open311/v2/tokens/zz.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      const body = url.endsWith('.json') ? res.json() : xmlParser.parse(res.body).errors.error;
      expect(body[0].code, url).toBe(url.endsWith('.json') ? 404 : '404');
    }
    const other = await get('/api/nothing-here');
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('<errors>');
  });

  describe.skipIf(!SPEC_AVAILABLE)('against the specification examples and schemas', () => {
    if (!SPEC_AVAILABLE) it.skip(SKIP_MESSAGE, () => {});
    it('service list: same field names in the same order (XML and JSON) and valid against services.json', async () => {
      const specOrder = childNames(specXml('xml-service-list.xml.txt'), ['services', 'service']);
      const xml = (await get('/open311/v2/services.xml')).body;
      expect(childNames(xml, ['services', 'service'])).toEqual(specOrder);
      const json = (await get('/open311/v2/services.json')).json();
      expect(Object.keys(json[0])).toEqual(Object.keys((specJson('json-service-list.json.txt') as object[])[0]));
      expectValid(schemaValidators().services, json);
    });

    it('service definition: same nesting and field order, valid against service-definition.json', async () => {
      const spec = specXml('xml-service-definition.xml.txt');
      const xml = (await get('/open311/v2/services/pohon-tumbang.xml')).body;
      expect(childNames(xml, ['service_definition'])).toEqual(childNames(spec, ['service_definition']));
      expect(childNames(xml, ['service_definition', 'attributes', 'attribute'])).toEqual(childNames(spec, ['service_definition', 'attributes', 'attribute']));
      expect(childNames(xml, ['service_definition', 'attributes', 'attribute', 'values', 'value'])).toEqual(childNames(spec, ['service_definition', 'attributes', 'attribute', 'values', 'value']));
      const json = (await get('/open311/v2/services/pohon-tumbang.json')).json();
      const specDef = specJson('json-service-definition.json.txt') as { attributes: Record<string, unknown>[] };
      expect(Object.keys(json)).toEqual(Object.keys(specDef));
      expect(Object.keys(json.attributes[0])).toEqual(Object.keys(specDef.attributes[0]));
      const v = schemaValidators().serviceDefinition;
      for (const code of ['jalan-rusak', 'genangan-banjir', 'pohon-tumbang']) expectValid(v, (await get(`/open311/v2/services/${code}.json`)).json());
    });

    it('the schema check is live: a numeric service_code fails it', () => {
      expect(schemaValidators().services(specJson('json-service-list.json.txt'))).toBe(true);
      expect(schemaValidators().services([{ service_code: 1, service_name: 'x', metadata: true, type: 'realtime' }])).toBe(false);
    });
  });
});
