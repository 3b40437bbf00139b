import { getHousehold, revealMember } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/api-error.js';
import { buildingHouseholds } from '../territory/building-households.js';
import { served, typed } from '../typed.js';

export async function householdRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, territoryRepository, eventLog, counting } = fastify;
  const api = typed(fastify);

  api.route({
    ...served(getHousehold),
    config: { access: { permission: 'households.read' } },
    handler: async (request) => {
      const { householdId } = request.params;
      const buildingId = roster.territory.householdBuilding(householdId);
      if (!buildingId) throw new ApiError('HOUSEHOLD_NOT_FOUND');
      const { roundId } = request.query;
      const round = roundId === undefined ? undefined : roster.round(roundId);
      if (roundId !== undefined && !round) throw new ApiError('ROUND_NOT_FOUND');
      const building = roster.territory.building(buildingId)!;
      const doors = await buildingHouseholds({ territory: territoryRepository, events: eventLog, counting }, building, round && { round, campaign: roster.campaignOf(round) });
      return { buildingId, household: doors.find((door) => door.id === householdId)! };
    },
  });

  api.route({
    ...served(revealMember),
    config: {
      access: { permission: 'personal.reveal' },
      audit: { action: 'member.reveal', reason: (request) => (request.body as { reason: string }).reason },
    },
    handler: async (request) => {
      const member = roster.territory.memberHousehold(request.params.memberId) === undefined ? undefined : await territoryRepository.member(request.params.memberId);
      if (!member) throw new ApiError('MEMBER_NOT_FOUND');
      return { id: member.id, householdId: member.householdId, name: member.name, phone: member.phone ?? null };
    },
  });
}
