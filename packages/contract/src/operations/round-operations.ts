import Type from 'typebox';
import { IdSchema } from '../ids.js';
import { operation } from '../operation.js';
import { errorResponses } from '../schemas/error-body.js';
import { ProgressSampleSchema } from '../schemas/progress-sample.js';
import { NewRoundSchema, RoundSchema } from '../schemas/round.js';

export const RoundIdParams = Type.Object({ roundId: IdSchema }, { additionalProperties: false });

export const listRounds = operation('GET', '/api/v1/rounds', {
  operationId: 'listRounds',
  summary: 'All rounds, oldest first',
  tags: ['rounds'],
  response: { 200: Type.Immutable(Type.Array(RoundSchema)) },
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

export const getRoundHistory = operation('GET', '/api/v1/rounds/:roundId/history', {
  operationId: 'getRoundHistory',
  summary: "How the round went: its area's counts sampled over time (every 30 s, the last 24 h), oldest first",
  description: 'Counts only. Kept in memory by each server process since it started; a sample is taken at start and then on a fixed period.',
  tags: ['counts'],
  params: RoundIdParams,
  response: { 200: Type.Immutable(Type.Array(ProgressSampleSchema)), ...errorResponses(400, 404) },
});
