import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors/error-catalogue.js';
import { buildingHouseholds } from '../territory/building-households.js';
import { getHouseholdSchema, revealMemberSchema } from './household-schemas.js';

export async function householdRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, territoryRepository, eventLog, counting } = fastify;

  fastify.get<{ Params: { householdId: string }; Querystring: { roundId?: string } }>(
    '/households/:householdId',
    { schema: getHouseholdSchema, config: { access: { permission: 'households.read' } } },
    async (request) => {
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
  );

  fastify.post<{ Params: { memberId: string }; Body: { reason: string } }>(
    '/members/:memberId/reveal',
    {
      schema: revealMemberSchema,
      config: {
        access: { permission: 'personal.reveal' },
        audit: { action: 'member.reveal', reason: (request) => (request.body as { reason: string }).reason },
      },
    },
    async (request) => {
      const member = roster.territory.memberHousehold(request.params.memberId) === undefined ? undefined : await territoryRepository.member(request.params.memberId);
      if (!member) throw new ApiError('MEMBER_NOT_FOUND');
      return { id: member.id, householdId: member.householdId, name: member.name, phone: member.phone ?? null };
    },
  );
}
