import { errorResponses, idSchema, pointSchema } from '../shared/common-schemas.js';

const householdCountsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['total', 'toVisit', 'visited', 'noAnswer', 'refused', 'vacant'],
  description: 'The building\'s households in the round; vacant = vacant in the roster or found vacant at the door, toVisit = total − vacant.',
  properties: {
    total: { type: 'integer' },
    toVisit: { type: 'integer' },
    visited: { type: 'integer' },
    noAnswer: { type: 'integer' },
    refused: { type: 'integer' },
    vacant: { type: 'integer' },
  },
} as const;

export const microgridBuildingsSchema = {
  summary: "A micro-grid's buildings with their households' counts in a round, for the map's deepest level",
  tags: ['counts'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['roundId', 'areaId'],
    properties: { roundId: idSchema, areaId: { ...idSchema, description: 'A micro-grid (the deepest level); any other area is 404 AREA_NOT_FOUND.' } },
  },
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'units', 'floors', 'location', 'households'],
        properties: {
          id: idSchema,
          name: { type: 'string' },
          units: { type: 'integer' },
          floors: { type: 'integer' },
          location: { anyOf: [pointSchema, { type: 'null' }] },
          households: householdCountsSchema,
        },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;
