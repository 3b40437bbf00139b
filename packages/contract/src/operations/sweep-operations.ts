import Type from 'typebox';
import { Id } from '../ids.js';
import { operation } from '../operation.js';
import { errorResponses } from '../schemas/error-body.js';
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
