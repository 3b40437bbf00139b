import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { createRoundSchema, getRoundSchema, listRoundsSchema } from './round-schemas.js';

export async function roundRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster } = fastify;
  fastify.get('/rounds', { schema: listRoundsSchema }, async () => roster.allRounds());
  fastify.get<{ Params: { roundId: string } }>('/rounds/:roundId', { schema: getRoundSchema }, async (request) => {
    const round = roster.round(request.params.roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return round;
  });
  fastify.post('/rounds', { schema: createRoundSchema }, async (request, reply) =>
    reply.code(201).send(await roster.addRound(request.body)),
  );
}
