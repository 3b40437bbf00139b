import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { createRoundSchema, getRoundSchema, listRoundsSchema } from './round-schemas.js';

export async function roundRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster } = fastify;
  const { policy } = fastify.access;
  const read = { permission: 'counts.read' } as const;
  fastify.get('/rounds', { schema: listRoundsSchema, config: { access: read } }, async (request) =>
    policy.visibleRounds(request.principal!, roster.allRounds()),
  );
  fastify.get<{ Params: { roundId: string } }>('/rounds/:roundId', { schema: getRoundSchema, config: { access: read } }, async (request) => {
    const round = roster.round(request.params.roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return round;
  });
  fastify.post('/rounds', { schema: createRoundSchema, config: { access: { permission: 'rounds.write' }, audit: { action: 'round.create' } } }, async (request, reply) =>
    reply.code(201).send(await roster.addRound(request.body)),
  );
}
