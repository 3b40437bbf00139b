import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { roundHistorySchema } from './history-schemas.js';

export async function historyRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, coverageHistory } = fastify;
  fastify.get<{ Params: { roundId: string } }>('/rounds/:roundId/history', { schema: roundHistorySchema }, async (request) => {
    const round = roster.round(request.params.roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return coverageHistory.history(round.id);
  });
}
