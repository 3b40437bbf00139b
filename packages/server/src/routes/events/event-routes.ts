import type { FastifyInstance } from 'fastify';
import { OUTSIDE_SCOPE } from '../../access/access-policy.js';
import { eventsAuditDetail } from '../../access/events-audit.js';
import { ApiError } from '../../errors/error-catalogue.js';
import { ingestStatsSchema, postEventsSchema } from './event-schemas.js';

export async function eventRoutes(fastify: FastifyInstance): Promise<void> {
  const { ingest } = fastify;
  const { policy } = fastify.access;

  fastify.post<{ Body: { events: unknown[] } }>(
    '/events',
    { schema: postEventsSchema, config: { access: { permission: 'events.write' }, audit: { action: 'events.write', target: () => 'events' } } },
    async (request) => {
      const outcome = await ingest.ingest(request.body.events, policy.admitEvent(request.principal!));
      if (!outcome.ok) throw new ApiError('EVENT_CONFLICT', { conflicts: outcome.conflicts });
      if (outcome.results.every((result) => result.status === 'rejected')) {
        const outOfScope = outcome.results.some((result) => result.status === 'rejected' && result.issues.some((issue) => issue.reason === OUTSIDE_SCOPE));
        throw new ApiError(outOfScope ? 'OUT_OF_SCOPE' : 'EVENTS_REJECTED', { results: outcome.results });
      }
      request.auditDetail = eventsAuditDetail(request.body.events, outcome.results);
      return { results: outcome.results };
    },
  );

  fastify.get('/ingest/stats', { schema: ingestStatsSchema, config: { access: { permission: 'ingest.stats' } } }, async () => ingest.stats);
}
