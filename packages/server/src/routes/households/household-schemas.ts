import { householdWithStatusSchema } from '../territory/building-schemas.js';
import { errorResponses, idSchema } from '../shared/common-schemas.js';

export const getHouseholdSchema = {
  summary: 'One household with its members (masked) and, for a round, its latest recorded status',
  tags: ['territory'],
  params: { type: 'object', additionalProperties: false, required: ['householdId'], properties: { householdId: idSchema } },
  querystring: { type: 'object', additionalProperties: false, properties: { roundId: idSchema } },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['buildingId', 'household'],
      properties: { buildingId: idSchema, household: householdWithStatusSchema },
    },
    ...errorResponses(400, 404),
  },
} as const;

export const revealMemberSchema = {
  summary: "One member's name and phone in full; the reason is kept in the audit log",
  tags: ['territory'],
  params: { type: 'object', additionalProperties: false, required: ['memberId'], properties: { memberId: idSchema } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: { reason: { type: 'string', minLength: 4, maxLength: 500, description: 'Why the full record is needed, e.g. "home sampling visit, phone to arrange time".' } },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'householdId', 'name', 'phone'],
      properties: {
        id: idSchema,
        householdId: idSchema,
        name: { type: 'string' },
        phone: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;
