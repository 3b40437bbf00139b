import { leafLevel } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { buildingHouseholdCounts } from './building-household-counts.js';
import { microgridBuildingsSchema } from './building-count-schemas.js';

export async function buildingCountRoutes(fastify: FastifyInstance): Promise<void> {
  const { counting, roster } = fastify;

  fastify.get<{ Params: { roundId: string; areaId: string } }>(
    '/rounds/:roundId/areas/:areaId/buildings',
    { schema: microgridBuildingsSchema, config: { access: { permission: 'counts.read' } } },
    async (request) => {
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
  );
}
