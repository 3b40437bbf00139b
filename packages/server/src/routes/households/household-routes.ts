import { getHousehold, revealMember } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { buildingHouseholds } from '../territory/building-households.js';
import { served, typed } from '../typed.js';

export async function householdRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, territoryRepository, eventLog } = fastify;
  const api = typed(fastify);

  api.route({
    ...served(getHousehold),
    config: { access: { permission: 'households.read' } },
    handler: async (request) => {
      const household = roster.territory.household(request.params.householdId);
      if (!household) throw new ApiError('HOUSEHOLD_NOT_FOUND');
      const { roundId } = request.query;
      if (roundId !== undefined && !roster.round(roundId)) throw new ApiError('ROUND_NOT_FOUND');
      const building = roster.territory.building(household.buildingId)!;
      const doors = await buildingHouseholds(territoryRepository, eventLog, building, roundId);
      return { buildingId: building.id, household: doors.find((door) => door.id === household.id)! };
    },
  });

  api.route({
    ...served(revealMember),
    config: {
      access: { permission: 'personal.reveal' },
      audit: { action: 'member.reveal', reason: (request) => (request.body as { reason: string }).reason },
    },
    handler: async (request) => {
      const member = roster.territory.member(request.params.memberId);
      if (!member) throw new ApiError('MEMBER_NOT_FOUND');
      return { id: member.id, householdId: member.householdId, name: member.name, phone: member.phone ?? null };
    },
  });
}
