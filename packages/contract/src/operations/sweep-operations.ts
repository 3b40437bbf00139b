import Type from 'typebox';
import { Id } from '../ids.js';
import { operation } from '../operation.js';
import { errorResponses } from '../schemas/error-body.js';
import { RosterChangeAnswerSchema, RosterChangeSchema } from '../schemas/roster-change.js';
import { SweepAssignmentsSchema } from '../schemas/sweep-assignments.js';

export const listSweepAssignments = operation('GET', '/api/v1/sweep/assignments', {
  operationId: 'listSweepAssignments',
  summary: "My work: the micro-grids the caller sweeps in a round, each with its progress, most left first",
  description:
    "A worker gets the micro-grids assigned to them; a supervisor or administrator every micro-grid of their scope. " +
    "Only micro-grids inside the round's area are listed. Counts only: the door list of a building is GET /api/v1/buildings/{buildingId}/households.",
  tags: ['events'],
  querystring: Type.Object({ roundId: Id('The round whose progress is shown.') }, { additionalProperties: false }),
  response: { 200: SweepAssignmentsSchema, ...errorResponses(400, 404) },
});

export const submitRosterChange = operation('POST', '/api/v1/roster-changes', {
  operationId: 'submitRosterChange',
  summary: 'Add a member found at the door, or mark one moved out, from the field',
  description:
    "A roster write with an event's care: the id is made on the phone (UUID v7), so a retry is harmless (200 duplicate) and the same id with other content is 409 ROSTER_CHANGE_CONFLICT. " +
    "The household must lie in the caller's territory (a worker: their micro-grids). The counts follow at once: an added member counts, a member moved out no longer does. " +
    'Written to the audit log with the worker and the device time.',
  tags: ['events'],
  body: RosterChangeSchema,
  response: { 200: RosterChangeAnswerSchema, ...errorResponses(400, 404, 409) },
});
