import { createRound, getRound, getRoundCampaign, listRounds, updateRound } from '@gridsweep/contract';
import type { Round } from '@gridsweep/core';
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

  /** A round as the API shows it: an archived one carries when it was archived (only administrators are shown one). */
  const shown = (round: Round) => {
    const archivedAt = roster.archive.roundArchivedAt(round.id);
    return archivedAt === undefined ? round : { ...round, archivedAt };
  };

  api.route({
    ...served(listRounds),
    config: { access: read },
    handler: async (request) => {
      const principal = request.principal!;
      const includeArchived = request.query.includeArchived === true;
      if (includeArchived && principal.role !== 'admin') throw new ApiError('FORBIDDEN', {}, 'Only administrators see archived rounds.');
      const rounds = policy.visibleRounds(principal, roster.allRounds());
      return (includeArchived ? rounds : rounds.filter((round) => !roster.archive.isRoundArchived(round.id))).map(shown);
    },
  });
  api.route({ ...served(getRound), config: { access: read }, handler: async (request) => shown(requireRound(request.params.roundId)) });
  api.route({
    ...served(createRound),
    // The round's area is validated as the caller's scope sees it: one outside it does not exist.
    config: { access: { permission: 'rounds.write' }, audit: { action: 'round.create' }, scopedBody: true },
    handler: async (request, reply) => reply.code(201).send(await roster.addRound(request.body, policy.lookupFor(request.principal!, request.body))),
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
