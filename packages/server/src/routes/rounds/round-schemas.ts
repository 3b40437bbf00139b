import { errorResponses, idSchema } from '../shared/common-schemas.js';

export const roundSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'templateId', 'areaId', 'startsAt'],
  properties: {
    id: idSchema,
    name: { type: 'string', minLength: 1 },
    templateId: { type: 'string' },
    areaId: idSchema,
    startsAt: { type: 'integer', description: 'Milliseconds since the Unix epoch.' },
  },
} as const;

export const listRoundsSchema = {
  summary: 'All rounds, oldest first',
  tags: ['rounds'],
  response: { 200: { type: 'array', items: roundSchema } },
} as const;

export const getRoundSchema = {
  summary: 'One round',
  tags: ['rounds'],
  params: { type: 'object', additionalProperties: false, required: ['roundId'], properties: { roundId: idSchema } },
  response: { 200: roundSchema, ...errorResponses(400, 404) },
} as const;

export const createRoundSchema = {
  summary: 'Open a round',
  tags: ['rounds'],
  body: roundSchema,
  response: { 201: roundSchema, ...errorResponses(400, 409) },
} as const;
