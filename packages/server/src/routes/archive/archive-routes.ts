import { archiveArea, archiveRound, unarchiveArea, unarchiveRound, type Body } from '@gridsweep/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Archivist } from '../../archivist.js';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';

type ArchiveBody = Body<typeof archiveRound>;

export async function archiveRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, archiveRepository } = fastify;
  const archivist = new Archivist(roster, archiveRepository);
  const api = typed(fastify);
  const access = { permission: 'archive.write' } as const;
  const audit = (action: string) => ({ action, reason: (request: FastifyRequest) => (request.body as ArchiveBody).reason ?? null });

  const requireRound = (roundId: string) => {
    const round = roster.round(roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return round;
  };
  const requireArea = (areaId: string) => {
    if (!roster.territory.area(areaId)) throw new ApiError('AREA_NOT_FOUND');
    return areaId;
  };

  api.route({
    ...served(archiveRound),
    config: { access, audit: audit('round.archive') },
    handler: async (request) => archivist.archiveRound(requireRound(request.params.roundId)),
  });
  api.route({
    ...served(unarchiveRound),
    config: { access, audit: audit('round.unarchive') },
    handler: async (request) => archivist.unarchiveRound(requireRound(request.params.roundId)),
  });
  api.route({
    ...served(archiveArea),
    config: { access, audit: audit('area.archive') },
    handler: async (request) => archivist.archiveArea(requireArea(request.params.areaId)),
  });
  api.route({
    ...served(unarchiveArea),
    config: { access, audit: audit('area.unarchive') },
    handler: async (request) => archivist.unarchiveArea(requireArea(request.params.areaId)),
  });
}
