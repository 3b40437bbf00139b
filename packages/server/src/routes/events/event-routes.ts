import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { ingestStatsSchema, postEventsSchema } from './event-schemas.js';

export async function eventRoutes(fastify: FastifyInstance): Promise<void> {
  const { ingest } = fastify;

  fastify.post<{ Body: { events: unknown[] } }>('/events', { schema: postEventsSchema }, async (request) => {
    const outcome = await ingest.ingest(request.body.events);
    if (!outcome.ok) throw new ApiError('EVENT_CONFLICT', { conflicts: outcome.conflicts });
    if (outcome.results.every((result) => result.status === 'rejected')) {
      throw new ApiError('EVENTS_REJECTED', { results: outcome.results });
    }
    return { results: outcome.results };
  });

  fastify.get('/ingest/stats', { schema: ingestStatsSchema }, async () => ingest.stats);
}
