import { ROLES } from '@gridsweep/core';
import { idSchema } from '../shared/common-schemas.js';

export const scopeSchema = {
  description:
    'The part of the territory the account covers: everything; the subtrees of some areas (a worker: micro-grids); or one household (a resident).',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'everything' } } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'areaIds'],
      properties: { kind: { const: 'areas' }, areaIds: { type: 'array', items: idSchema, minItems: 1, maxItems: 1000 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'householdId'],
      properties: { kind: { const: 'household' }, householdId: idSchema },
    },
  ],
} as const;

export const userSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'username', 'displayName', 'role', 'scope', 'revoked'],
  properties: {
    id: idSchema,
    username: idSchema,
    displayName: { type: 'string' },
    role: { enum: ROLES },
    scope: scopeSchema,
    revoked: { type: 'boolean' },
  },
} as const;
