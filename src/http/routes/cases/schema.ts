export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', description: 'comma-separated statuses' },
    agency: { type: 'string' },
    area: { type: 'string', description: 'area code; includes areas inside it' },
    category: { type: 'string', description: 'comma-separated category codes' },
    channel: { type: 'string', description: 'comma-separated channels' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    overdue: { type: 'string', enum: ['true', 'false'] },
    q: { type: 'string', maxLength: 200, description: 'free text (Indonesian stemming) or a ticket number' },
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
  },
} as const;

export const actionBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    target_agency: { type: 'string', maxLength: 80 },
    reason: { type: 'string', maxLength: 2000 },
    misrouted: { type: 'boolean' },
    public_note: { type: 'string', maxLength: 4000 },
    reject_reason: { type: 'string', enum: ['bukan_wewenang', 'spam', 'tidak_lengkap', 'lainnya'] },
    forwarded_to: { type: 'string', maxLength: 200 },
    target_case: { type: 'integer', minimum: 1 },
  },
} as const;

export const detailsPatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    category: { type: 'string', maxLength: 60 },
    area: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
    location: {
      type: ['object', 'null'],
      required: ['lat', 'lng'],
      additionalProperties: false,
      properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 } },
    },
    address: { type: ['string', 'null'], maxLength: 500 },
    priority: { type: 'string', enum: ['normal', 'tinggi', 'darurat'] },
    title: { type: ['string', 'null'], maxLength: 200 },
  },
} as const;

export const splitBodySchema = {
  type: 'object',
  required: ['parts'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', maxLength: 1000 },
    parts: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 20000 },
          category: { type: 'string', maxLength: 60 },
          area: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
          title: { type: 'string', maxLength: 200 },
          address: { type: 'string', maxLength: 500 },
        },
      },
    },
  },
} as const;
