import { getHousehold, revealMember } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { RevealLimit } from '../../access/reveal-limit.js';
import { DEFAULT_ACCESS } from '../../config.js';
import { ApiError } from '../../errors/api-error.js';
import { buildingHouseholds } from '../territory/building-households.js';
import { served, typed } from '../typed.js';

interface RevealBody {
  readonly purpose: string;
  readonly reason: string;
}

/** The audit log's reason: the purpose chosen, then the words. */
const revealReason = (body: RevealBody) => `${body.purpose}: ${body.reason}`;

export async function householdRoutes(fastify: FastifyInstance): Promise<void> {
  const { roster, territoryRepository, eventLog, counting } = fastify;
  const api = typed(fastify);
  const access = fastify.appOptions.config.access ?? DEFAULT_ACCESS;
  const reveals = new RevealLimit(access.revealsPerWindow, access.revealWindowMinutes * 60_000);

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
      const doors = await buildingHouseholds({ territory: territoryRepository, events: eventLog, counting, workerNames: (ids) => fastify.access.users.displayNames(ids) }, building, round && { round, campaign: roster.campaignOf(round) });
      return { buildingId, household: doors.find((door) => door.id === householdId)! };
    },
  });

  api.route({
    ...served(revealMember),
    config: {
      access: { permission: 'personal.reveal' },
      audit: { action: 'member.reveal', reason: (request) => revealReason(request.body as RevealBody) },
    },
    handler: async (request, reply) => {
      const principal = request.principal!;
      const allowed = reveals.take(principal.id);
      if (!allowed.allowed) {
        // The refusal is audited too: a burst of reveals is what the audit view must show.
        await fastify.access.audit.record({
          actorId: principal.id,
          actorRole: principal.role,
          action: 'member.reveal-refused',
          target: `member:${request.params.memberId}`,
          reason: revealReason(request.body),
          source: request.ip,
          detail: { limit: reveals.perWindow, windowMinutes: access.revealWindowMinutes },
        });
        void reply.header('retry-after', String(allowed.retryAfterSeconds));
        throw new ApiError('RATE_LIMITED', {}, `At most ${reveals.perWindow} reveals in ${access.revealWindowMinutes} minutes; wait for the time in Retry-After.`);
      }
      const member = roster.territory.memberHousehold(request.params.memberId) === undefined ? undefined : await territoryRepository.member(request.params.memberId);
      if (!member) throw new ApiError('MEMBER_NOT_FOUND');
      return { id: member.id, householdId: member.householdId, name: member.name, phone: member.phone ?? null };
    },
  });
}
