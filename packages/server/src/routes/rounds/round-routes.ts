import { createRound, getRound, getRoundCampaign, listRounds, updateRound } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

export async function roundRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, eventLog } = fastify;
  const { policy } = fastify.access;
  const api = typed(fastify);
  const read = { permission: 'counts.read' } as const;

  const requireRound = (roundId: string) => {
    const round = roster.round(roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return round;
  };

  api.route({ ...served(listRounds), config: { access: read }, handler: async (request) => policy.visibleRounds(request.principal!, roster.allRounds()) });
  api.route({ ...served(getRound), config: { access: read }, handler: async (request) => requireRound(request.params.roundId) });
  api.route({
    ...served(createRound),
    config: { access: { permission: 'rounds.write' }, audit: { action: 'round.create' } },
    handler: async (request, reply) => reply.code(201).send(await roster.addRound(request.body)),
  });

  api.route({
    ...served(updateRound),
    config: { access: { permission: 'rounds.write' }, audit: { action: 'round.update' } },
    handler: async (request) => {
      const round = requireRound(request.params.roundId);
      // Seeing a round is not enough to change it: the whole of its area must be the caller's.
      if (!policy.coversArea(request.principal!, round.areaId)) throw new ApiError('OUT_OF_SCOPE');
      request.auditDetail = { change: request.body };
      return roster.updateRound(round, request.body, await eventLog.roundHasEvents(round.id));
    },
  });

  api.route({
    ...served(getRoundCampaign),
    config: { access: read },
    handler: async (request) => {
      const round = requireRound(request.params.roundId);
      return { round, ...roster.campaignOf(round) };
    },
  });
}
