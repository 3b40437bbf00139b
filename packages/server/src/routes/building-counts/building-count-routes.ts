import { listBuildingCounts } from '@gridsweep/contract';
import { leafLevel } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { buildingHouseholdCounts } from './building-household-counts.js';

export async function buildingCountRoutes(fastify: FastifyInstance): Promise<void> {
  const { counting, roster } = fastify;

  typed(fastify).route({
    ...served(listBuildingCounts),
    config: { access: { permission: 'counts.read' } },
    handler: async (request) => {
      const { roundId, areaId } = request.params;
      const round = roster.round(roundId);
      if (!round) throw new ApiError('ROUND_NOT_FOUND');
      const level = roster.territory.areaLevel(areaId);
      if (level === undefined) throw new ApiError('AREA_NOT_FOUND');
      if (level !== leafLevel(roster.territory.levels).id) {
        throw new ApiError('AREA_NOT_FOUND', {}, `Area ${areaId} is a ${level}; buildings are listed per micro-grid.`);
      }
      return buildingHouseholdCounts(roster.territory, areaId, (buildingId) => counting.buildingCounts(round.id, buildingId));
    },
  });
}
