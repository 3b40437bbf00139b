import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { operation } from '../operation.js';
import { errorResponses } from '../schemas/error-body.js';
import { ProgressSampleSchema } from '../schemas/progress-sample.js';
import { NewRoundSchema, RoundCampaignSchema, RoundChangeSchema, RoundSchema } from '../schemas/round.js';

export const RoundIdParams = Type.Object({ roundId: IdSchema }, { additionalProperties: false });

export const listRounds = operation('GET', '/api/v1/rounds', {
  operationId: 'listRounds',
  summary: 'All rounds, oldest first; archived ones only when an administrator asks for them',
  tags: ['rounds'],
  querystring: Type.Object(
    {
      includeArchived: Type.Optional(
        Type.Boolean({ description: 'true: archived rounds too, each with its archivedAt. Administrators only (403 for other roles).' }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 200: Type.Immutable(Type.Array(RoundSchema)), ...errorResponses(400) },
});

export const getRound = operation('GET', '/api/v1/rounds/:roundId', {
  operationId: 'getRound',
  summary: 'One round',
  tags: ['rounds'],
  params: RoundIdParams,
  response: { 200: RoundSchema, ...errorResponses(400, 404) },
});

export const createRound = operation('POST', '/api/v1/rounds', {
  operationId: 'createRound',
  summary: 'Open a round',
  tags: ['rounds'],
  description: 'The template and rules versions may be left out: the latest stored are taken.',
  body: NewRoundSchema,
  response: { 201: RoundSchema, ...errorResponses(400, 409) },
});

export const updateRound = operation('PATCH', '/api/v1/rounds/:roundId', {
  operationId: 'updateRound',
  summary: "Rename a round, or change its template or rules versions",
  description: "The template and rules can change only until the round's first event: after it, 409 ROUND_LOCKED, so figures are always read against what made them.",
  tags: ['rounds'],
  params: RoundIdParams,
  body: RoundChangeSchema,
  response: { 200: RoundSchema, ...errorResponses(400, 404, 409) },
});

export const getRoundCampaign = operation('GET', '/api/v1/rounds/:roundId/campaign', {
  operationId: 'getRoundCampaign',
  summary: 'What a client needs to draw a round: the round, its template and its rules',
  tags: ['rounds'],
  params: RoundIdParams,
  response: { 200: RoundCampaignSchema, ...errorResponses(400, 404) },
});

export const getRoundHistory = operation('GET', '/api/v1/rounds/:roundId/history', {
  operationId: 'getRoundHistory',
  summary: "How the round went: its area's counts sampled over time (every 30 s, the last 24 h), oldest first",
  description: 'Counts only. Kept in memory by each server process since it started; a sample is taken at start and then on a fixed period.',
  tags: ['counts'],
  params: RoundIdParams,
  response: { 200: Type.Immutable(Type.Array(ProgressSampleSchema)), ...errorResponses(400, 404) },
});
