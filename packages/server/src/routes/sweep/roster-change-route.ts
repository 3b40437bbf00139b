import { submitRosterChange } from '@gridsweep/contract';
import type { FastifyInstance } from 'fastify';
import { FieldRosterChanges } from '../../field-roster/field-roster-changes.js';
import { RosterChangeLog } from '../../field-roster/roster-change-log.js';
import { served, typed } from '../typed.js';

/** POST /api/v1/roster-changes: a member added at the door, or one moved out, from the field worker's household sheet. */
export async function rosterChangeRoute(fastify: FastifyInstance): Promise<void> {
  const changes = new FieldRosterChanges(fastify.roster, fastify.counting.engine, new RosterChangeLog(fastify.storage.db));
  typed(fastify).route({
    ...served(submitRosterChange),
    // Recorded by those who record events, in their own territory: the household is looked up as the
    // caller's scope sees it, so one outside it is answered as one that does not exist.
    config: {
      scopedBody: true,
      access: { permission: 'events.write' },
      audit: { action: 'roster.change', target: (request) => `household:${(request.body as { householdId: string }).householdId}` },
    },
    handler: async (request) => {
      const { kind, memberId, deviceTime } = request.body;
      const status = await changes.record(request.body, request.principal!.id, fastify.access.policy.lookupFor(request.principal!, request.body));
      request.auditDetail = { kind, memberId, deviceTime, status };
      return { id: request.body.id, status };
    },
  });
}
