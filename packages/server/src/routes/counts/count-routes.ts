import { getAreaCounts, listLevelCounts } from '@gridsweep/contract';
import { evaluateArea, type Area } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import type { RosterTerritory as Territory } from '../../roster-territory.js';
import { served, typed } from '../typed.js';

/** The areas of one level in the subtree of `rootId`, breadth first. */
function areasOfLevelWithin(territory: Territory, rootId: string, level: string): Area[] {
  const found: Area[] = [];
  const queue = [territory.area(rootId)!];
  for (let i = 0; i < queue.length; i++) {
    const area = queue[i]!;
    if (area.level === level) found.push(area);
    else queue.push(...territory.children(area.id));
  }
  return found;
}

export async function countRoutes(fastify: FastifyInstance): Promise<void> {
  const { counting, roster } = fastify;
  const { policy } = fastify.access;
  const read = { permission: 'counts.read' } as const;
  const api = typed(fastify);

  function requireRound(roundId: string) {
    const round = roster.round(roundId);
    if (!round) throw new ApiError('ROUND_NOT_FOUND');
    return round;
  }

  api.route({
    ...served(getAreaCounts),
    config: { access: read },
    handler: async (request) => {
      const { roundId, areaId } = request.params;
      const { template, rules } = roster.campaignOf(requireRound(roundId));
      if (!roster.territory.area(areaId)) throw new ApiError('AREA_NOT_FOUND');
      const counts = counting.counts(roundId, areaId);
      return { roundId, areaId, counts, figures: evaluateArea(counts, template, rules) };
    },
  });

  api.route({
    ...served(listLevelCounts),
    config: { access: read },
    handler: async (request) => {
      const round = requireRound(request.params.roundId);
      const { level, within = round.areaId } = request.query;
      if (!roster.territory.area(within)) throw new ApiError('AREA_NOT_FOUND');
      if (!roster.territory.levels.some((l) => l.id === level)) {
        throw new ApiError('VALIDATION_FAILED', { issues: [{ field: 'level', reason: `must be one of ${roster.territory.levels.map((l) => l.id).join(', ')}` }] });
      }
      const { template, rules } = roster.campaignOf(round);
      return policy.visibleAreas(request.principal!, areasOfLevelWithin(roster.territory, within, level)).map((area) => {
        const counts = counting.counts(round.id, area.id);
        return { areaId: area.id, counts, figures: evaluateArea(counts, template, rules) };
      });
    },
  });
}
