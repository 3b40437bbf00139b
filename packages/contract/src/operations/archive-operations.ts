import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { operation } from '../operation.js';
import { ArchiveBodySchema, ArchiveStateSchema } from '../schemas/archive.js';
import { errorResponses } from '../schemas/error-body.js';

// Archiving is a state change of its own, not a field of PATCH: it is an
// administrator's act, audited with a reason, and it has rules of its own.

const RoundIdParams = Type.Object({ roundId: IdSchema }, { additionalProperties: false });
const AreaIdParams = Type.Object({ areaId: IdSchema }, { additionalProperties: false });

export const archiveRound = operation('POST', '/api/v1/rounds/:roundId/archive', {
  operationId: 'archiveRound',
  summary: 'Archive a round: it leaves the rounds list and every wall, and takes no events (409 ROUND_ARCHIVED)',
  description: 'Administrators only. Archiving an archived round changes nothing and answers its mark.',
  tags: ['rounds'],
  params: RoundIdParams,
  body: ArchiveBodySchema,
  response: { 200: ArchiveStateSchema, ...errorResponses(400, 404) },
});

export const unarchiveRound = operation('POST', '/api/v1/rounds/:roundId/unarchive', {
  operationId: 'unarchiveRound',
  summary: 'Bring an archived round back: listed, followed and counting again',
  description: "Administrators only. 409 AREA_ARCHIVED while the round's area is archived.",
  tags: ['rounds'],
  params: RoundIdParams,
  body: ArchiveBodySchema,
  response: { 200: ArchiveStateSchema, ...errorResponses(400, 404, 409) },
});

export const archiveArea = operation('POST', '/api/v1/areas/:areaId/archive', {
  operationId: 'archiveArea',
  summary: 'Archive an area: it leaves area lists, the map and walls; nothing new goes under it',
  description:
    'Administrators only. Refused with 409 AREA_NOT_EMPTY, naming them, while sub-areas or rounds over the area are not archived: ' +
    'archive a subtree from its leaves up. Its households stay and still count in the figures of the areas above it.',
  tags: ['territory'],
  params: AreaIdParams,
  body: ArchiveBodySchema,
  response: { 200: ArchiveStateSchema, ...errorResponses(400, 404, 409) },
});

export const unarchiveArea = operation('POST', '/api/v1/areas/:areaId/unarchive', {
  operationId: 'unarchiveArea',
  summary: 'Bring an archived area back into lists, the map and walls',
  description: 'Administrators only. 409 AREA_ARCHIVED while the area above it is archived: unarchive from the top down.',
  tags: ['territory'],
  params: AreaIdParams,
  body: ArchiveBodySchema,
  response: { 200: ArchiveStateSchema, ...errorResponses(400, 404, 409) },
});
