/** Request schemas of the report, appeal and notification routes (types follow from them). */
const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'local calendar month YYYY-MM' } as const;

export const tkdQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['month'],
  properties: { month, format: { type: 'string', enum: ['json', 'csv', 'xlsx', 'pdf'] }, agency: { type: 'string', maxLength: 80 } },
} as const;

export const performanceQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['month'],
  properties: { month, by: { type: 'string', enum: ['agency', 'channel', 'kota', 'kecamatan', 'kelurahan'] }, ids: { type: 'string', enum: ['true', 'false'] } },
} as const;

export const drilldownQuery = { type: 'object', additionalProperties: false, required: ['month'], properties: { month } } as const;

export const reachQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { month, from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, level: { type: 'string', enum: ['kelurahan', 'kecamatan', 'kota'] } },
} as const;

export const finalizeBody = { type: 'object', additionalProperties: false, required: ['month'], properties: { month } } as const;

export const appealBody = {
  type: 'object',
  additionalProperties: false,
  required: ['case', 'remedy', 'reason'],
  properties: {
    case: { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'integer', minimum: 1 }], description: 'case id or ticket' },
    agency: { type: 'string', maxLength: 80, description: 'admins only: the agency appealing' },
    remedy: { type: 'string', enum: ['exclude', 'reattribute'] },
    to_agency: { type: 'string', maxLength: 80 },
    reason: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const decisionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['decision'],
  properties: { decision: { type: 'string', enum: ['accepted', 'rejected'] }, note: { type: 'string', maxLength: 2000 } },
} as const;

export const appealsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] } },
} as const;

export const notificationsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { unread: { type: 'string', enum: ['true', 'false'] }, before: { type: 'integer', minimum: 1 }, limit: { type: 'integer', minimum: 1, maximum: 200 } },
} as const;

/**
 * The TKD configuration document; only its outline is checked here, the rule itself by parseTkdConfig
 * (src/services/reports/tkd-config.ts), which lists every problem at once under `validation_failed`.
 */
export const tkdConfigBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rule: {
      type: 'object',
      description:
        'fields replace the default rule’s whole: componentWeightPercent, weights (verification, first_response, follow_up, resolution, rating), redFlagPenalty { pointsPerFlag, maxPoints }, bands [{ minScore, lossPercentOfComponent, label }] highest first, ratingScale { min, max }, scoreWhenNoData',
    },
    eselonScope: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 10 }, description: 'echelon groups whose heads the deduction applies to, e.g. ["I", "II"]' },
  },
} as const;
