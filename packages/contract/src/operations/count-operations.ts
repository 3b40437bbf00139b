import Type from 'typebox';
import { Id, IdSchema } from '../ids.js';
import { operation } from '../operation.js';
import { SafeText } from '../safe-text.js';
import { AreaCountsSchema } from '../schemas/area-counts.js';
import { BuildingWithCountsSchema } from '../schemas/building-counts.js';
import { errorResponses } from '../schemas/error-body.js';
import { AreaEvaluationSchema } from '../schemas/figures.js';
import { RoundIdParams } from './round-operations.js';

export const getAreaCounts = operation('GET', '/api/v1/rounds/:roundId/areas/:areaId/counts', {
  operationId: 'getAreaCounts',
  summary: "One area's counts in a round, with the figures the rules make of them and how",
  tags: ['counts'],
  params: Type.Object({ roundId: IdSchema, areaId: IdSchema }, { additionalProperties: false }),
  response: {
    200: Type.Object({ roundId: IdSchema, areaId: IdSchema, counts: AreaCountsSchema, figures: AreaEvaluationSchema }, { additionalProperties: false }),
    ...errorResponses(400, 404),
  },
});

export const listLevelCounts = operation('GET', '/api/v1/rounds/:roundId/counts', {
  operationId: 'listLevelCounts',
  summary: 'The counts of every area of one level inside an area, in one call (for the map)',
  tags: ['counts'],
  params: RoundIdParams,
  querystring: Type.Object(
    { level: SafeText({ description: 'A level id of the territory, e.g. microgrid.' }), within: Type.Optional(Id("Defaults to the round's area.")) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Immutable(Type.Array(Type.Object({ areaId: IdSchema, counts: AreaCountsSchema, figures: AreaEvaluationSchema }, { additionalProperties: false }))),
    ...errorResponses(400, 404),
  },
});

export const listBuildingCounts = operation('GET', '/api/v1/rounds/:roundId/areas/:areaId/buildings', {
  operationId: 'listBuildingCounts',
  summary: "A micro-grid's buildings with their households' counts in a round, for the map's deepest level",
  tags: ['counts'],
  params: Type.Object(
    { roundId: IdSchema, areaId: Id('A micro-grid (the deepest level); any other area is 404 AREA_NOT_FOUND.') },
    { additionalProperties: false },
  ),
  response: { 200: Type.Immutable(Type.Array(BuildingWithCountsSchema)), ...errorResponses(400, 404) },
});
