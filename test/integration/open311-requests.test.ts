import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DIALECT } from '../support/test-context.js';
import { childNames, expectValid, form, FORM, newApiKey, pngPhoto, schemaValidators, SKIP_MESSAGE, SPEC_AVAILABLE, specJson, specText, specXml, submitCase, xmlParser } from './open311-support.js';

describe(`Open311 requests (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let key: { id: number; key: string };
  let photoCase: Awaited<ReturnType<typeof submitCase>>;
  beforeAll(async () => {
    t = await createTestApp();
    key = await newApiKey(t.ctx);
    photoCase = await submitCase(t.ctx, { attachments: [{ filename: 'lubang.png', contentType: 'image/png', data: await pngPhoto() }] });
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (fmt: 'xml' | 'json', body: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, headers: { ...FORM, ...headers }, payload: body });
  const valid = (over: Record<string, string | string[]> = {}) => form({ api_key: key.key, service_code: 'jalan-rusak', lat: '-6.2088', long: '106.8456', description: 'Jalan berlubang dalam', ...over });
  const caseCount = async () => Number((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('POST /requests', () => {
    it('creates a case synchronously and answers the ticket as service_request_id (XML and JSON)', async () => {
      const res = await post('xml', valid({ address_string: 'Jl. Thamrin', account_id: 'acc-1' }));
      expect(res.statusCode).toBe(201);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const answer = xmlParser.parse(res.body).service_requests.request[0];
      expect(answer.service_request_id).toMatch(/^JKT-2611-\d{6}$/);
      expect(answer.account_id).toBe('acc-1');
      expect(answer.service_notice).toContain(`/lacak/${answer.service_request_id}`);
      const row = await t.ctx.database.db.selectFrom('cases').selectAll().where('ticket', '=', answer.service_request_id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ channel: 'open311', category_code: 'jalan-rusak', partner_api_key_id: key.id, address: 'Jl. Thamrin', is_public: 1 });
      expect(row.open311_token).toMatch(/^[0-9a-f]{24}$/);
      const raw = await t.ctx.database.db.selectFrom('inbound_messages').select('payload').where('case_id', '=', row.id).executeTakeFirstOrThrow();
      expect(raw.payload).not.toContain(key.key);

      const json = await post('json', valid());
      expect(json.statusCode).toBe(201);
      expect(json.json()).toEqual([{ service_request_id: expect.stringMatching(/^JKT-/), service_notice: expect.any(String), account_id: null }]);
    });

    it('accepts the key in the X-Api-Key header, multivaluelists and the confidential flag', async () => {
      const res = await post('json', form({ service_code: 'sampah', address_id: '31.71.01.1001', 'attribute[affected][]': ['warga_sekitar', 'usaha'], 'attribute[confidential]': 'true' }), { 'x-api-key': key.key });
      expect(res.statusCode).toBe(201);
      const ticket = res.json()[0].service_request_id;
      const row = await t.ctx.database.db.selectFrom('cases').select(['is_public', 'area_code', 'agency_id']).where('ticket', '=', ticket).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ is_public: 0, area_code: '31.71.01.1001' });
      expect(row.agency_id).not.toBeNull();
      expect((await get(`/open311/v2/requests/${ticket}.json`)).statusCode).toBe(404);
    });

    it('403 without a key or with a bad one, before anything else is checked', async () => {
      const before = await caseCount();
      const none = await post('xml', form({ service_code: 'nope' }));
      expect(none.statusCode).toBe(403);
      expect(xmlParser.parse(none.body).errors.error).toEqual([{ code: '403', description: expect.stringContaining('api_key') }]);
      const bad = await post('json', valid({ api_key: 'cpt_wrong' }));
      expect(bad.statusCode).toBe(403);
      expect(bad.json()).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
      expect((await post('json', form({ service_code: 'jalan-rusak', address_string: 'x' }), { 'x-api-key': 'cpt_bad' })).statusCode).toBe(403);
      expect(await caseCount()).toBe(before);
    });

    it('400 with every problem listed, and nothing written', async () => {
      const before = await caseCount();
      const cases: [string, Record<string, string | string[]>, RegExp][] = [
        ['unknown service', { service_code: 'nope' }, /^service_code: unknown service 'nope'$/],
        ['no location', { lat: '', long: '' }, /^location: required/],
        ['lat without long', { long: '' }, /^long: lat and long go together$/],
        ['long description', { description: 'x'.repeat(4001) }, /^description: at most 4000/],
        ['required attribute', { service_code: 'genangan-banjir' }, /^attribute\[kedalaman_cm\]: required$/],
        ['unknown area', { lat: '', long: '', address_id: '31.99.99.9999' }, /^address_id: unknown area code/],
      ];
      for (const [what, over, message] of cases) {
        const res = await post('json', valid(over));
        expect(res.statusCode, what).toBe(400);
        expect(res.json().map((e: { description: string }) => e.description), what).toContainEqual(expect.stringMatching(message));
      }
      const many = await post('xml', valid({ service_code: 'nope', lat: '', long: '', description: 'x'.repeat(4001), email: 'x' }));
      expect(many.statusCode).toBe(400);
      const errors = xmlParser.parse(many.body).errors.error as { code: string }[];
      expect(errors.length).toBe(4);
      expect(errors.every((e) => e.code === '400')).toBe(true);
      expect(await caseCount()).toBe(before);
    });

    it('refuses a body that is not UTF-8, in either form', async () => {
      const before = await caseCount();
      const escaped = await post('json', `${valid()}&description=%C3%28`);
      expect(escaped.statusCode).toBe(400);
      expect(escaped.json()[0].description).toMatch(/UTF-8/);
      const raw = await post('xml', Buffer.concat([Buffer.from(`${valid()}&description=`), Buffer.from([0xc3, 0x28])]));
      expect(raw.statusCode).toBe(400);
      expect(xmlParser.parse(raw.body).errors.error[0].description).toMatch(/UTF-8/);
      expect(await caseCount()).toBe(before);
    });

    it('an unknown jurisdiction is a 404; ours is fine', async () => {
      expect((await post('json', valid({ jurisdiction_id: 'bandung.go.id' }))).statusCode).toBe(404);
      expect((await post('json', valid({ jurisdiction_id: 'jakarta.go.id' }))).statusCode).toBe(201);
    });
  });

  describe('idempotency (Idempotency-Key header, scoped to the API key)', () => {
    it('a resend with the same key answers 200 with the same request and creates nothing', async () => {
      const first = await post('json', valid(), { 'idempotency-key': 'fms-report-000123' });
      expect(first.statusCode).toBe(201);
      const before = await caseCount();
      const again = await post('xml', valid({ description: 'sent again after a timeout' }), { 'idempotency-key': 'fms-report-000123' });
      expect(again.statusCode).toBe(200);
      expect(xmlParser.parse(again.body).service_requests.request[0].service_request_id).toBe(first.json()[0].service_request_id);
      expect(await caseCount()).toBe(before);
    });

    it('another partner with the same key, or no key at all, makes new requests', async () => {
      const other = await newApiKey(t.ctx);
      const a = (await post('json', valid(), { 'idempotency-key': 'shared-key-0001' })).json()[0].service_request_id;
      const b = (await post('json', valid({ api_key: other.key }), { 'idempotency-key': 'shared-key-0001' })).json()[0].service_request_id;
      expect(b).not.toBe(a);
      const c = (await post('json', valid())).json()[0].service_request_id;
      const d = (await post('json', valid())).json()[0].service_request_id;
      expect(c).not.toBe(d);
      expect((await post('json', valid(), { 'idempotency-key': 'bad key!' })).statusCode).toBe(400);
    });
  });

  describe('GET /requests and /requests/{id}', () => {
    it('a request as the spec shows it: ticket, open/closed, agency, Jakarta times, public photo', async () => {
      const res = await get(`/open311/v2/requests/${photoCase.case.ticket}.json`);
      expect(res.statusCode).toBe(200);
      const [r] = res.json();
      const agency = await t.ctx.database.db.selectFrom('agencies').select('name').where('id', '=', photoCase.case.agency_id!).executeTakeFirstOrThrow();
      expect(r).toMatchObject({
        service_request_id: photoCase.case.ticket, status: 'open', service_code: 'jalan-rusak', agency_responsible: agency.name,
        description: 'Jalan berlubang di depan sekolah', address: 'Jl. Tebet Raya', address_id: '31.74.01.1001', lat: -6.2615, long: 106.8106,
        requested_datetime: '2026-11-23T09:00:00+07:00', zipcode: null,
      });
      expect(r.media_url).toMatch(/^http:\/\/cepat\.test\/open311\/v2\/media\/[0-9a-f]{64}$/);
      const media = await get(r.media_url.replace('http://cepat.test', ''));
      expect(media.statusCode).toBe(200);
      expect(media.headers['content-type']).toBe('image/png');
      const xml = xmlParser.parse((await get(`/open311/v2/requests/${photoCase.case.ticket.toLowerCase()}.xml`)).body).service_requests.request;
      expect(xml).toHaveLength(1);
      expect(xml[0].service_request_id).toBe(photoCase.case.ticket);
      expect(xml[0].lat).toBe('-6.2615');
      expect(xml[0].status_notes).toBe('');
    });

    it('404 for an unknown or confidential request', async () => {
      const secret = await submitCase(t.ctx, { reporter: { contactKind: 'none', confidential: true } });
      for (const id of ['JKT-0000-000000', secret.case.ticket]) {
        const res = await get(`/open311/v2/requests/${id}.xml`);
        expect(res.statusCode).toBe(404);
        expect(xmlParser.parse(res.body).errors.error[0].code).toBe('404');
      }
      const list = (await get('/open311/v2/requests.json')).json() as { service_request_id: string }[];
      expect(list.map((r) => r.service_request_id)).not.toContain(secret.case.ticket);
    });

    it('filters by service_code, status and ids (ids override the rest); uncategorized cases have their own code', async () => {
      const trash = await submitCase(t.ctx, { categoryCode: 'sampah', text: 'Sampah menumpuk' });
      const loose = await submitCase(t.ctx, { categoryCode: undefined, location: { address: 'Pasar Minggu' }, text: 'Ada masalah' });
      const rejected = await submitCase(t.ctx, { categoryCode: 'sampah' });
      const { transitionCase } = await import('../../src/services/cases/transition-case.js');
      await transitionCase(t.ctx, { caseRef: rejected.case.id, action: 'reject', input: { rejectReason: 'bukan_wewenang', publicNote: 'Bukan wewenang Pemprov', forwardedTo: 'Kementerian PUPR' }, actor: { kind: 'user', userId: 1, role: 'admin' } });
      const ids = async (q: string) => ((await get(`/open311/v2/requests.json?${q}`)).json() as { service_request_id: string }[]).map((r) => r.service_request_id);
      expect((await ids('service_code=sampah')).sort()).toEqual([trash.case.ticket, rejected.case.ticket].sort());
      expect(await ids('service_code=sampah&status=closed')).toEqual([rejected.case.ticket]);
      expect(await ids('service_code=sampah,belum-dikategorikan&status=open')).toEqual([loose.case.ticket, trash.case.ticket]);
      expect(await ids(`service_request_id=${trash.case.ticket},${rejected.case.ticket}&service_code=jalan-rusak&status=open&start_date=2030-01-01`)).toHaveLength(2);
      const closed = (await get(`/open311/v2/requests/${rejected.case.ticket}.json`)).json()[0];
      expect(closed).toMatchObject({ status: 'closed', status_notes: 'Bukan wewenang Pemprov — diteruskan ke / forwarded to Kementerian PUPR' });
      const uncategorized = (await get(`/open311/v2/requests/${loose.case.ticket}.json`)).json()[0];
      expect(uncategorized).toMatchObject({ service_code: 'belum-dikategorikan', agency_responsible: null, lat: null, long: null });
    });

    it('defaults to the last 90 days; dates, paging and their errors', async () => {
      t.setNow('2026-07-01T03:00:00Z');
      const old = await submitCase(t.ctx);
      t.setNow('2026-11-23T02:00:00Z');
      const ids = async (q: string) => ((await get(`/open311/v2/requests.json?${q}`)).json() as { service_request_id: string }[]).map((r) => r.service_request_id);
      expect(await ids('')).not.toContain(old.case.ticket);
      expect(await ids('start_date=2026-06-15&end_date=2026-07-15')).toEqual([old.case.ticket]);
      expect(await ids('start_date=2026-07-01T10:00:00%2B07:00&end_date=2026-07-01T10:00:01%2B07:00')).toEqual([old.case.ticket]);
      const all = await ids('');
      expect(await ids('page_size=2&page=2')).toEqual(all.slice(2, 4));
      for (const [q, field] of [['start_date=2026-01-01&end_date=2026-06-01', 'end_date'], ['start_date=yesterday', 'start_date'], ['end_date=2026-01-01&start_date=2026-02-01', 'end_date'], ['page_size=5000', 'page_size'], ['status=pending', 'status']]) {
        const json = await get(`/open311/v2/requests.json?${q}`);
        expect(json.statusCode, q).toBe(400);
        expect(json.json()[0].description.startsWith(`${field}:`), q).toBe(true);
        const xml = await get(`/open311/v2/requests.xml?${q}`);
        expect(xml.statusCode, q).toBe(400);
        expect(xmlParser.parse(xml.body).errors.error[0].code).toBe('400');
      }
    });

    it('extensions=true adds extended attributes and the notes history', async () => {
      const [r] = (await get(`/open311/v2/requests/${photoCase.case.ticket}.json?extensions=true`)).json();
      expect(r.extended_attributes).toMatchObject({ status_extended: 'ACTION_SCHEDULED', external_status_code: 'disposisi', channel: 'web', report_type: 'pengaduan' });
      expect(r.notes.map((n: { status: string }) => n.status)).toEqual(['FOR_TRIAGE', 'ACTION_SCHEDULED']);
      expect(r.notes[0]).toMatchObject({ datetime: '2026-11-23T09:00:00+07:00', type: 'status' });
      const list = (await get('/open311/v2/requests.json')).json()[0];
      expect(list).not.toHaveProperty('notes');
      const xml = xmlParser.parse((await get(`/open311/v2/requests.xml?extensions=true&service_request_id=${photoCase.case.ticket}`)).body);
      expect(xml.service_requests.request[0].notes.note).toHaveLength(2);
    });

    it('never shows personal data: names, e-mail, phone, account or device ids', async () => {
      const pii = { email: 'rahasia.pelapor@example.id', first_name: 'Kusumawardhani', last_name: 'Prawiranegara', phone: '081299887766', account_id: 'acct-778899', device_id: 'device-445566' };
      const res = await post('json', valid(pii));
      const ticket = res.json()[0].service_request_id as string;
      const { transitionCase } = await import('../../src/services/cases/transition-case.js');
      await transitionCase(t.ctx, { caseRef: ticket, action: 'request_info', input: { publicNote: 'Mohon kirim foto' }, actor: { kind: 'user', userId: 1, role: 'admin' } });
      const bodies = [
        ...(await Promise.all(['json', 'xml'].flatMap((f) => [`/open311/v2/requests.${f}`, `/open311/v2/requests.${f}?extensions=true`, `/open311/v2/requests/${ticket}.${f}?extensions=true`, `/open311/v2/servicerequestupdates.${f}`]).map(get))).map((r) => r.body),
      ];
      expect(bodies.join('\n')).toContain(ticket);
      for (const value of [...Object.values(pii), '6281299887766', 'Budi Santoso', 'budi.santoso@example.id']) {
        for (const body of bodies) expect(body.toLowerCase()).not.toContain(value.toLowerCase());
      }
    });
  });

  describe('GET /tokens/{token}', () => {
    it('resolves the token stored at creation to the request id', async () => {
      const ticket = (await post('json', valid())).json()[0].service_request_id;
      const { open311_token: token } = await t.ctx.database.db.selectFrom('cases').select('open311_token').where('ticket', '=', ticket).executeTakeFirstOrThrow();
      expect((await get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([{ service_request_id: ticket, token }]);
      expect(xmlParser.parse((await get(`/open311/v2/tokens/${token}.xml`)).body).service_requests.request).toEqual([{ service_request_id: ticket, token }]);
      expect((await get('/open311/v2/tokens/0123456789abcdef01234567.json')).statusCode).toBe(404);
    });
  });

  describe.skipIf(!SPEC_AVAILABLE)('against the specification examples and schemas', () => {
    if (!SPEC_AVAILABLE) it.skip(SKIP_MESSAGE, () => {});

    it('the spec’s example POST (with our key, service and an Indonesian phone) answers like the spec', async () => {
      const http = specText('post-service-request.http.txt');
      const body = http.trim().split('\n').pop()!
        .replace('api_key=xyz', `api_key=${encodeURIComponent(key.key)}`)
        .replace('jurisdiction_id=city.gov', 'jurisdiction_id=jakarta.go.id')
        .replace('service_code=001', 'service_code=jalan-rusak')
        .replace('phone=111111111', 'phone=081234567890');
      const xml = await post('xml', body);
      expect(xml.statusCode).toBe(201);
      const spec = specXml('xml-service-request-post.xml.txt');
      expect(childNames(xml.body, [])).toEqual(childNames(spec, []));
      expect(childNames(xml.body, ['service_requests', 'request'])).toEqual(childNames(spec, ['service_requests', 'request']));
      const json = await post('json', body);
      expect(Object.keys(json.json()[0])).toEqual(Object.keys((specJson('json-service-request-post.json.txt') as object[])[0]));
    });

    it('requests: same fields in the same order as the spec (XML and JSON), valid against request(s).json', async () => {
      const v = schemaValidators();
      for (const [example, url] of [['service-request', `/open311/v2/requests/${photoCase.case.ticket}`], ['service-requests', '/open311/v2/requests']]) {
        const spec = specXml(`xml-${example}.xml.txt`);
        const xml = (await get(`${url}.xml`)).body;
        expect(childNames(xml, [])).toEqual(childNames(spec, []));
        expect(childNames(xml, ['service_requests', 'request'])).toEqual(childNames(spec, ['service_requests', 'request']));
        const json = (await get(`${url}.json`)).json();
        expect(Array.isArray(json)).toBe(true);
        expect(Object.keys(json[0])).toEqual(Object.keys((specJson(`json-${example}.json.txt`) as object[])[0]));
        expectValid(v.requests, json);
      }
      const all = (await get('/open311/v2/requests.json?extensions=true')).json() as unknown[];
      expect(all.length).toBeGreaterThan(5);
      expectValid(v.requests, all);
      for (const r of all) expectValid(v.request, r);
    });

    it('token and error answers have the spec’s shape', async () => {
      const ticket = (await post('json', valid())).json()[0].service_request_id;
      const { open311_token: token } = await t.ctx.database.db.selectFrom('cases').select('open311_token').where('ticket', '=', ticket).executeTakeFirstOrThrow();
      const tokenSpec = specXml('xml-request-from-token.xml.txt');
      expect(childNames((await get(`/open311/v2/tokens/${token}.xml`)).body, ['service_requests', 'request'])).toEqual(childNames(tokenSpec, ['service_requests', 'request']));
      expect(Object.keys((await get(`/open311/v2/tokens/${token}.json`)).json()[0])).toEqual(Object.keys((specJson('json-request-from-token.json.txt') as object[])[0]));
      const errSpec = specXml('xml-errors.xml.txt');
      const err = (await post('xml', valid({ api_key: 'xyz' }))).body;
      expect(childNames(err, [])).toEqual(childNames(errSpec, []));
      expect(childNames(err, ['errors', 'error'])).toEqual(childNames(errSpec, ['errors', 'error']));
      expect(xmlParser.parse(err)).toEqual(xmlParser.parse(errSpec));
      expect((await post('json', valid({ api_key: 'xyz' }))).json()).toEqual(specJson('json-errors.json.txt'));
    });
  });
});
