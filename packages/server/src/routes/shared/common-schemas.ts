// Schemas used by more than one route. Every object schema closes its shape
// (additionalProperties: false) so a typo in a field name is an error, not a
// silently ignored value.

export const idSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' } as const;

export const positionSchema = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
} as const;

export const pointSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'coordinates'],
  properties: { type: { const: 'Point' }, coordinates: positionSchema },
} as const;

/** Polygon or MultiPolygon; the core's validator checks rings and nesting. */
export const areaGeometrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'coordinates'],
  properties: { type: { enum: ['Polygon', 'MultiPolygon'] }, coordinates: { type: 'array' } },
} as const;

const issueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['field', 'reason'],
  properties: { field: { type: 'string' }, reason: { type: 'string' } },
} as const;

/** What happened to one event of a batch. */
export const itemResultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['index', 'id', 'status'],
  properties: {
    index: { type: 'integer', description: 'Position of the event in the batch.' },
    id: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    status: {
      enum: ['accepted', 'duplicate', 'rejected'],
      description: 'accepted: stored now; duplicate: already stored with the same content, nothing changed; rejected: invalid, nothing written.',
    },
    issues: { type: 'array', items: issueSchema },
  },
} as const;

export const errorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message', 'requestId'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    requestId: { type: 'string' },
    issues: { type: 'array', items: issueSchema },
    conflicts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['index', 'id'],
        properties: { index: { type: 'integer' }, id: { type: 'string' } },
      },
    },
    results: { type: 'array', items: itemResultSchema },
  },
} as const;

/** The error answers a route can give, each status with the one error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorSchema]));
}
