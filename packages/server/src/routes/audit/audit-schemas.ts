import { errorResponses } from '../shared/common-schemas.js';

export const auditSchema = {
  summary: 'The audit log, newest first: every reveal, write and sign-in',
  tags: ['access'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
      before: { type: 'integer', minimum: 1, description: 'Only entries with a smaller seq: the next page.' },
    },
  },
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['seq', 'at', 'actorId', 'actorRole', 'action', 'target', 'reason', 'source', 'detail'],
        properties: {
          seq: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          actorId: { type: 'string' },
          actorRole: { type: 'string' },
          action: { type: 'string' },
          target: { type: 'string' },
          reason: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          source: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          detail: { type: 'object', additionalProperties: true },
        },
      },
    },
    ...errorResponses(400),
  },
} as const;
