import { getIngestStats, submitEvents } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { eventsAuditDetail } from '../../access/events-audit.js';
import { ApiError } from '../../errors/api-error.js';
import { answerBatch } from '../../ingest/batch-answer.js';
import { served, typed } from '../typed.js';

export async function eventRoutes(fastify: FastifyInstance): Promise<void> {
  const { ingest } = fastify;
  const { policy } = fastify.access;
  const api = typed(fastify);

  api.route({
    ...served(submitEvents),
    config: { access: { permission: 'events.write' }, audit: { action: 'events.write', target: () => 'events' } },
    handler: async (request) => {
      const { events } = request.body;
      // The audit entry goes into the events' own commit: the answer waits for that one commit only.
      const outcome = await ingest.ingest(events, policy.eventView(request.principal!, events), (results) =>
        fastify.access.auditEntry(request, eventsAuditDetail(events, results)),
      );
      const answer = answerBatch(outcome);
      if (answer.status !== 200) {
        const { code, message, ...detail } = answer.body;
        throw new ApiError(code, detail, message);
      }
      request.auditDetail = eventsAuditDetail(events, answer.body.results);
      request.auditRecorded = outcome.ok && outcome.audited;
      return answer.body;
    },
  });

  api.route({ ...served(getIngestStats), config: { access: { permission: 'ingest.stats' } }, handler: async () => ingest.stats });
}
