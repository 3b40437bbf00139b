import { errorResponses, idSchema } from '../shared/common-schemas.js';
import { buildingSchema } from './territory-schemas.js';

const valuesSchema = {
  type: 'object',
  description: 'Field id to option id, the latest value of each field (last writer wins).',
  additionalProperties: { type: 'string' },
} as const;

/** A household with its members (masked) and a round's latest values. */
export const householdWithStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'unit', 'floor', 'room', 'vacant', 'values', 'members'],
  properties: {
    id: idSchema,
    unit: { type: 'integer' },
    floor: { type: 'integer' },
    room: { type: 'string' },
    vacant: { type: 'boolean' },
    values: valuesSchema,
    lastRecordedAt: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    members: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'tags', 'values'],
        properties: {
          id: idSchema,
          name: { type: 'string', description: 'Masked: 张*明.' },
          phone: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'Masked: 138****5678.' },
          birthYear: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          tags: { type: 'array', items: { type: 'string' } },
          values: valuesSchema,
        },
      },
    },
  },
} as const;

export const buildingHouseholdsSchema = {
  summary: "A building's households with their members and, for a round, their latest recorded status",
  tags: ['territory'],
  params: { type: 'object', additionalProperties: false, required: ['buildingId'], properties: { buildingId: idSchema } },
  querystring: { type: 'object', additionalProperties: false, properties: { roundId: idSchema } },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['building', 'households'],
      properties: {
        building: buildingSchema,
        households: {
          type: 'array',
          items: householdWithStatusSchema,
        },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;
