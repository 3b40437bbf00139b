import { errorResponses, idSchema } from '../shared/common-schemas.js';

const householdsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['visited', 'toVisit'],
  properties: { visited: { type: 'integer' }, toVisit: { type: 'integer' } },
} as const;

const membersSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['done', 'eligible'],
  properties: { done: { type: 'integer' }, eligible: { type: 'integer' } },
} as const;

export const roundHistorySchema = {
  summary: "How the round went: its area's counts sampled over time (every 30 s, the last 24 h), oldest first",
  description: 'Counts only. Kept in memory by each server process since it started; a sample is taken at start and then on a fixed period.',
  tags: ['counts'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['roundId'],
    properties: { roundId: idSchema },
  },
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'households', 'members'],
        properties: {
          at: { type: 'integer', description: 'When the sample was taken, epoch ms.' },
          households: householdsSchema,
          members: membersSchema,
        },
      },
    },
    ...errorResponses(400, 404),
  },
} as const;
