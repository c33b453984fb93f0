import { webComplaintSchema } from '../../../channels/web/web-form.js';

/** Request schemas of the walk-in post API (validated by fastify; multipart fields by the same schema). */
const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const hoursSchema = {
  type: 'array',
  maxItems: 21,
  items: {
    type: 'object',
    required: ['weekday', 'opens', 'closes'],
    additionalProperties: false,
    properties: { weekday: { type: 'integer', minimum: 0, maximum: 6 }, opens: time, closes: time },
  },
} as const;

export const postIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 80 } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['balai_kota', 'kecamatan', 'kelurahan', 'other'] },
    area: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
    include_inactive: { type: 'boolean' },
  },
} as const;

export const openQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { date, kind: listQuery.properties.kind, area: listQuery.properties.area },
} as const;

export const detailQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { from: date, days: { type: 'integer', minimum: 1, maximum: 92, default: 14 } },
} as const;

export const createPostBody = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,78}$' },
    name: { type: 'string', minLength: 3, maxLength: 200 },
    kind: listQuery.properties.kind,
    area_code: listQuery.properties.area,
    address: { type: 'string', maxLength: 500 },
    closed_on_holidays: { type: 'boolean' },
    hours: hoursSchema,
  },
} as const;

export const patchPostBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: createPostBody.properties.name,
    address: { type: ['string', 'null'], maxLength: 500 },
    active: { type: 'boolean' },
    closed_on_holidays: { type: 'boolean' },
  },
} as const;

export const exceptionBody = {
  type: 'object',
  required: ['date', 'closed'],
  additionalProperties: false,
  properties: { date, closed: { type: 'boolean' }, opens: time, closes: time, note: { type: 'string', maxLength: 500 } },
} as const;

const { client_request_id: _omit, ...webFields } = webComplaintSchema.properties;

/** The assisted intake form: the portal's complaint fields, the channel, and when it was taken down. */
export const intakeBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    ...webFields,
    channel: { type: 'string', enum: ['walkin', 'phone'] },
    taken_at: { type: 'string', format: 'date-time' },
  },
} as const;

export const intakeHeaders = {
  type: 'object',
  required: ['idempotency-key'],
  properties: { 'idempotency-key': { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,100}$' } },
} as const;
