import { errorResponses, itemResultSchema } from '../shared/common-schemas.js';

export const MAX_EVENTS_PER_BATCH = 500;


export const postEventsSchema = {
  summary: 'Submit a batch of sweep events',
  description:
    'Each event is checked on its own against the round template and the roster, so one bad event does not hold back the others. ' +
    'The answer comes after the valid events are committed. Resending an event is safe: the same id with the same content is a duplicate. ' +
    'An id stored with different content refuses the whole batch with 409 and writes nothing.',
  tags: ['events'],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['events'],
    properties: {
      events: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_EVENTS_PER_BATCH,
        items: {
          type: 'object',
          description:
            'A sweep event {id (UUID v7), deviceTime (ms), roundId, workerId, householdId, memberId?, values: {fieldId: optionId}}; checked per item by the core validation.',
        },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['results'],
      properties: { results: { type: 'array', items: itemResultSchema } },
    },
    ...errorResponses(400, 409, 413, 415),
  },
} as const;

export const ingestStatsSchema = {
  summary: 'How the ingest has grouped its commits since start',
  tags: ['events'],
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['commits', 'events', 'eventsPerCommit'],
      properties: { commits: { type: 'integer' }, events: { type: 'integer' }, eventsPerCommit: { type: 'number' } },
    },
  },
} as const;
