import { createRound, getRound, listRounds } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

export async function roundRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster } = fastify;
  const { policy } = fastify.access;
  const api = typed(fastify);
  const read = { permission: 'counts.read' } as const;
  api.route({ ...served(listRounds), config: { access: read }, handler: async (request) => policy.visibleRounds(request.principal!, roster.allRounds()) });
  api.route({
    ...served(getRound),
    config: { access: read },
    handler: async (request) => {
      const round = roster.round(request.params.roundId);
      if (!round) throw new ApiError('ROUND_NOT_FOUND');
      return round;
    },
  });
  api.route({
    ...served(createRound),
    config: { access: { permission: 'rounds.write' }, audit: { action: 'round.create' } },
    handler: async (request, reply) => reply.code(201).send(await roster.addRound(request.body)),
  });
}
