import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { roundHistorySchema } from './history-schemas.js';

export async function historyRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, coverageHistory } = fastify;
  fastify.get<{ Params: { roundId: string } }>('/rounds/:roundId/history', { schema: roundHistorySchema, config: { access: { permission: 'counts.read' } } }, async (request) => {
    const round = roster.round(request.params.roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    // The history is the round's whole area: an account for part of it may not read the whole.
    if (!fastify.access.policy.coversArea(request.principal!, round.areaId)) {
      throw new ApiError('OUT_OF_SCOPE', {}, "The round's history covers more than your account does.");
    }
    return coverageHistory.history(round.id);
  });
}
