import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePartnerConfig } from './partner-config.js';
import { buildPollRequest, forwardedReportId, parsePollResponse } from './partner-poll.js';
import { PartnerRequestError } from './partner-outbound.js';
import { PARTNER_PRESETS, withOverrides } from './presets.js';

const config = parsePartnerConfig({
  id: 'lsm-kota',
  name: 'LSM Kota',
  channel: 'partner',
  fields: { externalId: '$.id', text: '$.isi' },
  baseUrlEnv: 'CEPAT_LSM_URL',
  poll: { url: '{baseUrl}/laporan?since={since}&page={cursor}', itemsPath: '$.hasil', nextCursorPath: '$.meta.next', auth: { kind: 'hmac', header: 'X-Sig', secretEnv: 'CEPAT_LSM_SECRET' } },
});
const env = { CEPAT_LSM_URL: 'https://lsm.example/api/', CEPAT_LSM_SECRET: 's3' };

describe('partner polling', () => {
  it('builds the GET with the since mark, the cursor and a signature over path and query', () => {
    const req = buildPollRequest(config, { since: new Date('2026-11-23T01:00:00Z'), cursor: 'p 2' }, env);
    expect(req.method).toBe('GET');
    expect(req.url).toBe('https://lsm.example/api/laporan?since=2026-11-23T01%3A00%3A00.000Z&page=p%202');
    const u = new URL(req.url);
    expect(req.headers['x-sig']).toBe(createHmac('sha256', 's3').update(u.pathname + u.search).digest('hex'));
    expect(() => buildPollRequest(config, { since: new Date() }, {})).toThrow(PartnerRequestError);
  });

  it('reads the reports and the next cursor from their answer', () => {
    expect(parsePollResponse(config, { hasil: [{ id: 1 }], meta: { next: 7 } })).toEqual({ items: [{ id: 1 }], nextCursor: '7' });
    expect(parsePollResponse(config, { hasil: [], meta: { next: '' } })).toEqual({ items: [], nextCursor: undefined });
    expect(() => parsePollResponse(config, { error: 'x' })).toThrow(/no array of reports/);
  });

  it("finds LAPOR!'s id for a forwarded report", () => {
    const lapor = withOverrides(PARTNER_PRESETS.lapor);
    expect(forwardedReportId(lapor, { tracking_id: 8812 })).toBe('8812');
    expect(forwardedReportId(lapor, { ok: true })).toBeUndefined();
  });
});
