import { listSweepAssignments } from '@gridsweep/contract';
import type { HouseholdCounts } from '@gridsweep/core';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { served, typed } from '../typed.js';
import { assignedMicrogrids } from './assigned-microgrids.js';
import { rosterChangeRoute } from './roster-change-route.js';

/** Households no one has recorded yet; a door that did not open is recorded, and its revisit is the worker's call. */
function householdsLeft(counts: HouseholdCounts): number {
  return Math.max(0, counts.toVisit - counts.visited - counts.noAnswer - counts.refused);
}

export async function sweepRoutes(fastify: FastifyInstance): Promise<void> {
  const { counting, roster } = fastify;
  await rosterChangeRoute(fastify);

  typed(fastify).route({
    ...served(listSweepAssignments),
    // Those who record events are those who have sweep work.
    config: { access: { permission: 'events.write' } },
    handler: async (request) => {
      const { roundId } = request.query;
      const round = roster.round(roundId);
      if (!round) throw new ApiError('ROUND_NOT_FOUND');
      const { territory } = roster;
      const microgrids = assignedMicrogrids(territory, request.principal!.scope, round.areaId).map((area) => {
        const households = counting.counts(round.id, area.id).households;
        const parentName = area.parentId === null ? null : (territory.area(area.parentId)?.name ?? null);
        return { areaId: area.id, name: area.name, parentName, buildings: territory.buildingsOf(area.id).length, households, left: householdsLeft(households) };
      });
      microgrids.sort((a, b) => b.left - a.left || a.name.localeCompare(b.name, 'zh-CN'));
      return { roundId: round.id, microgrids };
    },
  });
}
