import { getRoundHistory } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

export async function historyRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, coverageHistory } = fastify;
  typed(fastify).route({
    ...served(getRoundHistory),
    config: { access: { permission: 'counts.read' } },
    handler: async (request) => {
      const round = roster.round(request.params.roundId);
      if (!round) throw new ApiError('ROUND_NOT_FOUND');
      // The history is the round's whole area: an account for part of it may not read the whole.
      if (!fastify.access.policy.coversArea(request.principal!, round.areaId)) {
        throw new ApiError('OUT_OF_SCOPE', {}, "The round's history covers more than your account does.");
      }
      return coverageHistory.history(round.id);
    },
  });
}
