import { operation } from '../operation.js';
import { errorResponses } from '../schemas/error-body.js';
import { IngestStatsSchema, SubmitEventsAnswerSchema, SubmitEventsBodySchema } from '../schemas/sweep-event.js';

export const submitEvents = operation('POST', '/api/v1/events', {
  operationId: 'submitEvents',
  summary: 'Submit a batch of sweep events',
  description:
    'Each event is checked on its own against the round template and the roster, so one bad event does not hold back the others. ' +
    'The answer comes after the valid events are committed. Resending an event is safe: the same id with the same content is a duplicate. ' +
    'A batch whose every event is rejected is 400 EVENTS_REJECTED with the results per item (a household outside your territory is answered as one that does not exist); ' +
    'an id stored with different content refuses the whole batch with 409 and writes nothing. ' +
    'The socket event events.submit:v1 answers the same batch with the same code.',
  tags: ['events'],
  body: SubmitEventsBodySchema,
  response: { 200: SubmitEventsAnswerSchema, ...errorResponses(400, 409, 413, 415) },
});

export const getIngestStats = operation('GET', '/api/v1/ingest/stats', {
  operationId: 'getIngestStats',
  summary: 'How the ingest has grouped its commits since start',
  tags: ['events'],
  response: { 200: IngestStatsSchema },
});
